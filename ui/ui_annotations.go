package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// annotationKey handles, before the screens do, the keys of highlights
// and notes that belong to no single screen: the note being written has every key,
// the highlights screen its own, and H opens it from the others.
func (m *Model) annotationKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	m.touched = true
	m.c.notes.back = false // said: the next notice is news again
	switch {
	case m.screen == highlightsScreen:
		return m.updateHighlights(msg), true
	case m.screen == readerScreen && m.reader.annotations.editor.open:
		m.reader.status = ""
		m.reader.updateEditor(msg)
		return nil, true
	case m.list.filtering || m.reader.search.typing || m.reader.side.picking:
		return nil, false
	case key.Matches(msg, m.c.keys.Highlights):
		m.from, m.screen = m.screen, highlightsScreen
		m.highlights.open(m.reader.article)
		return nil, true
	}
	return nil, false
}

// updateAnnotations handles the messages of what the reader keeps: the
// colour profile the highlights are tinted in, a place due to be written,
// a write's answer, a retry, and what the keeper held.
func (m *Model) updateAnnotations(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.ColorProfileMsg:
		m.c.profile = msg.Profile
		m.reader.refresh()
	case placeDueMsg:
		m.reader.savePlace()
	case savedMsg:
		return m.c.notes.saved(msg)
	case retryDueMsg:
		return m.c.notes.writeCmd(true)
	case keptMsg:
		m.takeKept(msg)
	}
	return nil
}

// settle follows every message: the reader keeps its cursor in sight and
// its place, and whatever the message changed is written to the keeper.
func (m *Model) settle(cmd tea.Cmd) tea.Cmd {
	var more tea.Cmd
	if m.screen == readerScreen {
		more = m.reader.settle()
	}
	return tea.Batch(cmd, more, m.c.notes.writeCmd(false))
}

// Flush keeps the place in the article on screen and writes every change
// not yet written, and returns the last write's error. The command line
// calls it when the program has ended, however it ended (a quit, SIGHUP,
// SIGTERM), so that only a change in flight at a kill can be lost.
//
// Nothing is written before the keeper's Load has answered: Flush waits
// for a Load under way, and runs it when the program ended before its
// command did; after a Load that failed for good it writes nothing.
func (m *Model) Flush() error {
	if !m.c.notes.waitLoaded() {
		return nil
	}
	m.reader.savePlace() // not before the keeper answered: the place on screen may not be the reader's yet
	return m.c.notes.saver.flush()
}
