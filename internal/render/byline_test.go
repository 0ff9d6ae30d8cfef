package render_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"analyst/internal/render"
	"analyst/internal/testlib"
)

// TestBylineWrapsBetweenParts: at any width, the byline breaks only
// between its parts (author, publication and issue, reading time): no
// line begins with the separator, and a part that fits a line is on one.
func TestBylineWrapsBetweenParts(t *testing.T) {
	a := longest(testlib.Library(t))
	parts := strings.Split(render.Byline(a), " · ")
	for _, style := range []string{render.Dark, render.NoTTY, render.ASCII} {
		for width := 24; width <= 120; width += 2 {
			out, err := render.Article(a, nil, style, width)
			if err != nil {
				t.Fatal(err)
			}
			plain := ansi.Strip(out)
			for _, line := range strings.Split(plain, "\n") {
				l := strings.TrimSpace(line)
				if strings.HasPrefix(l, "· ") || strings.HasPrefix(l, "- ") {
					t.Errorf("%s at %d: a byline line begins with its separator: %q", style, width, line)
				}
			}
			flat := "\n" + strings.Join(strings.Fields(strings.ReplaceAll(plain, "\n", " \n ")), " ")
			for _, p := range parts {
				if ansi.StringWidth(p) > width-4 {
					continue
				}
				if !strings.Contains(strings.ReplaceAll(flat, " \n ", "\n"), p) {
					t.Errorf("%s at %d: the byline's part %q is split across lines:\n%s", style, width, p, firstLines(plain, 8))
				}
			}
		}
	}
}

func firstLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	return strings.Join(lines[:min(n, len(lines))], "\n")
}
