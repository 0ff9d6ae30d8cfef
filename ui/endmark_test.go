package ui

import (
	"strings"
	"testing"
)

// TestTheEndOfAnArticleSaysWhatComesNext: at the end of the text, a
// marker says the article ended and what n opens next, or that the
// issue ends there.
func TestTheEndOfAnArticleSaysWhatComesNext(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}, {40, 12}} {
		hs := newHarness(t, Options{Cache: sharedCache()}, size[0], size[1])
		hs.keys("2", "G")
		s := strings.Join(strings.Fields(hs.screen()), " ")
		next := hs.article("jamal")
		if !strings.Contains(s, "End of the article") || !strings.Contains(s, "n next:") || !strings.Contains(s, strings.Fields(next.Title)[0]) {
			t.Errorf("at %dx%d the end of article 2 does not name what comes next:\n%s", size[0], size[1], hs.screen())
		}
		hs.keys("4", "G")
		if hs.m.reader.article.Number != 4 {
			hs.keys("esc", "4", "G")
		}
		if s := strings.Join(strings.Fields(hs.screen()), " "); !strings.Contains(s, "End of the issue") {
			t.Errorf("at %dx%d the end of the last article does not say the issue ends:\n%s", size[0], size[1], hs.screen())
		}
	}
	// The marker is not a place to search: a search for its words finds
	// nothing.
	hs := newHarness(t, Options{Cache: sharedCache()}, 80, 24)
	hs.keys("2", "/")
	hs.typeText("End of the article")
	hs.keys("enter")
	if n := len(hs.m.reader.search.matches); n != 0 {
		t.Errorf("a search finds the end marker (%d matches)", n)
	}
}
