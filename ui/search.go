package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"analyst/internal/content"
)

// searchModel is a search within the article on screen: the query being
// typed, then its matches, one of which is current.
type searchModel struct {
	input   textInput
	typing  bool
	query   string
	matches []searchMatch
	current int
}

// searchMatch is one match of the query: its part on each line it covers,
// in order (a phrase that the wrap splits has two), and where it is in the
// text whatever the width (flowMatch.at).
type searchMatch struct {
	parts []matchPart
	at    int
}

// matchPart is the cells [from, to) of a line that a match covers.
type matchPart struct {
	line, from, to int
}

// line is the line the match starts on.
func (m searchMatch) line() int { return m.parts[0].line }

func (s *searchModel) active() bool { return s.query != "" }

func (s *searchModel) clear() { *s = searchModel{} }

// find looks for the query in the plain lines of the text,
// case-insensitively and across line breaks within a paragraph: the query's
// spaces match the space or the wrap between two words.
func (s *searchModel) find(plain []string) {
	at := -1 // where the current match was, to find it again after a new layout
	if s.current < len(s.matches) {
		at = s.matches[s.current].at
	}
	s.matches = s.matches[:0]
	s.current = 0
	flow := newFlowText(plain)
	line := 0
	for _, fm := range flow.find(content.FoldQuery(s.query)) {
		m := searchMatch{at: fm.at}
		line = flow.lines(fm.start, fm.end, line, func(i, from, to int) {
			m.parts = append(m.parts, matchPart{
				line: i,
				from: ansi.StringWidth(plain[i][:from]),
				to:   ansi.StringWidth(plain[i][:to]),
			})
		})
		if len(m.parts) == 0 {
			continue
		}
		if at >= 0 && m.at <= at {
			s.current = len(s.matches) // the current match, or the last one before where it was
		}
		s.matches = append(s.matches, m)
	}
}

// first makes current the first match on or after line, wrapping around.
func (s *searchModel) first(line int) {
	s.current = 0
	for i, m := range s.matches {
		if m.line() >= line {
			s.current = i
			return
		}
	}
}

// step moves to the next (d=1) or previous (d=-1) match, wrapping around.
func (s *searchModel) step(d int) {
	if n := len(s.matches); n > 0 {
		s.current = (s.current + d + n) % n
	}
}

// decorate returns a copy of lines with every match highlighted and the
// current one highlighted more. A match's cells are drawn in its style
// alone, whatever styles the text had there, so a phrase reads as one.
func (s *searchModel) decorate(lines []string, st Styles) []string {
	if len(s.matches) == 0 {
		return lines
	}
	out := make([]string, len(lines))
	copy(out, lines)
	byLine := map[int][]styledPart{}
	for i, m := range s.matches {
		style := st.Match
		if i == s.current {
			style = st.MatchCurrent
		}
		for _, p := range m.parts {
			byLine[p.line] = append(byLine[p.line], styledPart{p, style})
		}
	}
	for line, parts := range byLine {
		out[line] = highlight(lines[line], parts)
	}
	return out
}

// styledPart is a part of a match with the style to draw it in.
type styledPart struct {
	matchPart
	style lipgloss.Style
}

// highlight redraws the cells of parts (in order, not overlapping) of a
// line in their styles and keeps the rest of the line as it was.
func highlight(line string, parts []styledPart) string {
	var b strings.Builder
	at := 0
	for _, p := range parts {
		b.WriteString(ansi.Cut(line, at, p.from))
		b.WriteString("\x1b[m")
		b.WriteString(p.style.Render(ansi.Strip(ansi.Cut(line, p.from, p.to))))
		at = p.to
	}
	b.WriteString(ansi.Cut(line, at, ansi.StringWidth(line)))
	return b.String()
}

// summary is the status of the search: "2 of 7: “Baku”" or "no match
// for “Baku”"; the count comes first, so that a narrow line cuts the query.
func (s *searchModel) summary(g Glyphs) string {
	q := g.OpenQuote + s.query + g.CloseQuote
	if len(s.matches) == 0 {
		return "no match for " + q
	}
	return fmt.Sprintf("%d of %d: %s", s.current+1, len(s.matches), q)
}
