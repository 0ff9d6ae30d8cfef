package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"analyst/internal/content"
)

// highlightsModel is the screen of every highlight in the library (H):
// grouped by issue and article, newest first, each with its first words,
// its section and its note. / filters, enter opens the article at the
// paragraph, d deletes after asking, y copies.
type highlightsModel struct {
	c *common
	// cursorList's cursor is an index in entries(), its top the first
	// line shown.
	cursorList
	rows    []string // the rows in sight, as layout drew them, for view
	shown   shownEntries
	confirm *mark  // d asked about this one: y deletes it
	status  string // a one-time message
}

func (h *highlightsModel) typing() bool { return h.filtering }

// open shows the screen, on the newest highlight of the article the
// reader is in, if it has any.
func (h *highlightsModel) open(in *content.Article) {
	h.cursor, h.top, h.confirm, h.status = 0, 0, nil, ""
	h.filter.reset()
	h.filtering = false
	for i, m := range h.entries() {
		if in != nil && m.article == in {
			h.cursor = i
			break
		}
	}
}

// updateHighlights handles a key on the highlights screen.
func (m *Model) updateHighlights(msg tea.KeyPressMsg) tea.Cmd {
	h, k := &m.highlights, m.c.keys
	h.status = ""
	switch {
	case h.filtering:
		h.updateFilter(msg)
		return nil
	case h.confirm != nil:
		h.answerDelete(msg)
		return nil
	case h.moveKey(msg, k, len(h.entries()), 0):
		return nil
	}
	switch {
	case key.Matches(msg, k.Back):
		m.leaveHighlights()
	case key.Matches(msg, k.Filter):
		h.filtering = true
	case key.Matches(msg, k.Delete):
		if sel := h.selected(); sel != nil {
			h.confirm = sel
		}
	case key.Matches(msg, k.Copy):
		if sel := h.selected(); sel != nil {
			cmd, status := copyMark(m.c, sel)
			h.status = status
			return cmd
		}
	case key.Matches(msg, k.Open):
		return m.openMark(h.selected())
	}
	return nil
}

// openMark opens a highlight's article with the cursor on its paragraph.
func (m *Model) openMark(sel *mark) tea.Cmd {
	switch {
	case sel == nil:
		return nil
	case sel.article == nil || !sel.attached():
		m.highlights.status = "This highlight's paragraph is no longer in the library."
		return nil
	}
	m.screen = readerScreen
	m.list.selectArticle(sel.article)
	m.reader.annotations.cursor = paraCursor{shown: true, sec: sel.section, index: sel.h.Paragraph}
	if m.reader.article == sel.article && m.reader.doc != nil {
		m.reader.relayoutNotes()
		m.reader.findCursor()
		return nil
	}
	return m.reader.open(sel.article, nil)
}

// updateFilter handles a key while the filter line has the keyboard.
func (h *highlightsModel) updateFilter(msg tea.KeyPressMsg) {
	switch h.filterKey(msg, len(h.entries())) {
	case filterCleared:
		h.filter.reset()
	case filterTyped:
		h.filter.update(msg)
		h.cursor = 0
	}
}

// answerDelete takes the answer to d's question: y or enter deletes the
// highlight, any other key keeps it.
func (h *highlightsModel) answerDelete(msg tea.KeyPressMsg) {
	target := h.confirm
	h.confirm = nil
	if s := msg.String(); s == "y" || s == "enter" {
		h.c.notes.remove(target)
		h.status = "Highlight deleted."
		h.clampTo(len(h.entries()))
	} else {
		h.status = "Not deleted."
	}
}

// leaveHighlights is esc: it clears the filter, or goes back to the
// screen the highlights were opened from.
func (m *Model) leaveHighlights() {
	if m.highlights.filter.value != "" {
		m.highlights.filter.reset()
		return
	}
	m.screen = m.from
	if m.screen == readerScreen {
		m.reader.relayoutNotes() // a highlight of the article may be gone
	}
}
