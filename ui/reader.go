package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"analyst/internal/content"
	"analyst/internal/render"
)

// readerModel is the article screen: the text in a scrolling pane and the
// sidebar with the author's bio, the sections and the reader's progress.
type readerModel struct {
	c       *common
	article *content.Article
	doc     *render.Doc // on screen; it may be for an older width until the new one arrives
	pane    pane
	lay     layout
	places  map[*content.Article]place // where the reader left each article
	saved   map[string]Place           // places from an earlier run, by PlaceKey, until their article opens

	jumpTo        *content.Section // section to show once the document arrives
	target        *matchTarget     // search match to show once the document arrives
	sidebarHidden bool             // the reader hid the sidebar on a wide terminal
	overlay       bool             // the sidebar is shown over the text on a narrow one
	picking       bool             // the sidebar's section list has the keyboard
	pickUnhid     bool             // the picker showed a sidebar the reader had hidden
	pick          int              // the section under the picker
	search        searchModel
	abbrs         screenAbbreviations // the abbreviations on screen, for the sidebar
	bioFirst      bool                // the reader was sent to the bio: the sidebar shows it before the abbreviations
	bio           bioView             // the bio shown whole, in the text's place
	matchInSight  bool                // the current match was on screen before a resize
	relayout      *place              // where the reader was when the size changed, until the text is laid out again
	anchor        anchor              // the place the pane was last put at
	read          float64             // readSoFar, for the view
	status        string              // a one-time message for the status line
	typedAhead    []tea.KeyPressMsg   // keys pressed before the text arrived, replayed then
	back          bool                // the reader asked for the issue list

	base       *render.Doc                // the cached rendering doc is drawn from, without notes
	cursor     paraCursor                 // the paragraph cursor
	editor     noteEditor                 // the note being written
	noteRows   map[int]int                // lines laid under each paragraph (by index in doc.Paragraphs)
	tinted     tinted                     // the lines with highlights drawn, for one doc
	written    map[*content.Article]place // the places last written to the keeper
	placeTimer bool                       // a place waits to be written
	opened     *content.Article           // the article whose place was written on opening
}

// maxTypedAhead bounds the keys kept while an article renders.
const maxTypedAhead = 64

func newReaderModel(c *common) readerModel {
	return readerModel{c: c, places: map[*content.Article]place{}, written: map[*content.Article]place{}}
}

// place is a reading position that survives re-wrapping at another width:
// a section, and how far into it as a share of its words (the word on
// the top line's start); or the end of the text, where G leaves the
// reader.
type place struct {
	section string // its slug
	frac    float64
	end     bool // the last line of text on the pane's last line
	// words is how many words of the section's text come before the top
	// line, and back how many lines without a word of it (a heading, a
	// blank line) are on top before the next word, when known (byWords):
	// in one run, a new wrap puts the same line on top, where a share of
	// the section's words could land a line off.
	words, back int
	byWords     bool
}

// anchor is a place the pane was put at, for as long as the pane stays
// on the line it went to: the place is the reader's, and the line at a
// new width only shows it. Without it, each new wrap would read a place
// from the line, a word or two before the one kept, and the place would
// creep back with every resize.
type anchor struct {
	doc    *render.Doc
	offset int
	at     place
}

// here is the place at the top of the pane.
func (r *readerModel) here() place {
	if a := r.anchor; a.doc == r.doc && a.offset == r.pane.offset {
		return a.at
	}
	i := r.doc.SectionAt(r.pane.offset)
	start, end := r.sectionSpan(i)
	words := r.doc.WordsBefore(r.pane.offset) - r.doc.WordsBefore(start)
	frac := float64(words) / float64(max(r.doc.WordsBefore(end)-r.doc.WordsBefore(start), 1))
	atEnd := r.pane.offset > 0 && r.pane.offset == r.pane.textEnd()
	back := 0
	for l := r.pane.offset; l < end && r.doc.WordsBefore(l+1) == r.doc.WordsBefore(l); l++ {
		back++
	}
	return place{section: r.doc.Sections[i].Section.Slug, frac: frac, end: atEnd, words: words, back: back, byWords: true}
}

// goTo puts the pane at a place, which stays the reader's place while
// the pane does not move (anchor).
func (r *readerModel) goTo(p place) {
	r.pane.setOffset(r.lineOf(p))
	r.anchor = anchor{doc: r.doc, offset: r.pane.offset, at: p}
}

// lineOf is the line of a place in the document on screen; a section the
// article no longer has means the top.
func (r *readerModel) lineOf(p place) int {
	if p.end {
		return r.pane.textEnd()
	}
	for i, s := range r.doc.Sections {
		if s.Section.Slug == p.section {
			start, end := r.sectionSpan(i)
			words, back := p.words, p.back
			if !p.byWords {
				words = int(min(max(p.frac, 0), 1)*float64(r.doc.WordsBefore(end)-r.doc.WordsBefore(start)) + 0.5)
				if words == 0 {
					return start // the section's heading on top
				}
			}
			return max(start, r.doc.LineOfWord(start, end, r.doc.WordsBefore(start)+words)-back)
		}
	}
	return 0
}

// readSoFar is how far through the article the reader is: the share of
// its words before their place (content.Article.ReadTo), whatever the
// terminal's size; all of it once the end of the text is on screen.
// The list says the same of the place where they left it.
func (r *readerModel) readSoFar() float64 {
	if r.doc == nil {
		return 0
	}
	if r.pane.atEnd() {
		return 1
	}
	p := r.here()
	return r.article.ReadTo(p.section, p.frac)
}

// sectionSpan is the first line of section i and the first line after it.
func (r *readerModel) sectionSpan(i int) (int, int) {
	secs := r.doc.Sections
	end := len(r.doc.Lines)
	if i+1 < len(secs) {
		end = secs[i+1].Line
	}
	return secs[i].Line, end
}

// docMsg carries a rendering made by renderCmd.
type docMsg struct {
	doc *render.Doc
	err error
}

// renderCmd renders an article in the background, through the cache,
// unless the screen has left the width or style by the time it starts.
func renderCmd(c *common, a *content.Article, width int, style string) tea.Cmd {
	return func() tea.Msg {
		if !c.renders.wanted(renderKey{width, style}) {
			return nil
		}
		d, err := c.cache.Get(a, width, style)
		return docMsg{doc: d, err: err}
	}
}

// open shows an article, at a section if one is given, or where the reader
// left it. A cached rendering shows at once; otherwise it is rendered in
// the background and the previous text stays until it arrives.
func (r *readerModel) open(a *content.Article, sec *content.Section) tea.Cmd {
	r.savePlace()
	if a != r.article {
		r.search.clear()
		r.picking = false
		r.editor = noteEditor{}
		r.bio = bioView{}
	}
	r.article, r.jumpTo = a, sec
	r.c.opened(a)
	r.doc = nil
	r.typedAhead = r.typedAhead[:0]
	return r.load()
}

// remember keeps the reader's place in the article on screen.
func (r *readerModel) remember() {
	if r.article != nil && r.doc != nil {
		r.places[r.article] = r.here()
	}
}

// load shows the current article at the current width and style if it is
// cached, and otherwise asks for it, alone: the other articles are
// rendered once it is on screen (prefetch.go). Over budget, it asks again
// when the budget allows, and the text stays at its last width meanwhile.
func (r *readerModel) load() tea.Cmd {
	if r.article == nil || r.c.width == 0 {
		return nil
	}
	w, style := r.lay.textWidth, r.c.style
	if d, ok := r.c.cache.Peek(r.article, w, style); ok {
		r.setDoc(d)
		return nil
	}
	if k := (renderKey{w, style}); !r.c.renders.wasAsked(r.article, k) && !r.c.renders.take(r.article, k) {
		return r.c.renders.retry()
	}
	return renderCmd(r.c, r.article, w, style)
}

// stale says whether the text on screen, if any, is not the rendering for
// the current width and style.
func (r *readerModel) stale() bool {
	return r.doc == nil || r.doc.Width != r.lay.textWidth || r.doc.Style != r.c.style
}

// sibling returns the article d places away in the same issue, or nil.
func (r *readerModel) sibling(d int) *content.Article {
	arts := r.article.Issue.Articles()
	for i, a := range arts {
		if a == r.article && i+d >= 0 && i+d < len(arts) {
			return arts[i+d]
		}
	}
	return nil
}

// receive takes a finished rendering; only the one the screen waits for
// is shown, the others stay in the cache.
func (r *readerModel) receive(msg docMsg) {
	if msg.err != nil {
		r.status = "could not render: " + msg.err.Error()
		return
	}
	d := msg.doc
	if d.Article == r.article && d.Width == r.lay.textWidth && d.Style == r.c.style {
		r.setDoc(d)
	}
}

// setDoc puts a rendering on screen, keeping the reader's place.
func (r *readerModel) setDoc(d *render.Doc) {
	at, hadPlace := r.placeOf(d.Article)
	if r.doc != nil && r.doc.Article == d.Article {
		at, hadPlace = r.here(), true
		if r.relayout != nil {
			at = *r.relayout
		}
	}
	r.relayout = nil
	r.base, r.doc = d, r.withNotes(d)
	r.refresh()
	switch {
	case r.target != nil:
		r.showTarget()
	case r.jumpTo != nil:
		r.jumpToSection(r.jumpTo)
		r.jumpTo = nil
	case hadPlace:
		r.goTo(at)
	default:
		r.pane.setOffset(0)
	}
	r.keepMatchInSight()
	r.findCursor()
	if r.opened != d.Article && r.c.notes.loaded {
		r.opened = d.Article
		r.writePlace() // which makes it the article read last
	}
}

// takeTypedAhead returns the keys pressed while the text rendered, once
// it is on screen, for the root to press again (replayTypedAhead).
func (r *readerModel) takeTypedAhead() []tea.KeyPressMsg {
	if r.doc == nil || len(r.typedAhead) == 0 {
		return nil
	}
	keys := r.typedAhead
	r.typedAhead = nil
	return keys
}

// refresh lays the document into the pane, with search highlights and
// room at the end for the last heading to reach the top line.
func (r *readerModel) refresh() {
	if r.doc == nil {
		return
	}
	r.pane.height = r.lay.paneHeight
	lines := r.markedLines()
	if r.search.active() {
		r.search.find(r.doc.Plain)
		lines = r.search.decorate(lines, r.c.styles)
	}
	r.setPaneLines(lines)
}

// resize lays the reader out for the terminal's size.
func (r *readerModel) resize() tea.Cmd {
	if r.doc != nil && r.relayout == nil {
		p := r.here() // before the height changes, which moves the end
		r.relayout = &p
	}
	r.matchInSight = r.matchInSight || r.currentMatchShown()
	if r.picking && r.sidebarHidden && r.c.width >= sidebarFoldsAt {
		r.sidebarHidden, r.pickUnhid = false, true // the picker needs the sidebar
	}
	r.lay = computeLayout(r.c.width, r.c.height, r.sidebarHidden, r.c.measure)
	settle := r.c.renders.show(renderKey{r.lay.textWidth, r.c.style})
	switch {
	case r.lay.sidebarSide:
		r.overlay = false
	case r.picking:
		r.overlay = true // the picker stays in sight on a narrower terminal
	}
	r.pane.height = r.lay.paneHeight
	if r.stale() {
		return tea.Batch(settle, r.load())
	}
	r.refresh()
	if r.relayout != nil {
		r.goTo(*r.relayout)
		r.relayout = nil
	}
	r.keepMatchInSight()
	r.findCursor()
	return settle
}

// keepMatchInSight brings the current match back on screen after a new
// layout, if it was on screen before.
func (r *readerModel) keepMatchInSight() {
	if r.matchInSight && !r.currentMatchShown() {
		r.showMatch()
	}
	r.matchInSight = false
}

// currentSection is the index in doc.Sections of the section at the top,
// or, once the reader has scrolled to where the end of the text is on
// screen, of the last section in sight: the reader is reading it, though
// its heading may never reach the top. An article that fits the screen
// whole is read from its top.
func (r *readerModel) currentSection() int {
	if r.doc == nil {
		return 0
	}
	if i, ok := r.cursorSection(); ok {
		return i // the sidebar follows the cursor
	}
	if r.pane.atEnd() && r.pane.offset > 0 {
		return r.doc.SectionAt(r.pane.real - 1)
	}
	return r.doc.SectionAt(r.pane.offset)
}

// jumpToSection puts a section's heading on the pane's top line.
func (r *readerModel) jumpToSection(sec *content.Section) {
	for _, s := range r.doc.Sections {
		if s.Section == sec {
			r.pane.setOffset(s.Line)
			return
		}
	}
	if sec.Kind == content.KindBio {
		r.bio = bioView{open: true}
		r.bioFirst = true
	}
}

// stepSection moves to the next (d=1) or previous (d=-1) section.
func (r *readerModel) stepSection(d int) {
	if r.doc == nil {
		return
	}
	secs := r.doc.Sections
	cur := r.doc.SectionAt(r.pane.offset) // steps go from the top line, even at the end
	switch {
	case d < 0 && r.pane.offset > secs[cur].Line:
		// Inside a section, [ goes back to its own heading first.
	case cur+d < 0:
		r.status = "This is the start of the article."
		return
	case cur+d >= len(secs):
		r.status = "This is the last section."
		return
	default:
		cur += d
	}
	r.pane.setOffset(secs[cur].Line)
}

// showSidebar makes the sidebar visible at any width. A sidebar the
// reader hid comes back only while the picker needs it.
func (r *readerModel) showSidebar() {
	switch {
	case r.lay.folded:
		r.overlay = true
	case r.sidebarHidden:
		r.sidebarHidden, r.pickUnhid = false, r.picking
	}
}

// closePicker gives the keyboard back to the text, and puts away the
// sidebar the picker showed.
func (r *readerModel) closePicker() tea.Cmd {
	r.picking = false
	if r.lay.folded {
		r.overlay = false
	}
	if r.pickUnhid {
		r.sidebarHidden, r.pickUnhid = true, false
		return r.resize()
	}
	return nil
}

// toggleSidebar hides or shows the sidebar; on a narrow terminal it is an
// overlay over the text.
func (r *readerModel) toggleSidebar() tea.Cmd {
	if r.lay.folded {
		r.overlay = !r.overlay
		r.picking = r.picking && r.overlay
		return nil
	}
	r.sidebarHidden = !r.sidebarHidden
	r.picking = r.picking && !r.sidebarHidden
	return r.resize()
}

// escAction is what esc does now, for help: the same order as update's.
func (r *readerModel) escAction() string {
	switch {
	case r.picking:
		return "close the picker"
	case r.bio.open:
		return "close the bio"
	case r.search.active():
		return "clear the search"
	case r.overlay:
		return "close the sidebar"
	case r.cursor.shown:
		return "hide the cursor"
	}
	return "back"
}

// update handles a key in the reader.
func (r *readerModel) update(msg tea.KeyPressMsg) tea.Cmd {
	k := r.c.keys
	r.status, r.bioFirst = "", false
	r.relayout = nil // the reader moves on: the place to keep is where they go
	if r.search.typing {
		return r.updateSearchInput(msg)
	}
	if r.picking {
		return r.updatePicker(msg)
	}
	if r.bio.open {
		return r.updateBio(msg)
	}
	if r.doc == nil && !key.Matches(msg, k.Back, k.NextArticle, k.PrevArticle, k.Sidebar) {
		// The text is still rendering: keep the key for when it arrives.
		if len(r.typedAhead) < maxTypedAhead {
			r.typedAhead = append(r.typedAhead, msg)
		}
		return nil
	}
	if cmd, ok := r.annotationKey(msg); ok {
		return cmd
	}
	h := r.pane.height
	switch {
	case key.Matches(msg, k.Back):
		switch {
		case r.search.active():
			r.search.clear()
			r.refresh()
		case r.overlay:
			r.overlay = false
		default:
			r.savePlace()
			r.back = true
		}
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
	case key.Matches(msg, k.NextSection):
		r.stepSection(1)
	case key.Matches(msg, k.PrevSection):
		r.stepSection(-1)
	case key.Matches(msg, k.PickSection):
		if r.doc != nil {
			r.picking, r.pick = true, r.currentSection()
			r.showSidebar()
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
		r.overlay = false // it would hide the bio, which takes the text's place
	case key.Matches(msg, k.Narrower):
		return r.changeMeasure(-measureStep)
	case key.Matches(msg, k.Wider):
		return r.changeMeasure(measureStep)
	default:
		if n, ok := numberKey(msg, k.Number); ok {
			if n > len(r.doc.Sections) {
				r.status = fmt.Sprintf("This article has %d sections.", len(r.doc.Sections))
			} else {
				r.pane.setOffset(r.doc.Sections[n-1].Line)
			}
		}
	}
	return nil
}

// stepArticle opens the next (d=1) or previous (d=-1) article at its top.
func (r *readerModel) stepArticle(d int) tea.Cmd {
	next := r.sibling(d)
	if next == nil {
		if d > 0 {
			r.status = "This is the last article of the issue."
		} else {
			r.status = "This is the first article of the issue."
		}
		return nil
	}
	return r.open(next, nil) // where the reader left it, or at its top
}

// scrollBy scrolls the pane, for the mouse wheel.
func (r *readerModel) scrollBy(n int) { r.pane.scroll(n) }
