package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"analyst/internal/content"
)

// shownEntries are the entries for one version of the highlights and
// one filter: folding and sorting 2,000 highlights takes milliseconds,
// and every key asks for them more than once.
type shownEntries struct {
	version int
	filter  string
	marks   []*mark
	ok      bool
}

// entries are the highlights shown, in order: issues by their newest
// highlight, then articles the same way, then highlights newest first.
// Highlights of articles the library no longer has come last.
func (h *highlightsModel) entries() []*mark {
	c := &h.shown
	if !c.ok || c.version != h.c.notes.version || c.filter != h.filter.value {
		*c = shownEntries{version: h.c.notes.version, filter: h.filter.value, marks: h.sorted(), ok: true}
	}
	return c.marks
}

// sorted are the highlights that match the filter, in the screen's order.
func (h *highlightsModel) sorted() []*mark {
	q := content.NewQuery(h.filter.value)
	var out []*mark
	newest := map[string]int64{} // by article key, and by issue
	for _, m := range h.c.notes.marks {
		if !q.Empty() && !q.In(m.h.Quote+" "+m.h.Note+" "+h.articleTitle(m)+" "+h.sectionName(m)) {
			continue
		}
		out = append(out, m)
		t := m.h.Created.UnixNano()
		newest[m.h.Article] = max(newest[m.h.Article], t)
		newest[issueKey(m)] = max(newest[issueKey(m)], t)
	}
	slices.SortStableFunc(out, func(a, b *mark) int {
		if (a.article == nil) != (b.article == nil) {
			if a.article == nil {
				return 1
			}
			return -1
		}
		return cmp.Or(
			cmp.Compare(newest[issueKey(b)], newest[issueKey(a)]),
			strings.Compare(issueKey(a), issueKey(b)),
			cmp.Compare(newest[b.h.Article], newest[a.h.Article]),
			strings.Compare(a.h.Article, b.h.Article),
			b.h.Created.Compare(a.h.Created),
		)
	})
	return out
}

// issueKey groups a highlight by issue: "2026-01/cutler" is in "2026-01".
func issueKey(m *mark) string {
	if m.article != nil {
		return m.article.Issue.Slug
	}
	issue, _, _ := content.SplitKey(m.h.Article)
	return issue
}

func (h *highlightsModel) articleTitle(m *mark) string {
	if m.article == nil {
		return m.h.Article
	}
	sep := h.c.glyphs.Sep
	return fmt.Sprintf("%d%s%s%s%s", m.article.Number, sep, m.article.MarkedTitle(), sep, m.article.Author)
}

func (h *highlightsModel) sectionName(m *mark) string {
	if m.section != nil {
		return m.section.Name
	}
	return m.h.Section
}

// selected is the highlight under the cursor, or nil.
func (h *highlightsModel) selected() *mark {
	e := h.entries()
	if h.cursor < 0 || h.cursor >= len(e) {
		return nil
	}
	return e[h.cursor]
}
