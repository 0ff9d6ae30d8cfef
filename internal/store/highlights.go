package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"analyst/internal/content"
)

// Anchor is the paragraph a highlight marks, by position and by text: its
// article, its section's slug, its index among the section's paragraphs,
// and the paragraph's whole text as it was when highlighted (also the
// quote shown for a detached highlight, and the one exported).
type Anchor struct {
	Issue     string // "2026-01"
	Article   string // "cutler"
	Section   string // "implications"
	Paragraph int    // from 0, in the section's Paragraphs
	Quote     string
}

// Ref names the highlight's article.
func (a Anchor) Ref() ArticleRef { return ArticleRef{Issue: a.Issue, Article: a.Article} }

// Highlight is a paragraph a reader marked, with their note ("" for none).
type Highlight struct {
	ID int64 // unique for its owner
	Anchor
	Note    string
	Created time.Time
	Updated time.Time // when the note last changed, or Created
}

// highlightColumns are the columns scanHighlight reads, in order.
const highlightColumns = "id, issue, article, section, paragraph, quote, note, created_ms, updated_ms"

// Highlights returns every highlight of the owner, newest first.
func (s *Store) Highlights(ctx context.Context, owner string) ([]Highlight, error) {
	return s.readHighlights(ctx, "SELECT "+highlightColumns+
		" FROM highlights WHERE owner = ? ORDER BY created_ms DESC, id DESC", owner)
}

// ArticleHighlights returns the owner's highlights of one article, newest
// first; Locate (or LocateIn) tells which paragraph each marks today.
func (s *Store) ArticleHighlights(ctx context.Context, owner string, ref ArticleRef) ([]Highlight, error) {
	return s.readHighlights(ctx, "SELECT "+highlightColumns+
		" FROM highlights WHERE owner = ? AND issue = ? AND article = ? ORDER BY created_ms DESC, id DESC",
		owner, ref.Issue, ref.Article)
}

// Counts returns how many highlights the owner has in each article, by
// article key ("2026-01/cutler"); articles without any are absent.
func (s *Store) Counts(ctx context.Context, owner string) (map[string]int, error) {
	var counts map[string]int
	err := s.read(ctx, func() (err error) {
		counts, err = s.counts(ctx, owner)
		return err
	})
	return counts, err
}

// counts is Counts, once.
func (s *Store) counts(ctx context.Context, owner string) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, s.d.sql(
		"SELECT issue, article, COUNT(*) FROM highlights WHERE owner = ? GROUP BY issue, article"), owner)
	if err != nil {
		return nil, s.fail("read the highlights", err)
	}
	defer rows.Close()
	counts := map[string]int{}
	for rows.Next() {
		var ref ArticleRef
		var n int
		if err := rows.Scan(&ref.Issue, &ref.Article, &n); err != nil {
			return nil, s.fail("read the highlights", err)
		}
		counts[ArticleRef{Issue: clean(ref.Issue), Article: clean(ref.Article)}.Key()] += n
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail("read the highlights", err)
	}
	return counts, nil
}

// Toggle highlights a paragraph of a loaded article, or removes its
// highlight (and the note on it) when it has one. The paragraph has a
// highlight when one of the article's highlights is located there today
// (see LocateIn), wherever it was made. It returns the highlight made
// (on) or removed (not on: an undo is Toggle again, or Annotate with its
// note).
func (s *Store) Toggle(ctx context.Context, owner string, a *content.Article, section string, paragraph int) (h Highlight, on bool, err error) {
	anchor, err := anchorAt(a, section, paragraph)
	if err != nil {
		return Highlight{}, false, err
	}
	err = s.change(ctx, "the highlight", owner, func(tx *sql.Tx) error {
		h, on = Highlight{}, false
		here, err := s.highlightsAt(ctx, tx, owner, a, section, paragraph)
		if err != nil {
			return err
		}
		if len(here) == 0 {
			if err := s.roomForHighlight(ctx, tx, "the highlight", owner); err != nil {
				return err
			}
			h, on = s.newHighlight(anchor, ""), true
			return s.insert(ctx, tx, owner, h)
		}
		h = here[0]
		for _, old := range here {
			if err := s.deleteID(ctx, tx, owner, old.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Highlight{}, false, err
	}
	return h, on, nil
}

// Annotate sets the note on a paragraph of a loaded article: a note
// implies a highlight, so the paragraph is highlighted first when it is
// not; an empty note removes the note and keeps the highlight (and on a
// paragraph without one does nothing, returning a zero Highlight). A note
// with a control character is refused (see checkNote); a note of any
// length is kept whole, up to the store's Limits.NoteChars.
func (s *Store) Annotate(ctx context.Context, owner string, a *content.Article, section string, paragraph int, note string) (Highlight, error) {
	note, err := s.checkNote(owner, note)
	if err != nil {
		return Highlight{}, err
	}
	anchor, err := anchorAt(a, section, paragraph)
	if err != nil {
		return Highlight{}, err
	}
	var h Highlight
	err = s.change(ctx, "the note", owner, func(tx *sql.Tx) error {
		h = Highlight{}
		here, err := s.highlightsAt(ctx, tx, owner, a, section, paragraph)
		if err != nil {
			return err
		}
		if len(here) == 0 {
			if note == "" {
				return nil
			}
			if err := s.roomForHighlight(ctx, tx, "the note", owner); err != nil {
				return err
			}
			h = s.newHighlight(anchor, note)
			return s.insert(ctx, tx, owner, h)
		}
		h = here[0]
		return s.updateNote(ctx, tx, owner, &h, note)
	})
	if err != nil {
		return Highlight{}, err
	}
	return h, nil
}

// SetNote sets the note of a highlight by its id (from the list of
// highlights, where it may be detached); "" removes the note. An unknown
// id is an error of Problem NotFound.
func (s *Store) SetNote(ctx context.Context, owner string, id int64, note string) (Highlight, error) {
	note, err := s.checkNote(owner, note)
	if err != nil {
		return Highlight{}, err
	}
	var h Highlight
	err = s.change(ctx, "the note", owner, func(tx *sql.Tx) error {
		if h, err = s.byID(ctx, tx, owner, id); err != nil {
			return err
		}
		return s.updateNote(ctx, tx, owner, &h, note)
	})
	if err != nil {
		return Highlight{}, err
	}
	return h, nil
}

// Delete removes a highlight and its note, returning what it removed. An
// unknown id is an error of Problem NotFound.
func (s *Store) Delete(ctx context.Context, owner string, id int64) (Highlight, error) {
	var h Highlight
	err := s.change(ctx, "the deletion", owner, func(tx *sql.Tx) error {
		var err error
		if h, err = s.byID(ctx, tx, owner, id); err != nil {
			return err
		}
		return s.deleteID(ctx, tx, owner, id)
	})
	if err != nil {
		return Highlight{}, err
	}
	return h, nil
}

// anchorAt is the anchor of a paragraph of a loaded article.
func anchorAt(a *content.Article, section string, paragraph int) (Anchor, error) {
	if a == nil || a.Issue == nil {
		return Anchor{}, &Error{Op: "the highlight", Problem: Invalid, Reason: "no article"}
	}
	for _, sec := range a.Sections {
		if sec.Slug != section {
			continue
		}
		if paragraph < 0 || paragraph >= len(sec.Paragraphs) {
			break
		}
		return Anchor{Issue: a.Issue.Slug, Article: a.Slug, Section: section,
			Paragraph: paragraph, Quote: sec.Paragraphs[paragraph]}, nil
	}
	return Anchor{}, &Error{Op: "the highlight", Problem: Invalid,
		Reason: fmt.Sprintf("%s has no paragraph %d in section %q", a.Slug, paragraph+1, section)}
}

func (s *Store) newHighlight(a Anchor, note string) Highlight {
	now := time.UnixMilli(s.now().UnixMilli())
	return Highlight{ID: s.newID(), Anchor: a, Note: note, Created: now, Updated: now}
}

// highlightsAt returns the owner's highlights that LocateIn finds at the
// paragraph today, newest first.
func (s *Store) highlightsAt(ctx context.Context, tx *sql.Tx, owner string, a *content.Article, section string, paragraph int) ([]Highlight, error) {
	all, err := s.queryHighlights(ctx, tx, "SELECT "+highlightColumns+
		" FROM highlights WHERE owner = ? AND issue = ? AND article = ? ORDER BY created_ms DESC, id DESC",
		owner, a.Issue.Slug, a.Slug)
	if err != nil {
		return nil, err
	}
	var here []Highlight
	for _, h := range all {
		if loc := LocateIn(a, h); loc.Found() && loc.Section.Slug == section && loc.Paragraph == paragraph {
			here = append(here, h)
		}
	}
	return here, nil
}

func (s *Store) insert(ctx context.Context, tx *sql.Tx, owner string, h Highlight) error {
	_, err := tx.ExecContext(ctx, s.d.sql(`INSERT INTO highlights
		(owner, `+highlightColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
		owner, h.ID, h.Issue, h.Article, h.Section, h.Paragraph, h.Quote, h.Note,
		h.Created.UnixMilli(), h.Updated.UnixMilli())
	return err
}

// updateNote sets h's note, in the database and in h.
func (s *Store) updateNote(ctx context.Context, tx *sql.Tx, owner string, h *Highlight, note string) error {
	if h.Note == note {
		return nil
	}
	now := s.now().UnixMilli()
	if _, err := tx.ExecContext(ctx, s.d.sql("UPDATE highlights SET note = ?, updated_ms = ? WHERE owner = ? AND id = ?"),
		note, now, owner, h.ID); err != nil {
		return err
	}
	h.Note, h.Updated = note, time.UnixMilli(now)
	return nil
}

func (s *Store) deleteID(ctx context.Context, tx *sql.Tx, owner string, id int64) error {
	_, err := tx.ExecContext(ctx, s.d.sql("DELETE FROM highlights WHERE owner = ? AND id = ?"), owner, id)
	return err
}

func (s *Store) byID(ctx context.Context, tx *sql.Tx, owner string, id int64) (Highlight, error) {
	hs, err := s.queryHighlights(ctx, tx, "SELECT "+highlightColumns+
		" FROM highlights WHERE owner = ? AND id = ?", owner, id)
	if err != nil {
		return Highlight{}, err
	}
	if len(hs) == 0 {
		return Highlight{}, &Error{Op: "the change", Path: s.path, Problem: NotFound,
			Reason: fmt.Sprintf("there is no highlight %d", id)}
	}
	return hs[0], nil
}

// querier is a *sql.DB or a *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// readHighlights is queryHighlights on the database, outside a
// transaction: once more when its connection was stale.
func (s *Store) readHighlights(ctx context.Context, query string, args ...any) ([]Highlight, error) {
	var hs []Highlight
	err := s.read(ctx, func() (err error) {
		hs, err = s.queryHighlights(ctx, s.db, query, args...)
		return err
	})
	return hs, err
}

// queryHighlights runs a query of highlightColumns, written for SQLite
// ("?"), and reads its rows, cleaned of control characters.
func (s *Store) queryHighlights(ctx context.Context, q querier, query string, args ...any) ([]Highlight, error) {
	rows, err := q.QueryContext(ctx, s.d.sql(query), args...)
	if err != nil {
		return nil, s.fail("read the highlights", err)
	}
	defer rows.Close()
	var hs []Highlight
	for rows.Next() {
		var h Highlight
		var created, updated int64
		if err := rows.Scan(&h.ID, &h.Issue, &h.Article, &h.Section, &h.Paragraph, &h.Quote, &h.Note, &created, &updated); err != nil {
			return nil, s.fail("read the highlights", err)
		}
		h.Issue, h.Article, h.Section = clean(h.Issue), clean(h.Article), clean(h.Section)
		h.Quote, h.Note = clean(h.Quote), clean(h.Note)
		h.Created, h.Updated = time.UnixMilli(created), time.UnixMilli(updated)
		hs = append(hs, h)
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail("read the highlights", err)
	}
	return hs, nil
}
