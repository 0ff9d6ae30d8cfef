package render_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"analyst/internal/render"
)

func TestCutWords(t *testing.T) {
	for _, c := range []struct {
		s     string
		width int
		want  string
	}{
		{"the Central Asian Community", 40, "the Central Asian Community"},
		{"the Central Asian Community", 22, "the Central Asian…"},
		{"the Central Asian Community", 18, "the Central Asian…"},
		{"the Central Asian Community", 17, "the Central…"},
		{"the Central Asian Community", 12, "the Central…"},
		{"Armenia–Azerbaijan", 8, "Armenia…"},
		{"the Central Asian", 17, "the Central Asian"},
		{"\x1b[1mthe Central\x1b[m Asian Community", 22, "\x1b[1mthe Central\x1b[m Asian…"},
	} {
		got := render.CutWords(c.s, c.width, "…")
		if got != c.want {
			t.Errorf("CutWords(%q, %d) = %q, want %q", c.s, c.width, got, c.want)
		}
		if ansi.StringWidth(got) > c.width {
			t.Errorf("CutWords(%q, %d) is %d wide", c.s, c.width, ansi.StringWidth(got))
		}
	}
}

func TestCutWordsLeft(t *testing.T) {
	for _, c := range []struct {
		s    string
		drop int
		want string
	}{
		{"the Central Asian Community", 0, "the Central Asian Community"},
		{"the Central Asian Community", 2, "…Central Asian Community"},
		{"the Central Asian Community", 6, "…Central Asian Community"},
		{"the Central Asian Community", 12, "…Asian Community"},
		{"\x1b[1mthe\x1b[m Central Asian", 2, "…Central Asian"},
		{"Supercalifragilistic", 5, "…alifragilistic"},
	} {
		got := render.CutWordsLeft(c.s, c.drop, "…")
		if ansi.Strip(got) != ansi.Strip(c.want) {
			t.Errorf("CutWordsLeft(%q, %d) = %q, want %q", c.s, c.drop, got, c.want)
		}
	}
}

func TestJoinParts(t *testing.T) {
	parts := []string{"↑↓ choose", "enter go", "esc close"}
	for _, c := range []struct {
		width int
		want  []string
	}{
		{40, []string{"↑↓ choose · enter go · esc close"}},
		{28, []string{"↑↓ choose · enter go", "esc close"}},
		{12, []string{"↑↓ choose", "enter go", "esc close"}},
		{6, []string{"↑↓…", "enter…", "esc…"}},
	} {
		got := render.JoinParts(parts, " · ", "…", c.width)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("JoinParts at %d = %q, want %q", c.width, got, c.want)
		}
	}
}

func TestCutAround(t *testing.T) {
	const s = "the ports at Gwadar and Karachi link the Arabian Sea to the north"
	at := strings.Index(s, "Gwadar")
	for _, c := range []struct {
		s        string
		from, to int
		width    int
		want     string
	}{
		{s, at, at + 6, 80, s},
		// Room for a word on either side: cut between words.
		{s, at, at + 6, 16, "…at Gwadar and…"},
		// The match near the start: cut on the right only.
		{s, at, at + 6, 24, "the ports at Gwadar and…"},
		{s, 4, 9, 20, "the ports at Gwadar…"},
		// Near the end: cut on the left only.
		{s, len(s) - 5, len(s), 20, "…Sea to the north"},
		// Just the match and the marks: the words around go.
		{s, at, at + 6, 8, "…Gwadar…"},
		{s, at, at + 6, 10, "…Gwadar…"},
		// A match wider than the room is cut at its end.
		{s, at, at + 18, 10, "…Gwadar a…"},
		// Escape codes around the match are kept, and count no cells.
		{"the ports at \x1b[1mGwadar\x1b[m and Karachi link the", 13, 19, 16, "…at \x1b[1mGwadar\x1b[m and…"},
	} {
		got := render.CutAround(c.s, c.from, c.to, c.width, "…")
		if got != c.want {
			t.Errorf("CutAround(%q, %d, %d, %d) = %q, want %q", c.s, c.from, c.to, c.width, got, c.want)
		}
		if ansi.StringWidth(got) > c.width {
			t.Errorf("CutAround(%q, %d, %d, %d) is %d wide", c.s, c.from, c.to, c.width, ansi.StringWidth(got))
		}
	}
}

// Whatever the width, the match stays in sight as long as it fits.
func TestCutAroundKeepsTheMatch(t *testing.T) {
	const s = "Armenia–Azerbaijan transit through Syunik, known as the Trump Route for International Peace and Prosperity (TRIPP), along the border"
	for _, word := range []string{"Armenia–Azerbaijan", "Syunik", "TRIPP", "border", "Route"} {
		from := ansi.StringWidth(s[:strings.Index(s, word)])
		to := from + ansi.StringWidth(word)
		for width := ansi.StringWidth(word) + 2; width < ansi.StringWidth(s)+2; width++ {
			got := render.CutAround(s, from, to, width, "…")
			if !strings.Contains(got, word) || ansi.StringWidth(got) > width {
				t.Fatalf("CutAround for %q at %d cells: %q", word, width, got)
			}
		}
	}
}

func TestWrapWords(t *testing.T) {
	for _, c := range []struct {
		s     string
		width int
		want  []string
	}{
		{"the U.S.-backed India–Middle East corridor", 14, []string{"the", "U.S.-backed", "India–Middle", "East corridor"}},
		{"Central Asia-Caucasus Analyst (2026-01)", 24, []string{"Central Asia-Caucasus", "Analyst (2026-01)"}},
		{"a Supercalifragilistic word", 8, []string{"a", "Supercal", "ifragili", "stic", "word"}},
		{"", 10, []string{""}},
	} {
		got := render.WrapWords(c.s, c.width)
		if !slices.Equal(got, c.want) {
			t.Errorf("WrapWords(%q, %d) = %q, want %q", c.s, c.width, got, c.want)
		}
	}
}
