package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"analyst/internal/content"
	"analyst/internal/render"
)

// placeBook is where the reader is and was: the place in each article
// read in this run and in earlier ones, what of it was written to the
// keeper, and the place the pane stands at on screen.
type placeBook struct {
	places     map[*content.Article]place // where the reader left each article
	saved      map[string]Place           // places from an earlier run, by article key (content.Article.Key), until their article opens
	written    map[*content.Article]place // the places last written to the keeper
	placeTimer bool                       // a place waits to be written
	opened     *content.Article           // the article whose place was written on opening
	relayout   *place                     // where the reader was when the size changed, until the text is laid out again
	anchor     anchor                     // the place the pane was last put at
}

func newPlaceBook() placeBook {
	return placeBook{places: map[*content.Article]place{}, written: map[*content.Article]place{}}
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

// remember keeps the reader's place in the article on screen.
func (r *readerModel) remember() {
	if r.article != nil && r.doc != nil {
		r.places[r.article] = r.here()
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
