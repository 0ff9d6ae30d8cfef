package ui

import (
	tea "charm.land/bubbletea/v2"

	"analyst/internal/content"
	"analyst/internal/render"
)

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
	r.annotations.base, r.doc = d, r.withNotes(d)
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
