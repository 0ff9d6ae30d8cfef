package ui

import (
	"slices"

	tea "charm.land/bubbletea/v2"
)

// frame is the last view drawn. Bubble Tea asks for a view after every
// message, and drawing one costs a few hundred microseconds (styling and
// measuring every line); a key that changes nothing, such as a stray
// letter or the thousands of one pasted on the issue list, gets the frame
// back instead. Every other message is taken to change the screen.
type frame struct {
	view  tea.View
	valid bool
}

// ignores says whether a key press changes nothing, on the issue list or
// in the reader: a key that is no key of any binding (enabled here or not:
// some answer with a hint where they do not apply), while no picker or
// editor has the keyboard; or text typed into a field that is full. The
// help screen ignores the keys of none of its moves. On the other screens
// every key is taken to change something.
func (m *Model) ignores(msg tea.KeyPressMsg) bool {
	if f := m.field(); f != nil {
		return f.refuses(msg)
	}
	switch {
	case m.help:
		return !helpTakes(msg.String())
	case m.screen != listScreen && m.screen != readerScreen,
		m.screen == readerScreen && (m.reader.side.picking || m.reader.annotations.editor.open):
		return false
	}
	k := msg.String()
	for _, group := range m.c.keys.FullHelp() {
		for _, b := range group {
			if slices.Contains(b.Keys(), k) {
				return false
			}
		}
	}
	return true
}

// helpTakes says whether the help screen does anything with a key: those
// of its switch in key, and of scrollHelp.
func helpTakes(k string) bool {
	switch k {
	case "ctrl+c", "?", "esc", "q", "j", "down", "k", "up", "space", "f", "pgdown", "b", "pgup", "g", "home", "G", "end":
		return true
	}
	return false
}

// field is the text field that has the keyboard, if one has.
func (m *Model) field() *textInput {
	switch {
	case m.help:
		return nil
	case m.screen == listScreen && m.list.filtering:
		return &m.list.filter
	case m.screen == readerScreen && m.reader.search.typing:
		return &m.reader.search.input
	case m.screen == glossaryScreen && m.glossary.filtering:
		return &m.glossary.filter
	case m.screen == highlightsScreen && m.highlights.filtering:
		return &m.highlights.filter
	}
	return nil
}

// paste types pasted text into the field or the note editor that has the
// keyboard, cut at its limit; elsewhere a paste does nothing. Each field
// then does what it does when typed into: the list's filter searches,
// the others filter.
func (m *Model) paste(text string) tea.Cmd {
	if m.screen == readerScreen {
		m.reader.paste(text)
	}
	f := m.field()
	if f == nil {
		return nil
	}
	f.paste(text)
	switch f {
	case &m.list.filter:
		m.list.clamp()
		return m.list.found.search(m.c.lib, f.value)
	case &m.glossary.filter:
		m.glossary.cursor = 0
		m.glossary.refilter()
	case &m.highlights.filter:
		m.highlights.cursor = 0
	}
	return nil
}
