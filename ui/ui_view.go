package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// layout brings what the screen in front shows up to date with the
// model, after every message: where each list scrolls to keep its cursor
// in sight, the abbreviations on screen. View only draws.
func (m *Model) layout() {
	w, h := m.c.width, m.c.height
	switch m.screen {
	case listScreen:
		m.list.layout(w, h)
	case glossaryScreen:
		m.glossary.layout(w, h)
	case highlightsScreen:
		m.highlights.layout(w, h)
	case readerScreen:
		m.reader.clampBio()
		m.reader.findAbbreviations()
		m.reader.read = m.reader.readSoFar()
	}
}

// View is the screen in front, drawn again only when something changed.
func (m *Model) View() tea.View {
	if !m.frame.valid {
		m.frame = frame{view: m.draw(), valid: true}
	}
	return m.frame.view
}

// draw draws the screen in front, in the alternate screen, with the mouse
// wheel on. Whatever the size, the view fits it.
func (m *Model) draw() tea.View {
	var v tea.View
	if m.quitting {
		return v
	}
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	w, h := m.c.width, m.c.height
	switch {
	case w <= 0 || h <= 0:
		// No size yet: nothing to draw.
	case m.tooSmall():
		v.SetContent(tooSmall(w, h, m.c.glyphs))
	case m.help:
		v.SetContent(m.withNotice(fitView(helpView(m.c, w, h, m.helpOffset), w, h), w))
	case m.screen == glossaryScreen:
		v.SetContent(m.withNotice(fitView(m.glossary.view(w, h), w, h), w))
		v.WindowTitle = "Glossary · " + m.glossary.g.Issue.Title()
	case m.screen == highlightsScreen:
		v.SetContent(m.withNotice(fitView(m.highlights.view(w, h), w, h), w))
	case m.screen == readerScreen && m.reader.article != nil:
		v.SetContent(m.withNotice(m.reader.view(w, h), w)) // exact by construction: no fitView pass
		v.WindowTitle = m.reader.article.MarkedTitle()
	default:
		v.SetContent(m.withNotice(fitView(m.list.view(w, h)+m.listStatus(w), w, h), w))
		v.WindowTitle = m.list.currentIssue().Publication
	}
	return v
}

// withNotice puts the notice, if any, on the top line of a screen, over
// the header: the bottom line is where the reader types and reads what
// their keys did, and the notice must stay in sight through both.
func (m *Model) withNotice(screen string, w int) string {
	notice, warning := m.notice, true
	if notice == "" {
		notice = m.warning
	}
	if notice == "" {
		notice, warning = m.c.notes.notice(m.touched)
	}
	if notice == "" {
		return screen
	}
	style := m.c.styles.Error
	if !warning {
		style = m.c.styles.Status
	}
	line := spread(m.c.styles, " "+style.Render(notice), "", w)
	if i := strings.IndexByte(screen, '\n'); i >= 0 {
		return line + screen[i:]
	}
	return line
}

// listStatus is the list's bottom line: the filter being typed or the help.
func (m *Model) listStatus(w int) string {
	st := m.c.styles
	switch {
	case m.list.filtering:
		return promptLine(st, m.list.filter.value, m.list.enterHint()+st.G.Sep+"esc clear", w)
	case m.list.status != "":
		return spread(st, " "+st.Status.Render(m.list.status), "", w)
	case m.list.filter.value != "":
		return spreadKeepLeft(st, " "+st.Status.Render(fmt.Sprintf("filter: %s", m.list.filter.value)), st.Meta.Render("esc clear")+" ", w)
	}
	return spread(st, " "+shortHelp(m.c, w-2), "", w)
}

// tooSmall asks for a bigger terminal in whatever room there is, its
// words wrapped to the width.
func tooSmall(w, h int, g Glyphs) string {
	if w < 1 || h < 1 {
		return ""
	}
	msg := fmt.Sprintf("Terminal too small: need %d%s%d, have %d%s%d", minWidth, g.Times, minHeight, w, g.Times, h)
	lines := strings.Split(ansi.Wrap(msg, w, ""), "\n")
	return strings.Join(lines[:min(len(lines), h)], "\n")
}

// fitView cuts a drawn screen to w×h cells: a last guard so that no frame,
// whatever the size, spills over the terminal.
func fitView(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	return strings.Join(lines, "\n")
}
