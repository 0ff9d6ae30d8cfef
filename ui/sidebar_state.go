package ui

import (
	tea "charm.land/bubbletea/v2"
)

// sidebarState is what the reader did with the sidebar: hidden on a wide
// terminal, shown over the text on a narrow one, its section list
// picking, and what it shows of the text on screen.
type sidebarState struct {
	hidden    bool                // the reader hid the sidebar on a wide terminal
	overlay   bool                // the sidebar is shown over the text on a narrow one
	picking   bool                // the sidebar's section list has the keyboard
	pickUnhid bool                // the picker showed a sidebar the reader had hidden
	pick      int                 // the section under the picker
	bioFirst  bool                // the reader was sent to the bio: the sidebar shows it before the abbreviations
	abbrs     screenAbbreviations // the abbreviations on screen, for the sidebar
}

// openPicker gives the keyboard to the section list, on section cur,
// and shows the sidebar (show).
func (s *sidebarState) openPicker(cur int, folded bool) {
	s.picking, s.pick = true, cur
	s.show(folded)
}

// show makes the sidebar visible at any width (folded: the terminal is
// too narrow for it beside the text). A sidebar the reader hid comes
// back only while the picker needs it.
func (s *sidebarState) show(folded bool) {
	switch {
	case folded:
		s.overlay = true
	case s.hidden:
		s.hidden, s.pickUnhid = false, s.picking
	}
}

// closePicker gives the keyboard back to the text, and puts away the
// sidebar the picker showed. It reports whether the layout changes.
func (s *sidebarState) closePicker(folded bool) bool {
	s.picking = false
	if folded {
		s.overlay = false
	}
	if s.pickUnhid {
		s.hidden, s.pickUnhid = true, false
		return true
	}
	return false
}

// toggle hides or shows the sidebar; on a narrow terminal it is an
// overlay over the text. It reports whether the layout changes.
func (s *sidebarState) toggle(folded bool) bool {
	if folded {
		s.overlay = !s.overlay
		s.picking = s.picking && s.overlay
		return false
	}
	s.hidden = !s.hidden
	s.picking = s.picking && !s.hidden
	return true
}

// beforeLayout unhides, on a terminal width cells wide that has room for
// it beside the text, a sidebar the picker needs.
func (s *sidebarState) beforeLayout(width int) {
	if s.picking && s.hidden && width >= sidebarFoldsAt {
		s.hidden, s.pickUnhid = false, true
	}
}

// afterLayout follows a new layout: a sidebar beside the text is no
// overlay, and the picker stays in sight, over the text, on a narrower
// terminal.
func (s *sidebarState) afterLayout(beside bool) {
	switch {
	case beside:
		s.overlay = false
	case s.picking:
		s.overlay = true
	}
}

// closePicker gives the keyboard back to the text, laying the reader out
// again when the picker had shown a sidebar the reader hid.
func (r *readerModel) closePicker() tea.Cmd {
	if r.side.closePicker(r.lay.folded) {
		return r.resize()
	}
	return nil
}

// toggleSidebar hides or shows the sidebar.
func (r *readerModel) toggleSidebar() tea.Cmd {
	if r.side.toggle(r.lay.folded) {
		return r.resize()
	}
	return nil
}

// updatePicker handles keys while the sidebar's section list has focus:
// up and down choose, enter (or a section's number) jumps, esc or tab
// gives the keyboard back.
func (r *readerModel) updatePicker(msg tea.KeyPressMsg) tea.Cmd {
	n := len(r.doc.Sections)
	switch msg.String() {
	case "up", "k", "shift+tab":
		r.side.pick = (r.side.pick - 1 + n) % n
	case "down", "j":
		r.side.pick = (r.side.pick + 1) % n
	case "enter", "space":
		r.pane.setOffset(r.doc.Sections[r.side.pick].Line)
		return r.closePicker()
	case "esc", "tab":
		return r.closePicker()
	default:
		if d, ok := numberKey(msg, r.c.keys.Number); ok && d <= n {
			r.side.pick = d - 1
			r.pane.setOffset(r.doc.Sections[r.side.pick].Line)
			return r.closePicker()
		}
	}
	return nil
}
