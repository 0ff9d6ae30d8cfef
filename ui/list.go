package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"analyst/internal/content"
	"analyst/internal/render"
)

// entryLines is how many lines one article takes in the list: title,
// author and minutes, two lines of teaser, and a blank line.
const entryLines = 5

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

// view draws the list in w×h cells, all but the status line. On wide
// terminals the entries keep to a readable width, centred.
func (l *listModel) view(w, h int) string {
	s := l.c.styles
	is := l.currentIssue()
	cw := min(w, maxTextWidth)
	margin := strings.Repeat(" ", (w-cw)/2)
	var lines []string
	sep := s.G.Sep
	issueLine := fmt.Sprintf("%s%s%d articles", is.Title(), sep, len(is.Articles()))
	if n := len(l.c.lib.Issues); n > 1 {
		issueLine += fmt.Sprintf("%sissue %d of %d ([ ] to switch)", sep, l.issue+1, n)
	}
	lines = append(lines,
		" "+s.Header.Render(is.Publication),
		" "+s.HeaderDim.Render(issueLine),
		s.SidebarBorder.Render(strings.Repeat(s.G.HRule, cw)),
	)

	vis := l.visible()
	room, withNote := l.room(w, h)
	footnote := ""
	if withNote {
		note := "* headline written for this edition: the journal's page gives none"
		if cw < 70 {
			note = "* headline written for this edition"
		}
		footnote = s.Meta.Render(note)
	}
	blocks := l.blocks(vis)
	body := 0
	for _, b := range blocks[min(l.top, len(blocks)):] {
		for _, line := range l.drawBlock(b, vis, cw) {
			if body == room {
				break
			}
			lines = append(lines, line)
			body++
		}
	}
	for ; body < room; body++ {
		lines = append(lines, "")
	}
	if footnote != "" {
		lines = append(lines, " "+footnote)
	}
	var b strings.Builder
	for _, line := range lines {
		b.WriteString(margin + line + "\n")
	}
	return b.String()
}

// room is how many lines the list's entries have at w×h, and whether
// the footnote that explains the * of editorial headlines takes one more.
func (l *listModel) room(w, h int) (int, bool) {
	room := max(h-4, 1) // the three header lines and the status line
	if (hasEditorial(l.visible()) || l.passagesEditorial()) && room > entryLines {
		return room - 1, true
	}
	return room, false
}

// layout scrolls the list so that the cursor's entry is in sight at w×h.
func (l *listModel) layout(w, h int) {
	room, _ := l.room(w, h)
	l.scroll(l.blocks(l.visible()), room)
}

// hasEditorial reports whether any of the articles' titles is editorial.
func hasEditorial(articles []*content.Article) bool {
	for _, a := range articles {
		if a.Editorial() {
			return true
		}
	}
	return false
}

// entry draws one article: number and title, author and minutes, and the
// teaser on two lines at most.
func (l *listModel) entry(a *content.Article, selected bool, w int) []string {
	s := l.c.styles
	marker, title := "  ", s.Title
	if selected {
		marker, title = s.Marker.Render(s.G.Selected)+" ", s.TitleSelected
	}
	textW := max(w-6, 1)
	mark := ""
	if a.Editorial() {
		mark = " *" // kept when the title is cut: it says whose title it is
	}
	ell, sep := s.G.Ellipsis, s.G.Sep
	t := render.CutWords(a.Title, max(textW-len(mark), 1), ell) + mark
	read := l.c.notes.readState(a, s.G)
	meta := fmt.Sprintf("%s%s%d min%s%d words", a.Author, sep, a.Minutes(), sep, a.Words) + read
	if ansi.StringWidth(meta) > textW {
		meta = fmt.Sprintf("%s%s%d min", a.Author, sep, a.Minutes()) + read // parts go whole
	}
	lines := []string{
		marker + s.Number.Render(fmt.Sprintf("%-3d", a.Number)) + " " + title.Render(ansi.Truncate(t, textW, "")),
		marker + "    " + s.Meta.Render(render.CutWords(meta, textW, ell)),
	}
	teaser := strings.Split(ansi.Wordwrap(a.Teaser(), textW, ""), "\n")
	if len(teaser) > 2 {
		teaser[1] = render.CutWords(teaser[1]+" "+teaser[2], textW, " "+ell)
		teaser = teaser[:2]
	}
	for _, t := range teaser {
		lines = append(lines, marker+"    "+s.Teaser.Render(render.CutWords(t, textW, ell)))
	}
	for len(lines) < entryLines {
		lines = append(lines, "")
	}
	return lines
}
