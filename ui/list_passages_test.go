package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"analyst/internal/content"
	"analyst/internal/render"
	"analyst/internal/testlib"
)

// TestPassageContextKeepsTheTextsOwnMarks: a passage's line of context
// marks where its paragraph goes on with the style's mark ("..." in the
// ascii style), and shows a "…" of the text's own as it is written, at
// either end of the context.
func TestPassageContextKeepsTheTextsOwnMarks(t *testing.T) {
	lib := testlib.Library(t)
	a := testlib.Article(t, lib, "cutler")
	l := newListModel(newCommon(Options{Library: lib, Cache: sharedCache(), Style: render.ASCII}))
	own := "…as the minister put it, a needle…"
	in := [2]int{strings.Index(own, "needle"), strings.Index(own, "needle") + len("needle")}
	for _, c := range []struct {
		cut  [2]bool
		want string
	}{
		{[2]bool{false, false}, own},
		{[2]bool{true, false}, "..." + own},
		{[2]bool{false, true}, own + "..."},
		{[2]bool{true, true}, "..." + own + "..."},
	} {
		p := content.Passage{Match: content.Match{Article: a, Section: a.Sections[0], Context: own, InContext: in, Cut: c.cut}}
		lines := l.drawPassage(p, false, 120)
		if got := strings.TrimSpace(ansi.Strip(lines[1])); got != c.want {
			t.Errorf("cut %v: context drawn %q, want %q", c.cut, got, c.want)
		}
	}
}
