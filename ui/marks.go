package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"analyst/internal/content"
	"analyst/internal/render"
)

// The signs the marks draw in the text's left margin.
const (
	highlightBar = "┃"
)

// paraKey names a paragraph of an article.
type paraKey struct {
	sec   *content.Section
	index int
}

// articleMarks returns the highlights of the article on screen, by
// paragraph.
func (r *readerModel) articleMarks() map[paraKey]*mark {
	out := map[paraKey]*mark{}
	for _, m := range r.c.notes.marks {
		if m.article == r.article && m.attached() {
			out[paraKey{m.section, m.h.Paragraph}] = m
		}
	}
	return out
}

// withNotes returns the document the pane shows: base, with each note,
// and the note being written, on lines of their own under their
// paragraph (render.Doc.WithBlocks). Without notes it is base itself:
// the cached rendering is never changed, and Glamour never runs again
// for a note.
func (r *readerModel) withNotes(base *render.Doc) *render.Doc {
	marks := r.articleMarks()
	inserts := map[int]render.Block{} // by index in base.Paragraphs
	for i, p := range base.Paragraphs {
		k := paraKey{base.Sections[p.Section].Section, p.Index}
		switch {
		case r.annotations.editor.open && r.annotations.editor.at == k:
			inserts[i] = r.editorBlock(base.Width)
		case marks[k] != nil && marks[k].h.Note != "":
			inserts[i] = noteLines(marks[k].h.Note, base.Width, r.c.marks().Note, r.c.glyphs.NoteSign, "")
		}
	}
	r.annotations.noteRows = map[int]int{}
	for i, b := range inserts {
		r.annotations.noteRows[i] = len(b.Lines)
	}
	return base.WithBlocks(inserts)
}

// noteLines draws a note under its paragraph: the sign, then the text
// wrapped within the text column (a word too long for it is cut), any
// control character shown as a sign instead of reaching the terminal.
// A cursor ("█"), when given, follows the text, for the editor.
func noteLines(note string, width int, style lipgloss.Style, sign, cursor string) render.Block {
	const indent = 2
	text := printable(note) + cursor
	room := max(width-indent-ansi.StringWidth(sign)-2, 8)
	var b render.Block
	for i, l := range strings.Split(ansi.Wrap(text, room, ""), "\n") {
		lead := strings.Repeat(" ", indent)
		if i == 0 {
			lead += sign
		} else {
			lead += strings.Repeat(" ", ansi.StringWidth(sign))
		}
		plain := lead + l
		b.Lines = append(b.Lines, lead+style.Render(l))
		b.Plain = append(b.Plain, plain)
		b.Widths = append(b.Widths, ansi.StringWidth(plain))
	}
	return b
}

// printable is a note as it may be drawn: a line break or tab becomes a
// space, and any other control character its caret form ("^[" for ESC),
// so that no escape code a note holds reaches the terminal.
func printable(s string) string {
	if i, _ := content.FirstControl(s); i < 0 && !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r < 0x20:
			b.WriteString("^" + string(rune(r+'@')))
		case r == 0x7f:
			b.WriteString("^?")
		case content.IsControl(r):
			b.WriteString("�")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// markedLines returns the lines of the document on screen with each
// highlighted paragraph drawn in the tint, its bar beside it. The result
// is kept until the document, the highlights or the styles change, so
// that a frame costs nothing more for highlights.
func (r *readerModel) markedLines() []string {
	ms := r.c.marks()
	key := tintKey{r.doc, r.c.notes.version, ms.dark, ms.profile, r.c.style}
	if r.annotations.tinted.key == key && r.annotations.tinted.lines != nil {
		return r.annotations.tinted.lines
	}
	lines := r.doc.Lines
	marks := r.articleMarks()
	if len(marks) > 0 {
		lines = append([]string(nil), r.doc.Lines...)
		bar := ms.Bar.Render(highlightBar)
		if r.c.style == render.ASCII {
			bar = ms.Bar.Render("|")
		}
		for _, p := range r.doc.Paragraphs {
			if marks[paraKey{r.doc.Sections[p.Section].Section, p.Index}] == nil {
				continue
			}
			for i := p.First; i < p.End; i++ {
				lines[i] = tintLine(r.doc.Plain[i], r.doc.Widths[i], bar, ms)
			}
		}
	}
	r.annotations.tinted.key, r.annotations.tinted.lines = key, lines
	return lines
}

// tintKey is what the tinted lines were drawn from.
type tintKey struct {
	doc     *render.Doc
	version int
	dark    bool
	profile colorprofile.Profile
	style   string
}

// tinted is the last markedLines result.
type tinted struct {
	key   tintKey
	lines []string
}

// tintLine draws one line of a highlighted paragraph: its margin with the
// bar next to the text, the text in the tint, and the rest of its width
// blank, so that it keeps the width the pane knows it by.
func tintLine(plain string, width int, bar string, ms markStyles) string {
	text := strings.TrimLeft(plain, " ")
	lead := len(plain) - len(text)
	text = strings.TrimRight(text, " ")
	if text == "" || lead < 2 {
		return ms.Tint.Render(strings.TrimRight(plain, " ")) + strings.Repeat(" ", max(0, width-ansi.StringWidth(strings.TrimRight(plain, " "))))
	}
	out := strings.Repeat(" ", lead-1) + bar + ms.Tint.Render(text)
	return out + strings.Repeat(" ", max(0, width-lead-ansi.StringWidth(text)))
}

// drawCursor puts the cursor's bar in the first column of each line of
// its paragraph that is on screen (body is the pane's view).
func (r *readerModel) drawCursor(body []string) {
	p, ok := r.cursorParagraph()
	if !ok {
		return
	}
	cell := r.c.marks().Cursor.Render(" ")
	for i := max(p.First, r.pane.offset); i < p.End && i < r.pane.offset+len(body); i++ {
		row := i - r.pane.offset
		body[row] = cell + ansi.Cut(body[row], 1, r.lay.textWidth)
	}
}
