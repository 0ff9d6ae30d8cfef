package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"analyst/internal/render"
)

// highlightsHead is how many lines the screen's header takes.
const highlightsHead = 2

// highlightsBlock is a part of the screen's body: the heading of an
// issue (after a blank line, but for the first) or of an article, a
// highlight, or the message that there is none.
type highlightsBlock struct {
	kind   highlightsBlockKind
	m      *mark
	entry  int // the highlight's index in entries
	height int
}

type highlightsBlockKind int

const (
	issueHeading highlightsBlockKind = iota
	articleHeading
	highlightEntry
	noHighlights
)

// blocks lays the entries out: each issue's heading, each article's, and
// its highlights.
func (h *highlightsModel) blocks(entries []*mark) []highlightsBlock {
	var out []highlightsBlock
	lastIssue, lastArticle := "", ""
	for i, m := range entries {
		if ik := issueKey(m); ik != lastIssue {
			lastIssue, lastArticle = ik, ""
			out = append(out, highlightsBlock{kind: issueHeading, m: m, height: 1 + min(i, 1)})
		}
		if m.h.Article != lastArticle {
			lastArticle = m.h.Article
			out = append(out, highlightsBlock{kind: articleHeading, m: m, height: 1})
		}
		height := 2
		if m.h.Note != "" {
			height++
		}
		out = append(out, highlightsBlock{kind: highlightEntry, m: m, entry: i, height: height})
	}
	if len(entries) == 0 {
		out = append(out, highlightsBlock{kind: noHighlights, height: 1})
	}
	return out
}

// drawBlock draws a block's lines in w cells.
func (h *highlightsModel) drawBlock(b highlightsBlock, w int) []string {
	st, g := h.c.styles, h.c.styles.G
	switch b.kind {
	case issueHeading:
		name := issueKey(b.m)
		if b.m.article != nil {
			name = b.m.article.Issue.Title()
		}
		line := " " + st.SidebarHeading.Render(ansi.Truncate(strings.ToUpper(name), w-2, g.Ellipsis))
		if b.height > 1 {
			return []string{"", line}
		}
		return []string{line}
	case articleHeading:
		return []string{" " + st.Title.Render(h.articleHeading(b.m, w-2))}
	case highlightEntry:
		return h.entry(b.m, b.entry == h.cursor, w)
	}
	msg := "No highlights yet: in an article, v points at a paragraph and m highlights it."
	if h.filter.value != "" {
		msg = fmt.Sprintf("No highlight matches %q.", h.filter.value)
	}
	return []string{" " + st.Meta.Render(render.CutWords(msg, w-2, g.Ellipsis))}
}

// layout scrolls the highlights so that the one under the cursor is in
// sight at height h, and draws the rows in sight at width w, after every
// message: view draws what it left. Only those rows are drawn: there
// may be thousands.
func (h *highlightsModel) layout(w, height int) {
	cw := min(w, maxTextWidth)
	blocks := h.blocks(h.entries())
	at, atEnd, total := -1, -1, 0 // the lines of the entry under the cursor, and of all
	for _, b := range blocks {
		if b.kind == highlightEntry && b.entry == h.cursor {
			at, atEnd = total, total+b.height
		}
		total += b.height
	}
	room := highlightsRoom(height)
	h.keepLinesInSight(at, atEnd, total, room)
	h.drawRows(blocks, cw, room)
}

// drawRows draws in h.rows the lines of the blocks that are in sight,
// from h.top on room lines, each w cells wide.
func (h *highlightsModel) drawRows(blocks []highlightsBlock, w, room int) {
	h.rows = h.rows[:0]
	line := 0
	for _, b := range blocks {
		if line+b.height > h.top && line < h.top+room {
			for i, l := range h.drawBlock(b, w) {
				if n := line + i; n >= h.top && n < h.top+room {
					h.rows = append(h.rows, l)
				}
			}
		}
		line += b.height
	}
}

// highlightsRoom is how many lines of highlights the screen has at
// height h: all but the header and the status line.
func highlightsRoom(h int) int { return max(h-highlightsHead-1, 1) }

// view draws the screen in w×h cells.
func (h *highlightsModel) view(w, height int) string {
	st := h.c.styles
	cw := min(w, maxTextWidth)
	margin := strings.Repeat(" ", (w-cw)/2)
	g := st.G
	title := fmt.Sprintf("Your highlights%s%d", g.Sep, len(h.c.notes.marks))
	if shown := len(h.shown.marks); shown != len(h.c.notes.marks) {
		title = fmt.Sprintf("Your highlights%s%d of %d", g.Sep, shown, len(h.c.notes.marks))
	}
	if h.c.notes.sessionOnly {
		title += g.Sep + "kept for this session only"
	}
	lines := []string{" " + st.Header.Render(render.CutWords(title, cw-2, g.Ellipsis)), st.SidebarBorder.Render(strings.Repeat(g.HRule, cw))}
	lines = append(lines, h.rows[:min(len(h.rows), highlightsRoom(height))]...)
	for len(lines) < height-1 {
		lines = append(lines, "")
	}
	for i, l := range lines {
		lines[i] = margin + l
	}
	return strings.Join(lines, "\n") + "\n" + h.statusLine(w)
}

// entry draws one highlight: its first words, then its section and
// date, then its note.
func (h *highlightsModel) entry(m *mark, selected bool, w int) []string {
	st := h.c.styles
	marker, quote := "  ", st.Teaser
	if selected {
		marker, quote = st.Marker.Render(st.G.Selected)+" ", st.TitleSelected
	}
	textW, g := max(w-6, 4), st.G
	where := h.sectionName(m)
	if !m.attached() {
		where = "detached: no longer in the text"
	}
	where += g.Sep + m.h.Created.Local().Format("2 Jan 2006")
	lines := []string{
		marker + "  " + quote.Render(g.OpenQuote+render.CutWords(printable(m.h.Quote), textW-2, g.Ellipsis)+g.CloseQuote),
		marker + "  " + st.Meta.Render(render.CutWords(where, textW, g.Ellipsis)),
	}
	if m.h.Note != "" {
		lines = append(lines, marker+"  "+h.c.marks().Note.Render(render.CutWords(g.NoteSign+printable(m.h.Note), textW, g.Ellipsis)))
	}
	return lines
}

// statusLine is the bottom line: the filter, a question, a message, or
// the short help.
func (h *highlightsModel) statusLine(w int) string {
	st := h.c.styles
	switch {
	case h.filtering:
		return promptLine(st, h.filter.value, "enter done"+st.G.Sep+"esc clear", w)
	case h.confirm != nil:
		question := "Delete this highlight?"
		if h.confirm.h.Note != "" {
			question = "Delete this highlight and its note?"
		}
		return spreadKeepLeft(st, " "+st.Error.Render(question)+st.Meta.Render(" y yes"+st.G.Sep+"any other key no"), "", w)
	case h.status != "":
		return spread(st, " "+st.Status.Render(h.status), "", w)
	case h.filter.value != "":
		return spreadKeepLeft(st, " "+st.Status.Render("filter: "+h.filter.value), st.Meta.Render("esc clear")+" ", w)
	}
	return spread(st, " "+shortHelp(h.c, w-2), "", w)
}

// articleHeading is an article's heading in width cells: its number,
// title and author, or where they do not fit, the number and the title,
// cut between words inside its brackets, which stay whole: they say it is
// a headline written for this edition.
func (h *highlightsModel) articleHeading(m *mark, width int) string {
	full, g := h.articleTitle(m), h.c.glyphs
	if m.article == nil || ansi.StringWidth(full) <= width {
		return render.CutWords(full, width, g.Ellipsis)
	}
	a := m.article
	head := fmt.Sprintf("%d%s", a.Number, g.Sep)
	open, closing := "", ""
	if a.Editorial() {
		open, closing = "[", "]"
	}
	room := width - ansi.StringWidth(head+open+closing)
	return head + open + render.CutWords(a.Title, max(room, 1), g.Ellipsis) + closing
}
