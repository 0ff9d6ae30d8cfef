package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"analyst/internal/content"
	"analyst/internal/render"
)

// maxNote bounds what a reader can type in a note, unless Options.MaxNote
// says otherwise: over SSH a stranger types it. A note from the store is
// drawn whole, whatever its length.
const maxNote = 2000

// noteEditor is the one-line note editor, drawn under the paragraph it
// annotates: enter saves, esc cancels, an empty note removes the note.
type noteEditor struct {
	open  bool
	at    paraKey
	input textInput
}

// openEditor opens the editor under the cursor's paragraph, with its note
// if it has one.
func (r *readerModel) openEditor() {
	p, ok := r.cursorParagraph()
	if !ok {
		return
	}
	k := paraKey{r.doc.Sections[p.Section].Section, p.Index}
	r.annotations.editor = noteEditor{open: true, at: k, input: textInput{limit: r.c.maxNote}}
	if m := r.c.notes.at(k.sec, k.index); m != nil {
		r.annotations.editor.input.value = m.h.Note
	}
	r.relayoutNotes()
}

// editorBlock is the editor's lines under the paragraph.
func (r *readerModel) editorBlock(width int) render.Block {
	return noteLines(r.annotations.editor.input.value, width, r.c.marks().Editor, r.c.glyphs.NoteSign, r.c.glyphs.Cursor)
}

// updateEditor handles a key while the reader writes a note.
func (r *readerModel) updateEditor(msg tea.KeyPressMsg) {
	switch msg.String() {
	case "enter":
		r.saveNote(strings.TrimSpace(content.NormalizeSpace(r.annotations.editor.input.value)))
		r.annotations.editor = noteEditor{}
	case "esc":
		r.annotations.editor = noteEditor{}
		r.status = "Note not changed."
	default:
		r.annotations.editor.input.update(msg)
		r.annotations.editor.input.value = content.StripControls(r.annotations.editor.input.value)
	}
	r.relayoutNotes()
}

// paste takes pasted text into the note being written, as one line.
func (r *readerModel) paste(text string) {
	if !r.annotations.editor.open {
		return
	}
	r.annotations.editor.input.paste(text)
	r.relayoutNotes()
}

// saveNote keeps the note written for the editor's paragraph: a note
// highlights the paragraph, an empty one removes the note and keeps the
// highlight.
func (r *readerModel) saveNote(text string) {
	nb, k := r.c.notes, r.annotations.editor.at
	m := nb.at(k.sec, k.index)
	switch {
	case m == nil && text == "":
		r.status = "No note written."
	case m == nil:
		nb.add(r.article, k.sec, k.index, text)
		r.status = "Note saved; the paragraph is highlighted." + nb.sessionHint()
	case text == "" && m.h.Note == "":
		r.status = "No note written."
	case text == "":
		nb.setNote(m, "")
		r.status = "Note removed; the highlight stays."
	case text != m.h.Note:
		nb.setNote(m, text)
		r.status = "Note saved."
	}
}
