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

// TestPassageTitleKeepsItsEditorialMark: a headline written for this
// edition keeps its "*" however narrow the list, and is cut between
// words (where its first word fits), as the list's own entries are.
func TestPassageTitleKeepsItsEditorialMark(t *testing.T) {
	lib := testlib.Library(t)
	a := testlib.Article(t, lib, "jamal")
	if !a.Editorial() {
		t.Fatal("jamal's headline is no longer editorial: pick another article")
	}
	l := newListModel(newCommon(Options{Library: lib, Cache: sharedCache(), Style: render.ASCII}))
	p := content.Passage{Match: content.Match{Article: a, Section: a.Body()[1], Context: "at Gwadar and Karachi", InContext: [2]int{3, 9}}}
	for _, w := range []int{30, 40, 60, 80, 120} {
		head := strings.TrimSpace(ansi.Strip(l.drawPassage(p, false, w)[0]))
		title, _, _ := strings.Cut(head, " - ")
		if !strings.HasSuffix(title, " *") {
			t.Errorf("at %d columns the passage's title is %q: its * is gone", w, title)
		}
		if cut := strings.TrimSuffix(strings.TrimSuffix(title, " *"), "..."); w >= 40 && cut != title && !strings.HasPrefix(a.Title, cut+" ") && cut != a.Title {
			t.Errorf("at %d columns the title is cut inside a word: %q", w, title)
		}
		if ansi.StringWidth(head) > w {
			t.Errorf("at %d columns the head is %d wide: %q", w, ansi.StringWidth(head), head)
		}
	}
}

// TestNoArticleLineCutsTheQueryNotTheSentence: with a query longer than
// the window, "No article matches" cuts the query and keeps its closing
// quote, inside the width.
func TestNoArticleLineCutsTheQueryNotTheSentence(t *testing.T) {
	lib := testlib.Library(t)
	l := newListModel(newCommon(Options{Library: lib, Cache: sharedCache()}))
	l.filter.value = strings.Repeat("the corridor could reduce transit times ", 10)
	for _, w := range []int{40, 80} {
		line := ansi.Strip(l.drawBlock(listBlock{kind: noArticleBlock, height: 1}, nil, w)[0])
		if !strings.HasSuffix(line, `…".`) || ansi.StringWidth(line) > w {
			t.Errorf("width %d: %q, want the query cut with its closing quote within the width", w, line)
		}
	}
}
