package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"analyst/internal/render"
)

// endLines is the marker after an article's text: a short rule, and
// what comes next: n and the next article's title, or the end of the
// issue. It is the reader's, not the article's: search does not see it.
func (r *readerModel) endLines(width int) []string {
	st, g := r.c.styles, r.c.glyphs
	room := max(width-4, 1)
	parts := []string{"End of the issue", "esc back to the list"}
	if next := r.sibling(1); next != nil {
		parts = []string{"End of the article", "n next: " + next.MarkedTitle()}
	}
	lines := []string{"", "", "  " + st.SidebarBorder.Render(strings.Repeat(g.HRule, min(8, room)))}
	for _, l := range render.JoinParts(parts, g.Sep, g.Ellipsis, room) {
		lines = append(lines, "  "+st.Meta.Render(l))
	}
	return lines
}

// setPaneLines puts the document's lines (with search highlights, or
// not) into the pane with the end marker after them, and room at the
// end for the last heading to reach the top line.
func (r *readerModel) setPaneLines(lines []string) {
	end := r.endLines(r.lay.textWidth)
	all := append(lines[:len(lines):len(lines)], end...)
	widths := r.doc.Widths[:len(r.doc.Widths):len(r.doc.Widths)]
	for _, l := range end {
		widths = append(widths, ansi.StringWidth(l))
	}
	pad := 0
	if n := len(r.doc.Sections); n > 0 {
		pad = max(0, r.pane.height-(len(all)-r.doc.Sections[n-1].Line))
	}
	r.pane.setLines(all, widths, pad)
}
