package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// view draws the reader in the terminal's w×h cells: a header line, the
// pane (with the sidebar beside it or over it) and the status line.
func (r *readerModel) view(w, h int) string {
	lines := make([]string, 0, r.lay.paneHeight+2)
	lines = append(lines, r.headerLine(w))

	body := r.pane.view(r.lay.textWidth)
	r.drawCursor(body)
	if r.bio.open {
		body = r.bioBody(r.lay.textWidth, len(body))
	} else if r.doc == nil {
		body[min(1, len(body)-1)] = fitLine("  "+r.c.styles.Meta.Render("Rendering"+r.c.glyphs.Ellipsis), r.lay.textWidth)
	}
	showSidebar := r.lay.sidebarSide || r.side.overlay
	var side []string
	if showSidebar {
		side = r.sidebar().Render(r.lay.sidebarW, r.lay.paneHeight)
	}
	left := strings.Repeat(" ", r.lay.left)
	for i, line := range body {
		switch {
		case r.lay.sidebarSide:
			line = left + line + "  " + side[i]
		case r.side.overlay:
			line = fitLine(left+line, r.lay.sidebarX) + side[i]
		default:
			line = left + line
		}
		lines = append(lines, line)
	}
	lines = append(lines, r.statusLine(w, !showSidebar))
	// Join sizes the frame exactly: every session keeps its last frames,
	// and a builder's doubling would keep up to twice their size.
	return strings.Join(lines, "\n")
}

func (r *readerModel) sidebar() sidebar {
	return sidebar{
		article:  r.article,
		doc:      r.doc,
		current:  r.currentSection(),
		picking:  r.side.picking,
		pick:     r.side.pick,
		fraction: r.read,
		abbrs:    r.side.abbrs.uses,
		bioFirst: r.side.bioFirst,
		marked:   r.c.notes.count(r.article),
		styles:   r.c.styles,
	}
}

// headerLine names the publication and issue on the left, and the
// article's place in the issue and the section on screen on the right
// (header.go fits them to the width).
func (r *readerModel) headerLine(w int) string {
	section := ""
	if r.doc != nil {
		section = r.doc.Sections[r.currentSection()].Section.Name
	}
	return fitHeader(r.c.styles, r.article, section, w)
}

// statusLine is the bottom line: the search being typed, a message, or the
// short help; with no sidebar on screen, the progress on the right. What
// the reader typed or asked for keeps its room; the progress gives way.
func (r *readerModel) statusLine(w int, withProgress bool) string {
	st := r.c.styles
	right := ""
	if withProgress && r.doc != nil {
		right = st.Progress.Render(progressText(r.article, r.read, st.G.Sep)) + " "
	}
	switch {
	case r.search.typing:
		return promptLine(st, r.search.input.value, "enter search"+st.G.Sep+"esc cancel", w)
	case r.annotations.editor.open:
		return spreadKeepLeft(st, " "+st.Prompt.Render("Note")+st.Meta.Render(st.G.Sep+strings.Join([]string{"enter save", "esc cancel", "empty removes the note"}, st.G.Sep)), right, w)
	case r.status != "":
		return spreadKeepLeft(st, " "+st.Status.Render(r.status), right, w)
	case r.search.active():
		left := " " + st.Status.Render(r.search.summary(st.G))
		if hint := st.Meta.Render(st.G.Sep + strings.Join([]string{"ctrl+n next", "ctrl+p prev", "esc clear"}, st.G.Sep)); ansi.StringWidth(left+hint+right) < w {
			left += hint
		}
		return spreadKeepLeft(st, left, right, w)
	}
	return spread(st, " "+shortHelp(r.c, max(w-ansi.StringWidth(right)-2, 0)), right, w)
}

// promptLine is the status line while the reader types: the prompt and
// the text, its end (and the cursor) kept in sight, and the hint on the
// right when there is room.
func promptLine(st Styles, typed, hint string, w int) string {
	text := typed + st.G.Cursor
	if over := ansi.StringWidth(text) - (w - 3); over > 0 {
		ell := st.G.Ellipsis
		text = ell + ansi.TruncateLeft(text, over+ansi.StringWidth(ell), "")
	}
	return spreadKeepLeft(st, " "+st.Prompt.Render("/")+text, st.Meta.Render(hint)+" ", w)
}

// spread puts left and right on one line of exactly w cells; the left part
// is cut first when both do not fit, keeping a space between them.
func spread(st Styles, left, right string, w int) string {
	rw := ansi.StringWidth(right)
	if rw > w {
		return fitLine(right, w)
	}
	if ansi.StringWidth(left)+rw > w {
		left = ansi.Truncate(left, max(w-rw-1, 0), st.G.Ellipsis)
	}
	gap := w - rw - ansi.StringWidth(left)
	return left + strings.Repeat(" ", gap) + right
}

// spreadKeepLeft is spread for a line whose left part matters more: the
// right part is dropped when both do not fit.
func spreadKeepLeft(st Styles, left, right string, w int) string {
	if ansi.StringWidth(left)+1+ansi.StringWidth(right) > w {
		right = ""
	}
	return spread(st, left, right, w)
}
