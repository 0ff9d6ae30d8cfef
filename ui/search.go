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

// searchMatch is one match: a line and the cells [from, to) on it.
type searchMatch struct {
	line, from, to int
}

func (s *searchModel) active() bool { return s.query != "" }

func (s *searchModel) clear() { *s = searchModel{} }

// find looks for the query in the plain lines of the text (only the first
// real lines; the rest is padding), case-insensitively.
func (s *searchModel) find(plain []string) {
	s.matches = s.matches[:0]
	q := []rune(strings.ToLower(s.query))
	for i, line := range plain {
		for _, span := range content.FoldIndexAll(line, q) {
			s.matches = append(s.matches, searchMatch{
				line: i,
				from: ansi.StringWidth(line[:span[0]]),
				to:   ansi.StringWidth(line[:span[1]]),
			})
		}
	}
	s.current = 0
}

// first makes current the first match on or after line, wrapping around.
func (s *searchModel) first(line int) {
	s.current = 0
	for i, m := range s.matches {
		if m.line >= line {
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
	for i := 0; i < len(s.matches); {
		line := s.matches[i].line
		var ranges []lipgloss.Range
		for ; i < len(s.matches) && s.matches[i].line == line; i++ {
			style := st.Match
			if i == s.current {
				style = st.MatchCurrent
			}
			ranges = append(ranges, lipgloss.NewRange(s.matches[i].from, s.matches[i].to, style))
		}
		out[line] = lipgloss.StyleRanges(lines[line], ranges...)
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
