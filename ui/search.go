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
// in order (a phrase that the wrap splits has two).
type searchMatch struct {
	parts []matchPart
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
	s.matches = s.matches[:0]
	s.current = 0
	q := []rune(strings.ToLower(content.NormalizeSpace(s.query)))
	if len(q) == 0 {
		return
	}
	flow := newFlowText(plain)
	line := 0
	for _, span := range content.FoldIndexAll(flow.text, q) {
		var m searchMatch
		line = flow.lines(span[0], span[1], line, func(i, from, to int) {
			m.parts = append(m.parts, matchPart{
				line: i,
				from: ansi.StringWidth(plain[i][:from]),
				to:   ansi.StringWidth(plain[i][:to]),
			})
		})
		if len(m.parts) > 0 {
			s.matches = append(s.matches, m)
		}
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
// current one highlighted more.
func (s *searchModel) decorate(lines []string, st Styles) []string {
	if len(s.matches) == 0 {
		return lines
	}
	out := make([]string, len(lines))
	copy(out, lines)
	ranges := map[int][]lipgloss.Range{}
	for i, m := range s.matches {
		style := st.Match
		if i == s.current {
			style = st.MatchCurrent
		}
		for _, p := range m.parts {
			ranges[p.line] = append(ranges[p.line], lipgloss.NewRange(p.from, p.to, style))
		}
	}
	for line, r := range ranges {
		out[line] = lipgloss.StyleRanges(lines[line], r...)
	}
	return out
}

// summary is the status of the search: "“Baku” 2 of 7" or "no match".
func (s *searchModel) summary() string {
	if len(s.matches) == 0 {
		return fmt.Sprintf("no match for “%s”", s.query)
	}
	return fmt.Sprintf("“%s” %d of %d", s.query, s.current+1, len(s.matches))
}
