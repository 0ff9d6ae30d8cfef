package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"analyst/internal/content"
)

// listModel is the home screen: the table of contents of one issue.
type listModel struct {
	c     *common
	issue int // index in the library's issues
	// cursorList's cursor is an index in the visible entries, its top
	// the first block shown (list_blocks.go).
	cursorList
	unfiltered *content.Article // the article under the cursor when the filter began
	found      librarySearch    // passages of the whole library that hold the filter's text
	chosen     *content.Passage // a passage picked with enter, for the root to open
	status     string           // a one-time message for the status line
}

func newListModel(c *common) listModel {
	return listModel{c: c, issue: len(c.lib.Issues) - 1}
}

func (l *listModel) currentIssue() *content.Issue { return l.c.lib.Issues[l.issue] }

// visible returns the issue's articles that match the filter.
func (l *listModel) visible() []*content.Article {
	q := content.NewQuery(l.filter.value)
	all := l.currentIssue().Articles()
	if q.Empty() {
		return all
	}
	var out []*content.Article
	for _, a := range all {
		if q.In(a.Title + " " + a.Author + " " + a.Teaser() + " " + a.Slug) {
			out = append(out, a)
		}
	}
	return out
}

// selected returns the article under the cursor, or nil.
func (l *listModel) selected() *content.Article {
	v := l.visible()
	if l.cursor < 0 || l.cursor >= len(v) {
		return nil
	}
	return v[l.cursor]
}

// items is how many entries the cursor moves through: the articles
// shown, then the passages.
func (l *listModel) items() int { return len(l.visible()) + len(l.passages()) }

// selectArticle moves the cursor to an article, switching issue if needed.
func (l *listModel) selectArticle(a *content.Article) {
	for i, is := range l.c.lib.Issues {
		if is == a.Issue {
			l.issue = i
		}
	}
	l.resetFilter()
	for i, v := range l.visible() {
		if v == a {
			l.cursor = i
		}
	}
}

// update handles a key on the list. It returns the article to open, if the
// key opens one. (The root opens it at once, not through a command, so that
// keys typed right after reach the reader.)
func (l *listModel) update(msg tea.KeyPressMsg) *content.Article {
	k := l.c.keys
	l.status = ""
	if l.filtering {
		switch l.filterKey(msg, l.items()) {
		case filterDone:
			l.choosePassage()
		case filterCleared:
			l.clearFilter()
		case filterTyped:
			l.typeFilter(msg)
		}
		l.clamp()
		return nil
	}
	if l.moveKey(msg, k, l.items(), 0) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Filter):
		l.filtering = true
		if l.filter.value == "" {
			l.unfiltered = l.selected()
		}
	case key.Matches(msg, k.Back):
		l.clearFilter()
	case key.Matches(msg, k.NextIssue):
		l.switchIssue(1)
	case key.Matches(msg, k.PrevIssue):
		l.switchIssue(-1)
	case key.Matches(msg, k.Open):
		if l.choosePassage() {
			return nil
		}
		return l.selected()
	default:
		// A digit opens that article of the issue directly.
		if n, ok := numberKey(msg, k.Number); ok {
			for _, a := range l.currentIssue().Articles() {
				if a.Number == n {
					return a
				}
			}
			l.status = fmt.Sprintf("This issue has %s.", plural(len(l.currentIssue().Articles()), "article"))
		}
	}
	l.clamp()
	return nil
}

// clearFilter shows every article again, the cursor staying on the one
// it was on.
func (l *listModel) clearFilter() {
	a := l.selected()
	if a == nil {
		a = l.unfiltered // nothing matched: back where the filter began
	}
	if a != nil {
		l.selectArticle(a) // which clears the filter
		return
	}
	l.resetFilter()
}

// move moves the cursor d entries, for the mouse wheel.
func (l *listModel) move(d int) { l.moveBy(d, l.items()) }

func (l *listModel) switchIssue(d int) {
	n := len(l.c.lib.Issues)
	if n < 2 {
		return
	}
	l.issue = (l.issue + d + n) % n
	l.cursor, l.top = 0, 0
	l.resetFilter()
}

func (l *listModel) clamp() { l.clampTo(l.items()) }
