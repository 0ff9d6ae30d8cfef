package ui

import (
	tea "charm.land/bubbletea/v2"
)

// listKey handles a key on the issue list: it opens what the list
// picked, an article or a passage, and starts the library-wide search
// when the filter's text changes.
func (m *Model) listKey(msg tea.KeyPressMsg) tea.Cmd {
	was, wasFiltering := m.list.filter.value, m.list.filtering
	a := m.list.update(msg)
	var cmds []tea.Cmd
	if m.list.filtering && !wasFiltering {
		cmds = append(cmds, prepareCmd(m.c.lib))
	}
	if m.list.filter.value != was {
		cmds = append(cmds, m.list.found.search(m.c.lib, m.list.filter.value))
	}
	switch p := m.list.takeChosen(); {
	case p != nil:
		m.screen, m.fromPassage = readerScreen, true
		m.setKeys()
		cmds = append(cmds, m.reader.openAt(p.Article, m.list.found.found.Query, matchTarget{section: p.Section, nth: p.InSection}))
	case a != nil:
		m.fromPassage = false
		cmds = append(cmds, m.openReader(a, nil))
	}
	return tea.Batch(cmds...)
}
