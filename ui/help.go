package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"analyst/internal/render"
)

// shortHelp is the one-line help of the status line, cut to width. It is
// drawn again only when the keys, the styles or the width change.
func shortHelp(c *common, width int) string {
	if c.shortHelp.ok && c.shortHelp.width == width {
		return c.shortHelp.text
	}
	h := help.New()
	h.Styles = c.styles.Help
	h.ShortSeparator, h.Ellipsis = c.glyphs.Bullet, c.glyphs.Ellipsis
	h.SetWidth(width)
	c.shortHelp = drawn{width: width, text: h.ShortHelpView(c.keys.ShortHelp()), ok: true}
	return c.shortHelp.text
}

// helpColumnWidth is the width of one group of keys on the help screen:
// 11 cells of keys, the longest description (18 cells, "previous
// paragraph"), and a gap of three before the next group.
const helpColumnWidth = 32

// helpView draws every enabled key binding, grouped, from the key map:
// side by side when the terminal is wide enough, one under another when
// not. offset scrolls it when it is taller than the terminal.
func helpView(c *common, w, h, offset int) string {
	st := c.styles
	body := helpBody(c, w)
	header := []string{" " + st.Header.Render("Keys"), ""}
	footer := " " + st.Meta.Render(strings.Join([]string{"? or esc close", "j/k scroll", "q quit"}, st.G.Sep))
	room := helpRoom(h)
	offset = max(0, min(offset, len(body)-room))
	body = body[offset:min(len(body), offset+room)]
	for len(body) < room {
		body = append(body, "")
	}
	lines := append(header, body...)
	lines = append(lines, footer)
	for i, l := range lines {
		lines[i] = fitLine(l, w)
	}
	return strings.Join(lines, "\n")
}

// helpRoom is how many lines of keys the help screen shows at height h:
// all but its title, a blank line and its footer.
func helpRoom(h int) int { return max(h-3, 1) }

// helpMaxOffset is the furthest the help screen scrolls at w×h.
func helpMaxOffset(c *common, w, h int) int {
	return max(0, len(helpBody(c, w))-helpRoom(h))
}

// helpBody is the help screen's lines of keys, in columns of groups.
func helpBody(c *common, w int) []string {
	st := c.styles
	titles := helpGroupTitles()
	var groups [][]string
	for i, bindings := range c.keys.FullHelp() {
		var lines []string
		for _, b := range bindings {
			if !b.Enabled() {
				continue
			}
			lines = append(lines, helpRow(st, b, min(helpColumnWidth, w-2)))
		}
		if len(lines) > 0 {
			groups = append(groups, append([]string{st.HelpTitle.Render(titles[i])}, lines...))
		}
	}
	cols := max(1, min(len(groups), (w-2)/helpColumnWidth))
	var body []string
	for start := 0; start < len(groups); start += cols {
		row := groups[start:min(start+cols, len(groups))]
		height := 0
		for _, g := range row {
			height = max(height, len(g))
		}
		for i := range height {
			var line strings.Builder
			line.WriteString(" ")
			for _, g := range row {
				cell := ""
				if i < len(g) {
					cell = g[i]
				}
				line.WriteString(fitLine(cell, min(helpColumnWidth, w-2)))
			}
			body = append(body, line.String())
		}
		body = append(body, "")
	}
	return body
}

// helpGap is the least room left between a description and the next
// group's keys.
const helpGap = 3

// helpRow is one binding in a column w cells wide: its keys, then what
// it does, cut at a word with "…" where the column is too narrow, and
// helpGap cells left before the next column.
func helpRow(st Styles, b key.Binding, w int) string {
	k := ansi.Truncate(b.Help().Key, 10, st.G.Ellipsis)
	desc := render.CutWords(b.Help().Desc, max(w-11-helpGap, 1), st.G.Ellipsis)
	return st.HelpKey.Render(k) + strings.Repeat(" ", max(1, 11-ansi.StringWidth(k))) + st.HelpDesc.Render(desc)
}
