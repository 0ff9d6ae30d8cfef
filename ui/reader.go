package ui

import (
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
	// placeBook is embedded: places.go reads its places by name.
	placeBook
	side        sidebarState
	annotations annotations
	typedAhead  typedAhead // keys pressed before the text arrived, replayed then

	jumpTo       *content.Section // section to show once the document arrives
	target       *matchTarget     // search match to show once the document arrives
	search       searchModel
	bio          bioView // the bio shown whole, in the text's place
	matchInSight bool    // the current match was on screen before a resize
	read         float64 // readSoFar, for the view
	status       string  // a one-time message for the status line
	back         bool    // the reader asked for the issue list
}

func newReaderModel(c *common) readerModel {
	return readerModel{c: c, placeBook: newPlaceBook()}
}

// open shows an article, at a section if one is given, or where the reader
// left it. A cached rendering shows at once; otherwise it is rendered in
// the background and the previous text stays until it arrives.
func (r *readerModel) open(a *content.Article, sec *content.Section) tea.Cmd {
	r.savePlace()
	if a != r.article {
		r.search.clear()
		r.side.picking = false
		r.annotations.editor = noteEditor{}
		r.bio = bioView{}
	}
	r.article, r.jumpTo = a, sec
	r.c.opened(a)
	r.doc = nil
	r.typedAhead.drop()
	return r.load()
}

// takeTypedAhead returns the keys pressed while the text rendered, once
// it is on screen, for the root to press again (replayTypedAhead).
func (r *readerModel) takeTypedAhead() []tea.KeyPressMsg {
	if r.doc == nil {
		return nil
	}
	return r.typedAhead.take()
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
	r.side.beforeLayout(r.c.width)
	r.lay = computeLayout(r.c.width, r.c.height, r.side.hidden, r.c.measure)
	settle := r.c.renders.show(renderKey{r.lay.textWidth, r.c.style})
	r.side.afterLayout(r.lay.sidebarSide)
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
		r.side.bioFirst = true
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
