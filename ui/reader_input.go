package ui

import (
	tea "charm.land/bubbletea/v2"
)

// updateSearchInput handles keys while the reader types a search.
func (r *readerModel) updateSearchInput(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "enter":
		r.search.typing = false
		r.search.query = r.search.input.value
		if r.search.query == "" {
			r.search.clear()
			r.refresh()
			return nil
		}
		top := r.pane.offset
		r.refresh()
		r.search.first(top)
		r.showMatch()
	case "esc":
		r.search.clear()
		r.refresh()
	default:
		r.search.input.update(msg)
	}
	return nil
}

// stepMatch moves to the next or previous match and shows it.
func (r *readerModel) stepMatch(d int) {
	if !r.search.active() {
		r.status = "No search yet: press / to search the article."
		return
	}
	if len(r.search.matches) == 0 {
		r.status = r.search.summary(r.c.glyphs)
		return
	}
	r.search.step(d)
	r.showMatch()
}

// currentMatchShown says whether the current match's first line is on
// the pane.
func (r *readerModel) currentMatchShown() bool {
	if len(r.search.matches) == 0 {
		return false
	}
	line := r.search.matches[r.search.current].line()
	return line >= r.pane.offset && line < r.pane.offset+r.pane.height
}

// showMatch redraws the highlights and scrolls the current match into
// view, a third of the way down the pane so that it has context above.
func (r *readerModel) showMatch() {
	if r.doc == nil {
		return
	}
	if len(r.search.matches) == 0 {
		r.status = r.search.summary(r.c.glyphs)
		return
	}
	offset := r.pane.offset
	r.setPaneLines(r.search.decorate(r.markedLines(), r.c.styles))
	line := r.search.matches[r.search.current].line()
	if line < offset || line >= offset+r.pane.height {
		offset = line - r.pane.height/3
	}
	r.pane.setOffset(offset)
}
