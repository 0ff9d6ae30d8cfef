package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"analyst/internal/content"
)

// passageLines is how many lines a passage takes in the list: its article,
// section and issue; a line of context; a blank line.
const passageLines = 3

// searching reports whether the list shows passages: while there is a
// filter.
func (l *listModel) searching() bool { return strings.TrimSpace(l.filter.value) != "" }

// passages are the passages the list shows, best first.
func (l *listModel) passages() []content.Passage {
	if !l.searching() {
		return nil
	}
	return l.found.shown()
}

// selectedPassage returns the passage under the cursor, or nil.
func (l *listModel) selectedPassage() *content.Passage {
	ps := l.passages()
	i := l.cursor - len(l.visible())
	if i < 0 || i >= len(ps) {
		return nil
	}
	return &ps[i]
}

// choosePassage takes the passage under the cursor, if there is one, for
// the root to open; it reports whether there was.
func (l *listModel) choosePassage() bool {
	p := l.selectedPassage()
	if p == nil {
		return false
	}
	chosen := *p
	l.chosen, l.filtering = &chosen, false
	return true
}

// takeChosen returns the passage picked with enter, once.
func (l *listModel) takeChosen() *content.Passage {
	p := l.chosen
	l.chosen = nil
	return p
}

// typeFilter takes a key typed into the filter. The cursor stays on its
// article while the article still matches, and otherwise goes to the
// first entry: the passages it may have been on are for another text.
func (l *listModel) typeFilter(msg tea.KeyPressMsg) {
	was := l.selected()
	l.filter.update(msg)
	l.cursor = 0
	for i, a := range l.visible() {
		if a == was {
			l.cursor = i
		}
	}
}

// resetFilter empties the filter and forgets its passages.
func (l *listModel) resetFilter() {
	l.filter.reset()
	l.found.clear()
}

// enterHint says what enter does while the filter is typed.
func (l *listModel) enterHint() string {
	if l.selectedPassage() != nil {
		return "enter open"
	}
	return "enter done"
}

// passagesEditorial reports whether a passage shown names an article by
// a title written for this edition, which the footnote then explains.
func (l *listModel) passagesEditorial() bool {
	for _, p := range l.passages() {
		if p.Article.Editorial() {
			return true
		}
	}
	return false
}

// passagesHeading is the line over the passages: how many the library
// has, or that the search is still running.
func (l *listModel) passagesHeading(w int) string {
	st := l.c.styles
	f := l.found.found
	var what string
	switch {
	case f.Query == "" && l.found.pending:
		what = "searching the library" + st.G.Ellipsis
	case f.Total == 0 && !l.found.pending:
		what = "none in the library"
	case f.Total > len(f.Best):
		what = fmt.Sprintf("the best %d of %d, in %s", len(f.Best), f.Total, plural(f.Issues, "issue"))
	default:
		what = fmt.Sprintf("%d in %s", f.Total, plural(f.Issues, "issue"))
	}
	if f.Query != "" && l.found.pending {
		what += st.G.Sep + "searching" + st.G.Ellipsis
	}
	return " " + st.SidebarHeading.Render("PASSAGES") + st.Meta.Render(ansi.Truncate(st.G.Sep+what, max(w-10, 0), st.G.Ellipsis))
}

// plural is "1 issue" or "3 issues".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// drawPassage draws a passage in w cells: its article's title, section
// and issue, then its context with the match marked.
func (l *listModel) drawPassage(p content.Passage, selected bool, w int) []string {
	st := l.c.styles
	marker, title := "  ", st.Title
	if selected {
		marker, title = st.Marker.Render(st.G.Selected)+" ", st.TitleSelected
	}
	textW, g := max(w-4, 1), st.G
	where := g.Sep + p.Section.Name
	if len(l.c.lib.Issues) > 1 {
		where += g.Sep + p.Article.Issue.Title()
	}
	titleW := max(textW-ansi.StringWidth(where), min(textW, 12))
	t := listTitle(p.Article, titleW, g.Ellipsis)
	head := title.Render(ansi.Truncate(t, titleW, "")) + st.Meta.Render(ansi.Truncate(where, max(textW-ansi.StringWidth(t), 0), g.Ellipsis))
	ctx, in := p.MarkedContext(g.Ellipsis) // the style's mark where the paragraph goes on
	before, match, after := fitAround(ctx, in[0], in[1], max(w-6, 1), g.Ellipsis)
	context := st.Teaser.Render(before) + st.Match.Render(match) + st.Teaser.Render(after)
	return []string{marker + head, marker + "    " + context, ""}
}

// fitAround cuts a line of context to width cells, keeping the match at
// [start, end) in sight with some of the text on either side, and marks
// what it cut with ell ("…"). It returns the parts before, of, and after
// the match.
func fitAround(line string, start, end, width int, ell string) (before, match, after string) {
	before, match, after = line[:start], line[start:end], line[end:]
	bw, mw, aw := ansi.StringWidth(before), ansi.StringWidth(match), ansi.StringWidth(after)
	if bw+mw+aw <= width {
		return before, match, after
	}
	if mw >= width {
		return "", ansi.Truncate(match, width, ell), ""
	}
	room := width - mw
	left := min(bw, max(room/3, room-aw)) // a third of the room before the match, more if the rest is short
	if left < bw {
		full := before
		before = ""
		if left > 0 {
			before = ansi.TruncateLeft(full, bw-left+ansi.StringWidth(ell), "")
			if i := strings.IndexByte(before, ' '); i >= 0 && i+1 < len(before) {
				before = before[i+1:] // a word cut at its start is dropped
			}
			before = ell + before
		}
	}
	if rest := room - ansi.StringWidth(before); ansi.StringWidth(after) > rest {
		after = ansi.Truncate(after, max(rest-ansi.StringWidth(ell), 0), "")
		if i := strings.LastIndexByte(after, ' '); i > 0 {
			after = after[:i] // a word cut at its end is dropped
		}
		after += ell
	}
	return before, match, after
}
