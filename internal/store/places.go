package store

import (
	"context"
	"database/sql"
	"math"
)

// Place is where a reader left an article, as ui.Place has it: a section
// (its slug) and how far into it, from 0 to 1; End when the reader was at
// the end of the text, whatever its length on screen.
type Place struct {
	Section  string
	Fraction float64
	End      bool
}

// Progress is an article's read mark: the furthest the reader has read it.
type Progress struct {
	Furthest float64 // of the whole article, from 0 to 1; it never goes back
	Finished bool    // read to its end
}

// Percent is Furthest as a whole percentage, for the list: 100 only when
// finished.
func (p Progress) Percent() int {
	if p.Finished {
		return 100
	}
	return min(int(p.Furthest*100), 99)
}

// Reading is what the reader needs at start-up, in one call. Highlights
// come by article (ArticleHighlights, for the article opened), all at once
// (Highlights, for the list of them) or counted (Counts).
type Reading struct {
	Last     ArticleRef          // the article read last; zero when none
	Places   map[string]Place    // by article key, "2026-01/cutler"
	Progress map[string]Progress // by article key
}

// SavePlace keeps where the reader is in an article and makes it the
// article read last. read is how far into the whole article the reader is
// now, from 0 to 1: the article's read mark keeps the furthest, and marks
// it finished when the place is at its end (or read is 1). Fractions out of
// range are clamped.
func (s *Store) SavePlace(ctx context.Context, owner string, ref ArticleRef, p Place, read float64) error {
	now := s.now().UnixMilli()
	frac, read := unit(p.Fraction), unit(read)
	finished := p.End || read >= 1
	if finished {
		read = 1
	}
	return s.change(ctx, "the place", owner, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.d.sql(`
			INSERT INTO places (owner, issue, article, section, fraction, at_end, furthest, finished, updated_ms)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (owner, issue, article) DO UPDATE SET
				section = excluded.section, fraction = excluded.fraction, at_end = excluded.at_end,
				furthest = GREATEST(places.furthest, excluded.furthest),
				finished = GREATEST(places.finished, excluded.finished),
				updated_ms = excluded.updated_ms`),
			owner, ref.Issue, ref.Article, p.Section, frac, flag(p.End), read, flag(finished), now); err != nil {
			return err
		}
		return setLast(ctx, tx, s.d, owner, ref, now)
	})
}

// setLast records the article read last.
func setLast(ctx context.Context, tx *sql.Tx, d dialect, owner string, ref ArticleRef, now int64) error {
	_, err := tx.ExecContext(ctx, d.sql(`
		INSERT INTO readers (owner, last_issue, last_article, updated_ms) VALUES (?, ?, ?, ?)
		ON CONFLICT (owner) DO UPDATE SET
			last_issue = excluded.last_issue, last_article = excluded.last_article, updated_ms = excluded.updated_ms`),
		owner, ref.Issue, ref.Article, now)
	return err
}

// Load returns the owner's places, read marks and the article read last.
func (s *Store) Load(ctx context.Context, owner string) (Reading, error) {
	var r Reading
	err := s.read(ctx, func() (err error) {
		r, err = s.load(ctx, owner)
		return err
	})
	return r, err
}

// load is Load, once.
func (s *Store) load(ctx context.Context, owner string) (Reading, error) {
	r := Reading{Places: map[string]Place{}, Progress: map[string]Progress{}}
	err := s.db.QueryRowContext(ctx, s.d.sql("SELECT last_issue, last_article FROM readers WHERE owner = ?"), owner).
		Scan(&r.Last.Issue, &r.Last.Article)
	if err != nil && err != sql.ErrNoRows {
		return Reading{}, s.fail("read the places", err)
	}
	r.Last = ArticleRef{Issue: clean(r.Last.Issue), Article: clean(r.Last.Article)}
	rows, err := s.db.QueryContext(ctx, s.d.sql(`
		SELECT issue, article, section, fraction, at_end, furthest, finished
		FROM places WHERE owner = ?`), owner)
	if err != nil {
		return Reading{}, s.fail("read the places", err)
	}
	defer rows.Close()
	for rows.Next() {
		var ref ArticleRef
		var p Place
		var pr Progress
		var end, finished int
		if err := rows.Scan(&ref.Issue, &ref.Article, &p.Section, &p.Fraction, &end, &pr.Furthest, &finished); err != nil {
			return Reading{}, s.fail("read the places", err)
		}
		p.Section, p.End, p.Fraction = clean(p.Section), end != 0, unit(p.Fraction)
		pr.Finished, pr.Furthest = finished != 0, unit(pr.Furthest)
		key := ArticleRef{Issue: clean(ref.Issue), Article: clean(ref.Article)}.Key()
		r.Places[key] = p
		r.Progress[key] = pr
	}
	if err := rows.Err(); err != nil {
		return Reading{}, s.fail("read the places", err)
	}
	return r, nil
}

// unit clamps a fraction to [0, 1]; NaN is 0.
func unit(f float64) float64 {
	if math.IsNaN(f) || f < 0 {
		return 0
	}
	return min(f, 1)
}

// flag is a boolean as the schema keeps it.
func flag(b bool) int {
	if b {
		return 1
	}
	return 0
}
