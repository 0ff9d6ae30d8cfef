package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"analyst/internal/content"
	"analyst/internal/render"
)

// entryLines is how many lines one article takes in the list: title,
// author and minutes, two lines of teaser, and a blank line.
const entryLines = 5

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
	ell, sep := s.G.Ellipsis, s.G.Sep
	t := listTitle(a, textW, ell)
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

// listTitle is an article's title as the list shows it, in width cells:
// cut between words with ell, and a headline written for this edition
// followed by the " *" the list's legend explains, kept when the title
// is cut: it says whose title it is.
func listTitle(a *content.Article, width int, ell string) string {
	mark := ""
	if a.Editorial() {
		mark = " *"
	}
	return render.CutWords(a.Title, max(width-len(mark), 1), ell) + mark
}
