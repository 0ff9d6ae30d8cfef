package cli

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"analyst/internal/testlib"
)

// TestSearchLinesKeepTheMatch: in a terminal of any width, each line of
// search shows its first match whole, the context cut around it; the
// lines fit the width, but for a match wider than a line of its own,
// which is shown whole rather than cut. A 34-cell phrase beside
// "cutler#lead" at 40 columns was cut to "…Armenia–Azerbaijan pea…".
func TestSearchLinesKeepTheMatch(t *testing.T) {
	lib := testlib.Library(t)
	for _, query := range []string{"Armenia–Azerbaijan peace agreement", "peace", "TRIPP", "Abraham Accords",
		"the draft “Agreement on Peace and the Establishment of Interstate Relations"} {
		lines := searchLines(lib.Search(query))
		if len(lines) == 0 {
			t.Fatalf("no match for %q", query)
		}
		for width := 12; width <= 120; width++ {
			for i, out := range matchLines(lib, lines, width) {
				l := lines[i]
				match := l.Text[l.Spans[0][0]:l.Spans[0][1]]
				printed := ansi.Strip(out)
				ref, context, beside := strings.Cut(printed, "\t")
				indent := (len(ref)/8 + 1) * 8 // the tab's stop
				if !beside {
					ref, context, _ = strings.Cut(printed, "\n"+contextIndent)
					indent = len(contextIndent)
				}
				if ref != matchRef(lib, l.Match) {
					t.Fatalf("%q at %d: the line starts %q", query, width, ref)
				}
				if !strings.Contains(context, match) {
					t.Errorf("%q at %d columns: the match %q is cut: %q", query, width, match, printed)
				}
				cells := indent + ansi.StringWidth(context)
				if cells > width && ansi.StringWidth(match)+2 <= width-len(contextIndent) {
					t.Errorf("%q at %d columns: a context that ends at cell %d: %q", query, width, cells, printed)
				}
			}
		}
	}
}
