package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"analyst/internal/content"
	"analyst/internal/render"
)

// highlightsModel is the screen of every highlight in the library (H):
// grouped by issue and article, newest first, each with its first words,
// its section and its note. / filters, enter opens the article at the
// paragraph, d deletes after asking, y copies.
type highlightsModel struct {
	c         *common
	cursor    int      // index in entries()
	top       int      // first row shown
	rows      []string // the rows in sight, as layout drew them, for view
	shown     shownEntries
	filter    textInput
	filtering bool
	confirm   *mark  // d asked about this one: y deletes it
	status    string // a one-time message
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

// shownEntries are the entries for one version of the highlights and
// one filter: folding and sorting 2,000 highlights takes milliseconds,
// and every key asks for them more than once.
type shownEntries struct {
	version int
	filter  string
	marks   []*mark
	ok      bool
}

// entries are the highlights shown, in order: issues by their newest
// highlight, then articles the same way, then highlights newest first.
// Highlights of articles the library no longer has come last.
func (h *highlightsModel) entries() []*mark {
	c := &h.shown
	if !c.ok || c.version != h.c.notes.version || c.filter != h.filter.value {
		*c = shownEntries{version: h.c.notes.version, filter: h.filter.value, marks: h.sorted(), ok: true}
	}
	return c.marks
}

// sorted are the highlights that match the filter, in the screen's order.
func (h *highlightsModel) sorted() []*mark {
	q := content.NewQuery(h.filter.value)
	var out []*mark
	newest := map[string]int64{} // by article key, and by issue
	for _, m := range h.c.notes.marks {
		if !q.Empty() && !q.In(m.h.Quote+" "+m.h.Note+" "+h.articleTitle(m)+" "+h.sectionName(m)) {
			continue
		}
		out = append(out, m)
		t := m.h.Created.UnixNano()
		newest[m.h.Article] = max(newest[m.h.Article], t)
		newest[issueKey(m)] = max(newest[issueKey(m)], t)
	}
	slices.SortStableFunc(out, func(a, b *mark) int {
		if (a.article == nil) != (b.article == nil) {
			if a.article == nil {
				return 1
			}
			return -1
		}
		return cmp.Or(
			cmp.Compare(newest[issueKey(b)], newest[issueKey(a)]),
			strings.Compare(issueKey(a), issueKey(b)),
			cmp.Compare(newest[b.h.Article], newest[a.h.Article]),
			strings.Compare(a.h.Article, b.h.Article),
			b.h.Created.Compare(a.h.Created),
		)
	})
	return out
}

// issueKey groups a highlight by issue: "2026-01/cutler" is in "2026-01".
func issueKey(m *mark) string {
	if m.article != nil {
		return m.article.Issue.Slug
	}
	k, _, _ := strings.Cut(m.h.Article, "/")
	return k
}

func (h *highlightsModel) articleTitle(m *mark) string {
	if m.article == nil {
		return m.h.Article
	}
	sep := h.c.glyphs.Sep
	return fmt.Sprintf("%d%s%s%s%s", m.article.Number, sep, m.article.MarkedTitle(), sep, m.article.Author)
}

func (h *highlightsModel) sectionName(m *mark) string {
	if m.section != nil {
		return m.section.Name
	}
	return m.h.Section
}

// selected is the highlight under the cursor, or nil.
func (h *highlightsModel) selected() *mark {
	e := h.entries()
	if h.cursor < 0 || h.cursor >= len(e) {
		return nil
	}
	return e[h.cursor]
}

// updateHighlights handles a key on the highlights screen.
func (m *Model) updateHighlights(msg tea.KeyPressMsg) tea.Cmd {
	h, k := &m.highlights, m.c.keys
	h.status = ""
	if h.filtering {
		switch msg.String() {
		case "enter":
			h.filtering = false
		case "esc":
			h.filtering = false
			h.filter.reset()
		case "up", "down":
			h.move(map[string]int{"up": -1, "down": 1}[msg.String()])
		default:
			h.filter.update(msg)
			h.cursor = 0
		}
		return nil
	}
	if h.confirm != nil {
		target := h.confirm
		h.confirm = nil
		if s := msg.String(); s == "y" || s == "enter" {
			m.c.notes.remove(target)
			h.status = "Highlight deleted."
			h.move(0)
		} else {
			h.status = "Not deleted."
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Back):
		if h.filter.value != "" {
			h.filter.reset()
			return nil
		}
		m.screen = m.from
		if m.screen == readerScreen {
			m.reader.relayoutNotes() // a highlight of the article may be gone
		}
	case key.Matches(msg, k.Down):
		h.move(1)
	case key.Matches(msg, k.Up):
		h.move(-1)
	case key.Matches(msg, k.Top):
		h.cursor = 0
	case key.Matches(msg, k.Bottom):
		h.cursor = len(h.entries()) - 1
		h.move(0)
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

func (h *highlightsModel) move(d int) {
	h.cursor = max(0, min(h.cursor+d, len(h.entries())-1))
}

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
		return []string{" " + st.Title.Render(render.CutWords(h.articleTitle(b.m), w-2, g.Ellipsis))}
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
	room := max(height-highlightsHead-1, 1)
	if at >= 0 {
		if at < h.top+1 {
			h.top = max(0, at-2) // the article's name above the first entry
		}
		if atEnd > h.top+room {
			h.top = atEnd - room
		}
	}
	h.top = max(0, min(h.top, total-room))
	h.rows = h.rows[:0]
	line := 0
	for _, b := range blocks {
		if line+b.height > h.top && line < h.top+room {
			for i, l := range h.drawBlock(b, cw) {
				if n := line + i; n >= h.top && n < h.top+room {
					h.rows = append(h.rows, l)
				}
			}
		}
		line += b.height
	}
}

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
	room := max(height-highlightsHead-1, 1)
	lines = append(lines, h.rows[:min(len(h.rows), room)]...)
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
