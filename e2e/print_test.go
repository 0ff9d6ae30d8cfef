package e2e

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestListFitsTheTerminal runs `analyst list` in terminals of three widths,
// as a reader would: every line fits (the heading wraps at a word), the columns that matter least give
// way first, and cut titles keep their "*".
func TestListFitsTheTerminal(t *testing.T) {
	for _, w := range []int{120, 80, 40} {
		tm := startPane(t, w, 24, "EXIT", readerCommand(t, nil, "list"))
		code, s := tm.waitExit(screenDeadline)
		if code != "0" {
			t.Fatalf("%d columns: exit status %s\n%s", w, code, s)
		}
		header := ""
		for _, row := range s {
			if strings.HasPrefix(row, "#  TITLE") {
				header = row
			}
			if n := ansi.StringWidth(row); n > w {
				t.Errorf("%d columns: a row %d cells wide: %q", w, n, row)
			}
		}
		rows := 0
		for _, row := range s {
			if strings.HasPrefix(row, "3  Pakistan") || strings.HasPrefix(row, "4  The") {
				rows++
				if !strings.Contains(row, " *") {
					t.Errorf("%d columns: an editorial title lost its *: %q", w, row)
				}
			}
		}
		if rows != 2 {
			t.Errorf("%d columns: want the rows of articles 3 and 4:\n%s", w, s)
		}
		if w >= 120 && !strings.Contains(header, "SECTIONS") {
			t.Errorf("at %d columns the whole table fits: %q", w, header)
		}
		if w <= 80 && (strings.Contains(header, "SECTIONS") || !strings.Contains(header, "AUTHOR")) {
			t.Errorf("at %d columns the sections column gives way, the author stays: %q", w, header)
		}
		if w == 40 && !s.has("…") {
			t.Errorf("at 40 columns titles are cut with …:\n%s", s)
		}
	}
}
