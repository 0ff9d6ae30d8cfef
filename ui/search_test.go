package ui

import (
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestFindAcrossTheWrap(t *testing.T) {
	plain := []string{
		"  The Peace       ",
		"  process enters 2026, peace",
		"",
		"  ## Background",
		"  Process café peace",
	}
	hyphens := []string{
		"  remain vague on any on-",
		"  the-ground presence and trade-",
		"  and transit, ever -",
		"  forward.",
	}
	cases := []struct {
		lines []string
		query string
		want  [][]matchPart
	}{
		{plain, "peace process", [][]matchPart{
			{{line: 0, from: 6, to: 11}, {line: 1, from: 2, to: 9}},
		}},
		{plain, "PEACE", [][]matchPart{
			{{line: 0, from: 6, to: 11}},
			{{line: 1, from: 23, to: 28}},
			{{line: 4, from: 15, to: 20}},
		}},
		{plain, "  peace \t process ", [][]matchPart{ // the query's spaces are one space
			{{line: 0, from: 6, to: 11}, {line: 1, from: 2, to: 9}},
		}},
		{plain, "café peace", [][]matchPart{ // cells, not bytes: é is two bytes, one cell
			{{line: 4, from: 10, to: 20}},
		}},
		{plain, "peace background", nil}, // a paragraph break is not a space
		{plain, "2026, peace ## background", nil},
		{plain, "   ", nil},
		{hyphens, "on-the-ground", [][]matchPart{ // the wrap broke after a hyphen: no space between
			{{line: 0, from: 22, to: 25}, {line: 1, from: 2, to: 12}},
		}},
		{hyphens, "trade- and", [][]matchPart{ // ... or one: both are found
			{{line: 1, from: 26, to: 32}, {line: 2, from: 2, to: 5}},
		}},
		{hyphens, "trade-and", [][]matchPart{
			{{line: 1, from: 26, to: 32}, {line: 2, from: 2, to: 5}},
		}},
		{hyphens, "ever - forward", [][]matchPart{ // a dash on its own is a word
			{{line: 2, from: 15, to: 21}, {line: 3, from: 2, to: 9}},
		}},
		{hyphens, "ever -forward", nil},
		{[]string{"  Armenia’s “Eurasian", "  Five” – now"}, `armenia's "eurasian five" - now`, [][]matchPart{ // typed punctuation finds typographic
			{{line: 0, from: 2, to: 21}, {line: 1, from: 2, to: 13}},
		}},
	}
	for _, c := range cases {
		s := searchModel{query: c.query}
		s.find(c.lines)
		var got [][]matchPart
		for _, m := range s.matches {
			got = append(got, m.parts)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("find(%q) = %v, want %v", c.query, got, c.want)
		}
	}
}

// TestSearchFindsAPhraseTheWrapSplits searches the reader for the last word
// of a line and the first of the next, in a real article, and expects one
// match drawn on both lines.
func TestSearchFindsAPhraseTheWrapSplits(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}, {40, 12}} {
		hs := newHarness(t, Options{}, size[0], size[1])
		hs.keys("2")
		plain := hs.m.reader.doc.Plain
		line, phrase := splitPhrase(plain)
		if phrase == "" {
			t.Fatalf("%dx%d: no paragraph line followed by another", size[0], size[1])
		}
		hs.keys("/")
		hs.typeText(strings.ToUpper(phrase))
		hs.keys("enter")
		s := &hs.m.reader.search
		var found *searchMatch
		for i := range s.matches {
			if s.matches[i].line() == line {
				found = &s.matches[i]
			}
		}
		if found == nil || len(found.parts) != 2 || found.parts[1].line != line+1 {
			t.Fatalf("%dx%d: %q (lines %d and %d): matches %v", size[0], size[1], phrase, line, line+1, s.matches)
		}
		lines := s.decorate(hs.m.reader.doc.Lines, hs.m.reader.c.styles)
		for _, l := range []int{line, line + 1} {
			if lines[l] == hs.m.reader.doc.Lines[l] {
				t.Errorf("%dx%d: line %d of the match is not highlighted", size[0], size[1], l)
			}
		}
	}
}

// splitPhrase finds a line of body text followed by another in the same
// paragraph and returns its index and "lastword firstword".
func splitPhrase(plain []string) (int, string) {
	for i := 10; i+1 < len(plain); i++ {
		a, b := strings.Fields(plain[i]), strings.Fields(plain[i+1])
		if len(a) < 3 || len(b) < 3 || strings.HasPrefix(plain[i+1], "  #") {
			continue
		}
		return i, a[len(a)-1] + " " + b[0]
	}
	return 0, ""
}

func TestSearchKeepsTheCurrentMatchOnResize(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("2", "/")
	hs.typeText("baku")
	hs.keys("enter", "ctrl+n", "ctrl+n")
	s := &hs.m.reader.search
	want := s.current
	if want == 0 || len(s.matches) < 3 {
		t.Fatalf("want a third match to stand on: current %d of %d", want, len(s.matches))
	}
	hs.send(tea.WindowSizeMsg{Width: 110, Height: 40})
	if s.current != want {
		t.Errorf("after a resize the current match is %d, want %d", s.current, want)
	}
	hs.keys("ctrl+n")
	if s.current != (want+1)%len(s.matches) {
		t.Errorf("ctrl+n after a resize: %d, want %d", s.current, want+1)
	}
}

func TestAPhraseMatchIsDrawnInOneStyle(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("2", "/")
	hs.typeText("peace process")
	hs.keys("enter")
	r := &hs.m.reader
	if len(r.search.matches) == 0 {
		t.Fatal("no match for “peace process”")
	}
	m := r.search.matches[r.search.current]
	lines := r.search.decorate(r.doc.Lines, r.c.styles)
	p := m.parts[0]
	text := ansi.Cut(r.doc.Plain[p.line], p.from, p.to)
	if !strings.Contains(lines[p.line], r.c.styles.MatchCurrent.Render(text)) {
		t.Errorf("the current match %q is not drawn in one piece:\n%q", text, lines[p.line])
	}
	for _, st := range []lipgloss.Style{r.c.styles.Match, r.c.styles.MatchCurrent} {
		if drawn := st.Render(text); strings.Count(drawn, "\x1b[") != 2 {
			t.Errorf("a phrase in a match style is drawn in pieces, its spaces apart: %q", drawn)
		}
	}
	if got := ansi.Strip(lines[p.line]); got != r.doc.Plain[p.line] {
		t.Errorf("highlighting changed the text:\n%q\n%q", got, r.doc.Plain[p.line])
	}
}

// TestFindKeepsTheCurrentMatchWhenTheCountChanges lays the same text out
// twice: a hyphen at the end of a line makes "trade- and" a match in the
// first layout only, and the current match must stay the same words.
func TestFindKeepsTheCurrentMatchWhenTheCountChanges(t *testing.T) {
	wide := []string{"  trade-", "  and x trade-and y", "  trade-and"}
	narrow := []string{"  trade- and x trade-and", "  y trade-and"}
	s := searchModel{query: "trade-and"}
	s.find(wide)
	if len(s.matches) != 3 {
		t.Fatalf("%d matches in the first layout, want 3", len(s.matches))
	}
	s.current = 2 // the last "trade-and"
	s.find(narrow)
	if len(s.matches) != 2 || s.current != 1 {
		t.Errorf("after the new layout: current %d of %d, want the last (1 of 2)", s.current, len(s.matches))
	}
	s.current = 0
	s.find(wide)
	if s.current != 1 {
		t.Errorf("back in the first layout: current %d, want 1 (the same words)", s.current)
	}
}
