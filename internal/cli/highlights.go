package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"analyst/internal/cite"
	"analyst/internal/content"
	"analyst/internal/keeper"
	"analyst/internal/render"
	"analyst/internal/store"
)

func newHighlightsCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "highlights",
		Short: "Print your highlights and notes, with their citations",
		Long: `Print every paragraph you highlighted in the reader (v, then m), with your
notes: as Markdown, each quote a blockquote followed by its note and its
citation (Chicago author-date), grouped by article, newest first; or, with
--json, as an array of objects.

A highlight whose paragraph a newer edition of the text no longer has is
kept, and printed as detached, with the quote as you highlighted it.`,
		Example: `  analyst highlights > notes.md
  analyst highlights --json | jq -r '.[] | select(.note != "") | .note'`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, err := a.library()
			if err != nil {
				return err
			}
			found, err := a.readHighlights(cmd.Context(), lib)
			if err != nil {
				return err
			}
			if asJSON {
				return a.printJSON(highlightsJSON(found))
			}
			out := a.output()
			fmt.Fprint(out, fitMarkdown(highlightsMarkdown(found), a.fitToWidth()))
			return out.Err()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON: an array of highlights")
	return cmd
}

// foundHighlight is a stored highlight and where the library has it.
type foundHighlight struct {
	store.Highlight
	at store.Location
}

// readHighlights reads the reader's highlights from the store, the local
// reader's or, over SSH, the key's in the server's, and locates them in
// the library, newest first.
func (a *app) readHighlights(ctx context.Context, lib *content.Library) ([]foundHighlight, error) {
	hs, err := a.storedHighlights(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]foundHighlight, len(hs))
	for i, h := range hs {
		out[i] = foundHighlight{h, store.Locate(lib, h)}
	}
	return out, nil
}

// storedHighlights reads the reader's highlights, newest first.
func (a *app) storedHighlights(ctx context.Context) (hs []store.Highlight, err error) {
	if a.remote != nil {
		err = a.remote.run(keeper.Read, "read your highlights", func(ctx context.Context, st *store.Store) (err error) {
			hs, err = st.Highlights(ctx, a.remote.owner)
			return err
		})
		return hs, err
	}
	path, err := store.DefaultPath(a.getenv)
	if err != nil {
		return nil, err
	}
	// Read only: printing makes no database, and changes none.
	st, err := store.OpenReadOnly(ctx, path)
	var se *store.Error
	switch {
	case errors.Is(err, store.ErrMissing) && !a.namesMissingFolder(path):
		return nil, nil // nothing kept yet
	case errors.As(err, &se):
		return nil, fmt.Errorf("cannot read your highlights: %s", se.Reason)
	case err != nil:
		return nil, err
	}
	defer st.Close()
	return st.Highlights(ctx, store.LocalOwner)
}

// namesMissingFolder reports whether ANALYST_DB names a file in a folder
// that does not exist: a mistyped path, rather than a reader who has kept
// nothing yet (whose default folder is only made with their first
// highlight).
func (a *app) namesMissingFolder(path string) bool {
	if a.getenv("ANALYST_DB") == "" {
		return false
	}
	fi, err := os.Stat(filepath.Dir(path))
	return err != nil || !fi.IsDir()
}

// highlightJSON is one highlight in `highlights --json`.
type highlightJSON struct {
	ID          int64     `json:"id"`
	Ref         string    `json:"ref"`
	Issue       string    `json:"issue"`
	Slug        string    `json:"slug"`
	Title       string    `json:"title,omitempty"`
	TitleSource string    `json:"title_source,omitempty"`
	Author      string    `json:"author,omitempty"`
	Section     string    `json:"section"`      // by name, as the reader shows it ("Background"), as search and glossary give it
	SectionSlug string    `json:"section_slug"` // what REF#section takes: "background"
	Paragraph   int       `json:"paragraph"`    // in its section, from 1, as search and glossary count
	Status      string    `json:"status"`       // here, moved, edited or detached
	Quote       string    `json:"quote"`
	Note        string    `json:"note"`
	Created     time.Time `json:"created"`
	InText      string    `json:"in_text,omitempty"`   // "(Cutler 2026, sec. Background)"
	Reference   string    `json:"reference,omitempty"` // the reference-list entry
}

func highlightsJSON(found []foundHighlight) []highlightJSON {
	out := []highlightJSON{}
	for _, f := range found {
		j := highlightJSON{
			ID: f.ID, Ref: f.Ref().Key(), Issue: f.Anchor.Issue, Slug: f.Anchor.Article,
			Section: f.Section, SectionSlug: f.Section, Paragraph: f.Paragraph + 1, Status: f.at.Status.String(),
			Quote: f.Quote, Note: f.Note, Created: f.Created.UTC(),
		}
		if sec := highlightSection(f); sec != nil {
			j.Section, j.SectionSlug = sec.Name, sec.Slug
		}
		if f.at.Found() {
			j.Paragraph = f.at.Paragraph + 1
		}
		if a := f.at.Article; a != nil {
			j.Title, j.TitleSource, j.Author = a.Title, a.TitleSource, a.Author
			if q, err := cite.NewQuote(a, f.at.Section, f.Quote, cite.Default); err == nil {
				j.InText, j.Reference = q.InText, q.Reference
			}
		}
		out = append(out, j)
	}
	return out
}

// highlightSection is the section a highlight is in today, or, for a
// detached one, the section of its article it was made in; nil when the
// library has neither (the JSON then gives the slug it was kept with).
func highlightSection(f foundHighlight) *content.Section {
	if f.at.Found() {
		return f.at.Section
	}
	if f.at.Article != nil {
		for _, sec := range f.at.Article.Sections {
			if sec.Slug == f.Section {
				return sec
			}
		}
	}
	return nil
}

// highlightsMarkdown is the highlights as a Markdown document: a heading
// for each article, then each quote as a blockquote with its note and
// citation, in the order the reader's highlights screen shows them
// (store.Arrange: by issue, then article, each by its newest highlight,
// then newest first; articles the library no longer has last).
func highlightsMarkdown(found []foundHighlight) string {
	var b strings.Builder
	b.WriteString("# Highlights\n\n")
	if len(found) == 0 {
		b.WriteString("No highlights yet: in the reader, v points at a paragraph and m highlights it.\n")
		return b.String()
	}
	sorted := slices.Clone(found)
	store.Arrange(sorted, func(f foundHighlight) store.Arranged {
		return store.Arranged{Ref: f.Ref(), Created: f.Created, InLibrary: f.at.Article != nil}
	})
	last := ""
	for _, f := range sorted {
		if k := f.Ref().Key(); k != last {
			last = k
			b.WriteString("## " + articleHeading(f) + "\n\n")
		}
		b.WriteString(cite.HighlightMarkdown(f.at.Article, f.at.Section, f.Quote, f.Note, !f.at.Found()))
		b.WriteString("\n")
	}
	return b.String()
}

// articleHeading names a highlight's article: its author and title, a
// title written for this edition in square brackets (never passed off as
// the journal's), and its reference; the reference alone when the library
// no longer has it.
func articleHeading(f foundHighlight) string {
	a := f.at.Article
	if a == nil {
		return content.EscapeMarkdown(f.Ref().Key()) + " (not in this library)"
	}
	return content.EscapeMarkdown(a.Author) + ": " + content.EscapeMarkdown(a.MarkedTitle()) + " (" + f.Ref().Key() + ")"
}

// fitMarkdown wraps a Markdown document's lines to width cells (0: as
// they are, for files and pipes) between words (render.WrapWords), as
// list, search and glossary fit it: a terminal would break them inside
// words. A blockquote's lines all start with "> ".
func fitMarkdown(md string, width int) string {
	if width <= 0 {
		return md
	}
	lines := strings.Split(md, "\n")
	for i, line := range lines {
		prefix := ""
		if rest, ok := strings.CutPrefix(line, "> "); ok {
			prefix, line = "> ", rest
		}
		wrapped := render.WrapWords(line, width-len(prefix))
		for j, w := range wrapped {
			wrapped[j] = prefix + w
		}
		lines[i] = strings.Join(wrapped, "\n")
	}
	return strings.Join(lines, "\n")
}
