package ui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// annotationKey handles the reader's keys of annotations: the cursor and
// what it points at. ok is false for any other key, which then does what
// it always did; with the cursor shown, j, k and the arrows move it a
// paragraph at a time, and esc hides it once nothing else is to close.
func (r *readerModel) annotationKey(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	k := r.c.keys
	switch {
	case key.Matches(msg, k.Cursor):
		if r.cursor.shown {
			r.hideCursor()
		} else {
			r.showCursor()
		}
	case key.Matches(msg, k.CopyCitation):
		return r.copyCitation(), true
	case !r.cursor.shown:
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
	case key.Matches(msg, k.Back) && !r.search.active() && !r.overlay:
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
	if r.base == nil || r.doc == nil {
		return
	}
	offset := r.pane.offset
	r.doc = r.withNotes(r.base)
	r.refresh()
	r.pane.setOffset(offset)
	if r.editor.open {
		r.scrollToCursor()
	}
}

// placeDueMsg says that the reader stopped scrolling long enough for
// their place to be written.
type placeDueMsg struct{}

// settle follows a message: the cursor stays in sight, an article read
// to its end is marked read, and a place that moved is written once the
// reader has not moved for c.placeDelay (a place is written at most
// once in that time while they scroll, and at once when they leave the
// article or quit).
func (r *readerModel) settle() tea.Cmd {
	if r.doc == nil || r.article == nil {
		return nil
	}
	r.keepCursorInSight()
	if !r.c.notes.loaded {
		return nil // the place on screen may not be the reader's until the keeper answers
	}
	if r.pane.atEnd() && r.pane.real > 0 && r.c.notes.markRead(r.article) {
		r.writePlace() // the read mark goes with the place, at once
	}
	if r.placeTimer || r.here() == r.written[r.article] {
		return nil
	}
	r.placeTimer = true
	return tea.Tick(r.c.placeDelay, func(time.Time) tea.Msg { return placeDueMsg{} })
}

// savePlace keeps the place in the article on screen, when it moved.
func (r *readerModel) savePlace() {
	r.placeTimer = false
	if r.doc == nil || r.article == nil || !r.c.notes.loaded {
		return
	}
	if p, ok := r.written[r.article]; !ok || p != r.here() {
		r.writePlace()
	}
}

// writePlace writes the place in the article on screen, moved or not.
func (r *readerModel) writePlace() {
	if r.doc == nil || r.article == nil {
		return
	}
	p := r.here()
	r.places[r.article], r.written[r.article] = p, p
	r.c.notes.savePlace(r.article, p, r.readSoFar())
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
