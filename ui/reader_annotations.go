package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"analyst/internal/render"
)

// annotations are the reader's highlights and notes as the article on
// screen shows them: the paragraph cursor, the note being written, and
// the lines each is drawn on.
type annotations struct {
	base     *render.Doc // the cached rendering doc is drawn from, without notes
	cursor   paraCursor  // the paragraph cursor
	editor   noteEditor  // the note being written
	noteRows map[int]int // lines laid under each paragraph (by index in doc.Paragraphs)
	tinted   tinted      // the lines with highlights drawn, for one doc
}

// annotationKey handles the reader's keys of annotations: the cursor and
// what it points at. ok is false for any other key, which then does what
// it always did; with the cursor shown, j, k and the arrows move it a
// paragraph at a time, and esc hides it once nothing else is to close.
func (r *readerModel) annotationKey(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	k := r.c.keys
	switch {
	case key.Matches(msg, k.Cursor):
		if r.annotations.cursor.shown {
			r.hideCursor()
		} else {
			r.showCursor()
		}
	case key.Matches(msg, k.CopyCitation):
		return r.copyCitation(), true
	case !r.annotations.cursor.shown:
		if s := msg.String(); s == "m" || s == "a" || s == "y" {
			r.status = "Press v to point at a paragraph first."
			return nil, true
		}
		return nil, false
	case key.Matches(msg, k.Down):
		r.moveCursor(1)
	case key.Matches(msg, k.Up):
		r.moveCursor(-1)
	case key.Matches(msg, k.Mark):
		r.toggleMark()
	case key.Matches(msg, k.Note):
		r.openEditor()
	case key.Matches(msg, k.Copy):
		return r.copyQuote(), true
	case key.Matches(msg, k.Back) && !r.search.active() && !r.side.overlay:
		r.hideCursor()
	default:
		return nil, false
	}
	return nil, true
}

// toggleMark highlights the cursor's paragraph, or removes its highlight
// (and its note).
func (r *readerModel) toggleMark() {
	p, _ := r.cursorParagraph()
	sec := r.doc.Sections[p.Section].Section
	nb := r.c.notes
	if m := nb.at(sec, p.Index); m != nil {
		nb.remove(m)
		r.status = "Highlight removed."
		if m.h.Note != "" {
			r.status = "Highlight and its note removed."
		}
	} else {
		nb.add(r.article, sec, p.Index, "")
		r.status = "Highlighted." + nb.sessionHint()
	}
	r.relayoutNotes()
}

// relayoutNotes lays the notes and the editor into the text again after
// one changed, keeping the top line and the cursor where they were.
func (r *readerModel) relayoutNotes() {
	if r.annotations.base == nil || r.doc == nil {
		return
	}
	offset := r.pane.offset
	r.doc = r.withNotes(r.annotations.base)
	r.refresh()
	r.pane.setOffset(offset)
	if r.annotations.editor.open {
		r.scrollToCursor()
	}
}

// sessionHint is what the first highlight of a session that keeps
// nothing after it says, once.
func (nb *notebook) sessionHint() string {
	if !nb.sessionOnly || nb.toldSession {
		return ""
	}
	nb.toldSession = true
	if nb.keyWould {
		return " Kept for this session only: connect with an SSH key to keep it."
	}
	return " Kept for this session only."
}
