package ui

import (
	"analyst/internal/content"
	"analyst/internal/render"
)

// paraCursor is the paragraph cursor: whether it is shown, and the
// paragraph it is on, by index in the document's paragraph map and by
// section and index, which find it again in another rendering.
type paraCursor struct {
	shown bool
	at    int // index in doc.Paragraphs
	sec   *content.Section
	index int
}

// cursorParagraph is the paragraph under the cursor, if it is shown.
func (r *readerModel) cursorParagraph() (render.DocParagraph, bool) {
	if !r.annotations.cursor.shown || r.doc == nil || r.annotations.cursor.at < 0 || r.annotations.cursor.at >= len(r.doc.Paragraphs) {
		return render.DocParagraph{}, false
	}
	return r.doc.Paragraphs[r.annotations.cursor.at], true
}

// showCursor puts the cursor on the first paragraph whose first line is
// on screen, or on the one the top line is in.
func (r *readerModel) showCursor() {
	if r.doc == nil || len(r.doc.Paragraphs) == 0 {
		r.status = "This article has no paragraphs to point at."
		return
	}
	r.annotations.cursor.shown = true
	r.placeCursor(r.firstParagraphInSight())
	r.scrollToCursor() // when the title fills the pane, the first paragraph is below it
}

func (r *readerModel) hideCursor() { r.annotations.cursor.shown = false }

// placeCursor moves the cursor to a paragraph of the map.
func (r *readerModel) placeCursor(i int) {
	i = max(0, min(i, len(r.doc.Paragraphs)-1))
	p := r.doc.Paragraphs[i]
	r.annotations.cursor.at, r.annotations.cursor.sec, r.annotations.cursor.index = i, r.doc.Sections[p.Section].Section, p.Index
}

// firstParagraphInSight is the first paragraph whose first line is on
// the pane; failing that (one paragraph fills the pane), the one the top
// line is in, or the last.
func (r *readerModel) firstParagraphInSight() int {
	top, bottom := r.pane.offset, r.pane.offset+r.pane.height
	for i, p := range r.doc.Paragraphs {
		if p.First >= top && p.First < bottom {
			return i
		}
	}
	if i := r.doc.ParagraphAt(top); i >= 0 {
		return i
	}
	return len(r.doc.Paragraphs) - 1
}

// moveCursor moves the cursor d paragraphs, across sections, and scrolls
// so that the paragraph is in sight.
func (r *readerModel) moveCursor(d int) {
	next := r.annotations.cursor.at + d
	switch {
	case next < 0:
		r.status = "This is the first paragraph."
		return
	case next >= len(r.doc.Paragraphs):
		r.status = "This is the last paragraph."
		return
	}
	r.placeCursor(next)
	r.scrollToCursor()
}

// scrollToCursor scrolls as little as puts the cursor's paragraph, and
// its note or the note being written, on the pane: whole if they fit;
// otherwise the paragraph's first line on the top line, or, while a note
// is written, the note's last on the bottom one.
func (r *readerModel) scrollToCursor() {
	p, ok := r.cursorParagraph()
	if !ok {
		return
	}
	end := p.End + r.annotations.noteRows[r.annotations.cursor.at]
	top, h := r.pane.offset, r.pane.height
	switch {
	case end-p.First > h && r.annotations.editor.open:
		r.pane.setOffset(end - h)
	case p.First < top || end-p.First > h:
		r.pane.setOffset(p.First)
	case end > top+h:
		r.pane.setOffset(end - h)
	}
}

// cursorInSight reports whether any line of the cursor's paragraph is on
// the pane.
func (r *readerModel) cursorInSight() bool {
	p, ok := r.cursorParagraph()
	return ok && p.End > r.pane.offset && p.First < r.pane.offset+r.pane.height
}

// keepCursorInSight follows the text when the reader moved it by other
// means (a page, a section, a search, the wheel): a cursor scrolled out
// of sight comes to the first paragraph on screen.
func (r *readerModel) keepCursorInSight() {
	if r.relayout != nil {
		return // a new layout is on its way, and findCursor will place it
	}
	if r.annotations.cursor.shown && r.doc != nil && !r.cursorInSight() && len(r.doc.Paragraphs) > 0 {
		r.placeCursor(r.firstParagraphInSight())
	}
}

// findCursor puts the cursor back on its paragraph in a new rendering
// (of the same article, or of the one the highlights screen opened at
// that paragraph), and scrolls it into sight; in another article it goes
// to the first paragraph on screen.
func (r *readerModel) findCursor() {
	if !r.annotations.cursor.shown || r.doc == nil {
		return
	}
	if len(r.doc.Paragraphs) == 0 {
		r.annotations.cursor.shown = false
		return
	}
	if i := r.doc.FindParagraph(r.annotations.cursor.sec, r.annotations.cursor.index); i >= 0 {
		r.placeCursor(i)
		r.scrollToCursor()
		return
	}
	r.placeCursor(r.firstParagraphInSight())
}

// cursorSection is the index in doc.Sections of the cursor's section.
func (r *readerModel) cursorSection() (int, bool) {
	p, ok := r.cursorParagraph()
	return p.Section, ok
}
