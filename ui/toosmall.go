package ui

import tea "charm.land/bubbletea/v2"

// tooSmall reports whether the terminal is below the size the reader
// draws in: it shows only a request for more room.
func (m *Model) tooSmall() bool {
	return m.c.width < minWidth || m.c.height < minHeight
}

// keyTooSmall handles a key while the terminal is too small: quit and
// help act, nothing else does, since the reader could not see what a key
// did (enter opened an article that appeared only after a resize).
func (m *Model) keyTooSmall(msg tea.KeyPressMsg, typing bool) tea.Cmd {
	if typing {
		return nil
	}
	switch msg.String() {
	case "q":
		return m.quit()
	case "?":
		m.help, m.helpOffset = !m.help, 0
	case "esc":
		m.help = false
	}
	return nil
}
