package render_test

import (
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
