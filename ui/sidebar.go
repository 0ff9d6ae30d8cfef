package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"analyst/internal/content"
	"analyst/internal/glossary"
	"analyst/internal/render"
)

// sidebar is what the sidebar shows; Render lays it out. It has no update
// of its own: the reader fills it in for each frame.
type sidebar struct {
	article  *content.Article
	doc      *render.Doc
	current  int  // index of the section on screen
	picking  bool // the section list has the keyboard
	pick     int
	fraction float64        // how far the reader is, 0..1 (readerModel.readSoFar)
	abbrs    []glossary.Use // the abbreviations written in the text on screen
	bioFirst bool           // the bio keeps its room before the abbreviations
	marked   int            // the article's highlights
	styles   Styles
}

// Render draws the sidebar in exactly h lines of exactly w cells, a rule
// on its left. When space is short, the bio gives way first, then the
// blank lines; the sections and the progress stay.
func (s sidebar) Render(w, h int) []string {
	st := s.styles
	inner := max(w-2, 1)
	g := st.G
	top := []string{st.Author.Render(render.CutWords(s.article.Author, inner, g.Ellipsis))}
	var bio []string
	if b := s.article.Bio(); b != nil {
		for _, p := range b.Paragraphs {
			for _, l := range strings.Split(ansi.Wordwrap(p, inner, ""), "\n") {
				bio = append(bio, st.Bio.Render(ansi.Truncate(l, inner, g.Ellipsis)))
			}
		}
	}
	sections := []string{st.SidebarHeading.Render("SECTIONS")}
	if s.doc != nil {
		for i, ds := range s.doc.Sections {
			mark, style := "  ", st.Section
			if i == s.current {
				mark, style = g.Current, st.SectionCurrent
			}
			label := render.CutWords(fmt.Sprintf("%d %s", i+1, ds.Section.Name), inner-2, g.Ellipsis)
			if s.picking && i == s.pick {
				label = st.SectionPicked.Render(label)
			} else {
				label = style.Render(label)
			}
			sections = append(sections, mark+label)
		}
	}
	progress := []string{st.Progress.Render(render.CutWords(progressText(s.article, s.fraction, g.Sep), inner, g.Ellipsis))}
	if s.marked > 0 {
		progress = append(progress, st.Meta.Render(ansi.Truncate(highlightCount(s.marked), inner, g.Ellipsis)))
	}
	if s.picking {
		for _, l := range render.JoinParts([]string{g.UpDown + " choose", "enter go", "esc close"}, g.Sep, g.Ellipsis, inner) {
			progress = append(progress, st.Meta.Render(l))
		}
	}

	// The abbreviations on screen come before the bio, past its first
	// lines, unless the reader asked for the bio.
	keepBio := min(len(bio), sidebarMinBio)
	if s.bioFirst {
		keepBio = len(bio)
	}
	abbrs := s.abbreviations(inner, h-len(top)-len(sections)-len(progress)-2-keepBio)
	room := h - len(top) - len(sections) - len(abbrs) - len(progress) - 2 // two blank lines
	switch {
	case room <= 0:
		bio = nil
	case len(bio) > room:
		bio = bio[:room]
		bio[room-1] = st.Meta.Render(render.CutWords(g.Ellipsis+" i full bio", inner, g.Ellipsis))
	}
	var lines []string
	for _, part := range [][]string{top, bio, {""}, sections, abbrs, {""}, progress} {
		lines = append(lines, part...)
	}
	if len(lines) > h { // no room for air: drop the blank lines
		lines = nil
		for _, part := range [][]string{top, sections, progress} {
			lines = append(lines, part...)
		}
	}

	rule := st.SidebarBorder.Render(g.Rule)
	out := make([]string, h)
	for i := range out {
		text := ""
		if i < len(lines) {
			text = lines[i]
		}
		out[i] = rule + " " + fitLine(text, inner)
	}
	return out
}

// sidebarMinBio is how many lines of the bio the sidebar keeps before it
// gives the abbreviations on screen their room.
const sidebarMinBio = 3

// progressText says how far the reader is: "42% read · 4 min left".
func progressText(a *content.Article, fraction float64, sep string) string {
	pct := percentRead(fraction)
	left := int(float64(a.Words)*(1-fraction)/content.WordsPerMinute + 0.999)
	if left <= 0 || pct == 100 {
		return fmt.Sprintf("%d%% read%sdone", pct, sep)
	}
	return fmt.Sprintf("%d%% read%s%d min left", pct, sep, left)
}
