package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// bioView is the author's bio shown whole in the text's place, for
// readers whose sidebar has no room for it (i opens it, esc closes it).
type bioView struct {
	open   bool
	offset int
}

// bioLines lays the bio out for the text column: a heading, the author,
// then the paragraphs, with the text's margins.
func (r *readerModel) bioLines(width int) []string {
	st := r.c.styles
	inner := max(width-4, 1)
	lines := []string{"", "  " + st.SidebarHeading.Render("ABOUT THE AUTHOR"), "", "  " + st.Author.Render(r.article.Author)}
	if b := r.article.Bio(); b != nil {
		for _, p := range b.Paragraphs {
			lines = append(lines, "")
			for _, l := range strings.Split(ansi.Wordwrap(p, inner, ""), "\n") {
				lines = append(lines, "  "+st.Bio.Render(l))
			}
		}
	}
	return lines
}

// bioBody is the bio in the pane's place: height lines of width cells.
func (r *readerModel) bioBody(width, height int) []string {
	lines := r.bioLines(width)
	out := make([]string, height)
	for i := range out {
		line := ""
		if n := r.bio.offset + i; n < len(lines) {
			line = lines[n]
		}
		out[i] = fitLine(line, width)
	}
	return out
}

// updateBio handles a key while the bio is open: the moving keys scroll
// it, esc or i closes it, other keys do nothing.
func (r *readerModel) updateBio(msg tea.KeyPressMsg) tea.Cmd {
	k := r.c.keys
	h := r.lay.paneHeight
	switch {
	case key.Matches(msg, k.Back, k.Bio):
		r.bio = bioView{}
	case key.Matches(msg, k.Down):
		r.bio.offset++
	case key.Matches(msg, k.Up):
		r.bio.offset = max(0, r.bio.offset-1)
	case key.Matches(msg, k.PageDown, k.HalfDown):
		r.bio.offset += max(h/2, 1)
	case key.Matches(msg, k.PageUp, k.HalfUp):
		r.bio.offset = max(0, r.bio.offset-max(h/2, 1))
	case key.Matches(msg, k.Top):
		r.bio.offset = 0
	case key.Matches(msg, k.Bottom):
		r.bio.offset = len(r.bioLines(r.lay.textWidth))
	}
	return nil
}

// clampBio keeps the bio's scroll within its lines at the pane's height,
// after keys and resizes.
func (r *readerModel) clampBio() {
	if r.bio.open {
		r.bio.offset = max(0, min(r.bio.offset, len(r.bioLines(r.lay.textWidth))-r.lay.paneHeight))
	}
}
