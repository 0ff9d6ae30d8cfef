package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// escAction is what esc does now, for help: the same order as update's.
func (r *readerModel) escAction() string {
	switch {
	case r.side.picking:
		return "close the picker"
	case r.bio.open:
		return "close the bio"
	case r.search.active():
		return "clear the search"
	case r.side.overlay:
		return "close the sidebar"
	case r.annotations.cursor.shown:
		return "hide the cursor"
	}
	return "back"
}

// update handles a key in the reader: the search being typed, the
// picker or the bio have it first; before the text arrives it is kept
// for then; then the cursor's keys, the scrolling keys and the others.
func (r *readerModel) update(msg tea.KeyPressMsg) tea.Cmd {
	k := r.c.keys
	r.status, r.side.bioFirst = "", false
	r.relayout = nil // the reader moves on: the place to keep is where they go
	switch {
	case r.search.typing:
		return r.updateSearchInput(msg)
	case r.side.picking:
		return r.updatePicker(msg)
	case r.bio.open:
		return r.updateBio(msg)
	case r.doc == nil && !key.Matches(msg, k.Back, k.NextArticle, k.PrevArticle, k.Sidebar):
		// The text is still rendering: keep the key for when it arrives.
		r.typedAhead.keep(msg)
		return nil
	}
	if cmd, ok := r.annotationKey(msg); ok {
		return cmd
	}
	if r.scrollKey(msg) {
		return nil
	}
	return r.commandKey(msg)
}

// scrollKey moves the text by a line, a page, half a page, or to its top
// or end; it reports whether msg was one of those keys.
func (r *readerModel) scrollKey(msg tea.KeyPressMsg) bool {
	k, h := r.c.keys, r.pane.height
	switch {
	case key.Matches(msg, k.Down):
		r.pane.scroll(1)
	case key.Matches(msg, k.Up):
		r.pane.scroll(-1)
	case key.Matches(msg, k.PageDown):
		r.pane.scroll(max(h-1, 1))
	case key.Matches(msg, k.PageUp):
		r.pane.scroll(-max(h-1, 1))
	case key.Matches(msg, k.HalfDown):
		r.pane.scroll(max(h/2, 1))
	case key.Matches(msg, k.HalfUp):
		r.pane.scroll(-max(h/2, 1))
	case key.Matches(msg, k.Top):
		r.pane.setOffset(0)
	case key.Matches(msg, k.Bottom):
		r.pane.setOffset(r.pane.textEnd())
	default:
		return false
	}
	return true
}

// commandKey handles the reader's keys that do not scroll: going back,
// to a section or an article, searching, the sidebar, the bio, the
// measure.
func (r *readerModel) commandKey(msg tea.KeyPressMsg) tea.Cmd {
	k := r.c.keys
	switch {
	case key.Matches(msg, k.Back):
		r.goBack()
	case key.Matches(msg, k.NextSection):
		r.stepSection(1)
	case key.Matches(msg, k.PrevSection):
		r.stepSection(-1)
	case key.Matches(msg, k.PickSection):
		if r.doc != nil {
			r.side.openPicker(r.currentSection(), r.lay.folded)
			return r.resize()
		}
	case key.Matches(msg, k.NextArticle):
		return r.stepArticle(1)
	case key.Matches(msg, k.PrevArticle):
		return r.stepArticle(-1)
	case key.Matches(msg, k.Search):
		r.search.typing = true
		r.search.input.reset()
	case key.Matches(msg, k.NextMatch):
		r.stepMatch(1)
	case key.Matches(msg, k.PrevMatch):
		r.stepMatch(-1)
	case key.Matches(msg, k.Sidebar):
		return r.toggleSidebar()
	case key.Matches(msg, k.Bio):
		r.bio = bioView{open: true}
		r.side.overlay = false // it would hide the bio, which takes the text's place
	case key.Matches(msg, k.Narrower):
		return r.changeMeasure(-measureStep)
	case key.Matches(msg, k.Wider):
		return r.changeMeasure(measureStep)
	default:
		if n, ok := numberKey(msg, k.Number); ok {
			r.goToSectionNumber(n)
		}
	}
	return nil
}

// goBack is esc: it clears the search, closes the sidebar shown over the
// text, or asks for the issue list.
func (r *readerModel) goBack() {
	switch {
	case r.search.active():
		r.search.clear()
		r.refresh()
	case r.side.overlay:
		r.side.overlay = false
	default:
		r.savePlace()
		r.back = true
	}
}

// goToSectionNumber puts the heading of the article's nth section on top.
func (r *readerModel) goToSectionNumber(n int) {
	if n > len(r.doc.Sections) {
		r.status = fmt.Sprintf("This article has %d sections.", len(r.doc.Sections))
		return
	}
	r.pane.setOffset(r.doc.Sections[n-1].Line)
}
