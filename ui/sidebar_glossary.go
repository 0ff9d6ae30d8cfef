package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"analyst/internal/glossary"
	"analyst/internal/render"
)

// screenAbbreviations are the abbreviations written in the paragraphs on
// screen, each with the definition that explains it there, kept until
// other paragraphs come on screen.
type screenAbbreviations struct {
	doc         *render.Doc
	first, last int // indexes in doc.Paragraphs
	uses        []glossary.Use
}

// findAbbreviations keeps in r.side.abbrs the abbreviations of the paragraphs
// that are on the pane, wholly or in part, in the order they first
// appear, for the sidebar: after every message, so that drawing it does
// no work (the first builds the article's glossary).
func (r *readerModel) findAbbreviations() {
	d := r.doc
	if d == nil || len(d.Paragraphs) == 0 {
		r.side.abbrs = screenAbbreviations{}
		return
	}
	bottom := r.pane.offset + r.pane.height - 1
	first := d.ParagraphAt(r.pane.offset)
	if first < 0 || d.Paragraphs[first].First > bottom {
		r.side.abbrs = screenAbbreviations{doc: d, first: -1} // no paragraph on screen: the title, or the room after the end
		return
	}
	last := first
	for last+1 < len(d.Paragraphs) && d.Paragraphs[last+1].First <= bottom {
		last++
	}
	if a := &r.side.abbrs; a.doc == d && a.first == first && a.last == last {
		return
	}
	pf, pl := d.Paragraphs[first], d.Paragraphs[last]
	from := glossary.Place{Article: r.article, Section: d.Sections[pf.Section].Section, Paragraph: pf.Index}
	to := glossary.Place{Article: r.article, Section: d.Sections[pl.Section].Section, Paragraph: pl.Index, Offset: 1 << 30}
	uses := r.c.glossaries.Article(r.article).Between(from, to)
	r.side.abbrs = screenAbbreviations{doc: d, first: first, last: last, uses: uses}
}

// abbreviations draws the sidebar's part for the abbreviations on screen
// in room lines at most, inner cells wide: a blank line, a heading, then
// each abbreviation with its long form, on up to three lines when there is room,
// on one when there is less, and as many as fit with a count of the rest
// when there is less still. Nothing when there is no room or nothing to
// show.
func (s sidebar) abbreviations(inner, room int) []string {
	if len(s.abbrs) == 0 || room < 3 {
		return nil
	}
	st := s.styles
	abbrW := 0
	for _, u := range s.abbrs {
		abbrW = max(abbrW, ansi.StringWidth(u.Entry.Abbr))
	}
	abbrW = min(abbrW, max(inner/3, 4))
	longW := max(inner-abbrW-1, 1)
	draw := func(u glossary.Use, lines int) []string {
		abbr := ansi.Truncate(u.Entry.Abbr, abbrW, st.G.Ellipsis)
		head := st.Author.Render(abbr) + strings.Repeat(" ", abbrW-ansi.StringWidth(abbr)+1)
		long, style := sidebarLongForm(u), st.Bio
		if u.Definition == nil {
			style = st.Meta
		}
		wrapped := wrapLines(long, longW, lines, st.G.Ellipsis)
		out := []string{head + style.Render(wrapped[0])}
		for _, l := range wrapped[1:] {
			out = append(out, strings.Repeat(" ", abbrW+1)+style.Render(l))
		}
		return out
	}
	header := []string{"", st.SidebarHeading.Render("ABBREVIATIONS")}
	for _, perUse := range []int{3, 2, 1} {
		body := []string{}
		for _, u := range s.abbrs {
			body = append(body, draw(u, perUse)...)
		}
		if len(header)+len(body) <= room {
			return append(header, body...)
		}
	}
	// One line each, and not all of them: the rest are counted.
	fit := room - len(header) - 1
	if fit < 1 {
		return nil
	}
	out := header
	for _, u := range s.abbrs[:fit] {
		out = append(out, draw(u, 1)...)
	}
	more := fmt.Sprintf("+%d more (A: glossary)", len(s.abbrs)-fit)
	return append(out, st.Meta.Render(ansi.Truncate(more, inner, st.G.Ellipsis)))
}

// sidebarLongForm is what the sidebar says an abbreviation stands for.
func sidebarLongForm(u glossary.Use) string {
	switch {
	case u.Definition != nil:
		return u.Definition.Long
	case u.Entry.SpelledOut():
		return "several meanings, none defined in this article"
	}
	return "not spelled out in this issue"
}
