package ui

import (
	"reflect"
	"strings"
	"testing"
)

func TestFindAcrossTheWrap(t *testing.T) {
	plain := []string{
		"  The Peace       ",
		"  process enters 2026, peace",
		"",
		"  ## Background",
		"  Process café peace",
	}
	cases := []struct {
		query string
		want  [][]matchPart
	}{
		{"peace process", [][]matchPart{
			{{line: 0, from: 6, to: 11}, {line: 1, from: 2, to: 9}},
		}},
		{"PEACE", [][]matchPart{
			{{line: 0, from: 6, to: 11}},
			{{line: 1, from: 23, to: 28}},
			{{line: 4, from: 15, to: 20}},
		}},
		{"  peace \t process ", [][]matchPart{ // the query's spaces are one space
			{{line: 0, from: 6, to: 11}, {line: 1, from: 2, to: 9}},
		}},
		{"café peace", [][]matchPart{ // cells, not bytes: é is two bytes, one cell
			{{line: 4, from: 10, to: 20}},
		}},
		{"peace background", nil}, // a paragraph break is not a space
		{"2026, peace ## background", nil},
		{"   ", nil},
	}
	for _, c := range cases {
		s := searchModel{query: c.query}
		s.find(plain)
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
