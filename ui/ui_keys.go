package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"analyst/internal/content"
)

// key handles a key press: quitting and help first, then the screen.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	if msg.String() == "ctrl+c" {
		return m.quit()
	}
	m.warning = ""
	typing := m.list.filtering || m.reader.search.typing || m.glossary.filtering || m.reader.annotations.editor.open || m.highlights.typing()
	if m.tooSmall() {
		return m.keyTooSmall(msg, typing)
	}
	if m.help {
		switch msg.String() {
		case "?", "esc":
			m.help = false
		case "q":
			return m.quit()
		default:
			m.scrollHelp(msg.String())
		}
		return nil
	}
	if !typing {
		switch msg.String() {
		case "q":
			return m.quit()
		case "?":
			m.help, m.helpOffset = true, 0
			return nil
		}
	}
	var cmd tea.Cmd
	defer m.leaving(m.screen)
	annCmd, handled := m.annotationKey(msg)
	switch {
	case handled:
		cmd = annCmd
	case !typing && !m.reader.side.picking && m.screen != glossaryScreen && key.Matches(msg, m.c.keys.Glossary):
		m.openGlossary()
	case m.screen == glossaryScreen:
		cmd = m.glossaryKey(msg)
	case m.screen == listScreen:
		cmd = m.listKey(msg)
	default:
		cmd = m.reader.update(msg)
		if m.reader.back {
			m.reader.back = false
			m.screen = listScreen
			if !m.fromPassage { // back to the passages, or to the article in the list
				m.list.selectArticle(m.reader.article)
			}
		}
	}
	m.setKeys()
	m.warnAboutIssue(m.list.currentIssue())
	if m.screen == readerScreen && m.reader.article != nil {
		m.warnAboutIssue(m.reader.article.Issue)
	}
	return cmd
}

// leaving clears, once a key has moved to another screen, the message of
// the screen it left: it said what a key did there, and must not greet
// the reader when they come back.
func (m *Model) leaving(from screen) {
	if m.screen == from {
		return
	}
	switch from {
	case listScreen:
		m.list.status = ""
	case readerScreen:
		m.reader.status = ""
	case glossaryScreen:
		m.glossary.status = ""
	case highlightsScreen:
		m.highlights.status = ""
	}
}

// replayTypedAhead presses again, once the text is on screen, the keys
// pressed while it rendered: each as if it came then, through key, so
// that the keys each enables (v enables m) are set before the next, and
// what each asks for (y's copy) is done.
func (m *Model) replayTypedAhead() tea.Cmd {
	var cmds []tea.Cmd
	for _, k := range m.reader.takeTypedAhead() {
		cmds = append(cmds, m.key(k))
	}
	return tea.Batch(cmds...)
}

func (m *Model) quit() tea.Cmd {
	m.quitting = true
	m.list.found.stop()
	return tea.Quit
}

// wheel scrolls the text, or moves through the list.
func (m *Model) wheel(msg tea.MouseWheelMsg) {
	d := 0
	switch msg.Button {
	case tea.MouseWheelDown:
		d = 1
	case tea.MouseWheelUp:
		d = -1
	}
	switch {
	case m.help:
	case m.screen == readerScreen:
		m.reader.scrollBy(3 * d)
	case m.screen == listScreen:
		m.list.move(d)
	case m.screen == glossaryScreen:
		m.glossary.move(d)
	}
}

// openReader shows an article.
func (m *Model) openReader(a *content.Article, sec *content.Section) tea.Cmd {
	m.screen = readerScreen
	m.setKeys()
	return m.reader.open(a, sec)
}

// setKeys enables the bindings of the screen in front.
func (m *Model) setKeys() {
	m.c.shortHelp = drawn{}
	switch m.screen {
	case listScreen:
		m.c.keys.forList(len(m.c.lib.Issues), m.list.filter.value != "")
	case glossaryScreen:
		m.c.keys.forGlossary(m.glossary.escAction())
	default:
		m.c.keys.forReader(m.reader.escAction())
	}
	m.c.keys.forAnnotations(m.screen, m.reader.annotations.cursor.shown)
}

// scrollHelp moves the help screen, when it is taller than the terminal,
// by a line, a page, or to either end.
func (m *Model) scrollHelp(k string) {
	page, last := helpRoom(m.c.height), helpMaxOffset(m.c, m.c.width, m.c.height)
	switch k {
	case "j", "down":
		m.helpOffset++
	case "k", "up":
		m.helpOffset--
	case "space", "f", "pgdown":
		m.helpOffset += page
	case "b", "pgup":
		m.helpOffset -= page
	case "g", "home":
		m.helpOffset = 0
	case "G", "end":
		m.helpOffset = last
	}
	m.helpOffset = max(0, min(m.helpOffset, last))
}
