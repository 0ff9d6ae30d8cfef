package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"analyst/internal/render"
	"analyst/internal/testlib"
)

// TestASCIIStyleDrawsOnlyASCII: with --style ascii, every character the
// reader draws is ASCII; only the article's own text keeps its letters
// and punctuation (’, “, –), as it is written.
func TestASCIIStyleDrawsOnlyASCII(t *testing.T) {
	lib := testlib.Library(t)
	var text strings.Builder
	for _, a := range lib.Articles() {
		text.WriteString(a.Title + a.Author)
		for _, s := range a.Sections {
			text.WriteString(s.Markdown)
		}
	}
	fromText := text.String()
	cache := sharedCache()
	screens := [][]string{
		nil, {"/", "x"}, {"?"}, {"2"}, {"2", "s"}, {"2", "tab"}, {"2", "/", "b", "a", "k", "u", "enter"},
		{"2", "/", "q"}, {"2", "?"}, {"2", "G"}, {"2", "i"},
		{"/", "g", "w", "a", "d", "a", "r"}, {"1", "A"}, {"1", "A", "/", "e", "u"}, {"1", "]", "]"},
		{"2", "v", "m"}, {"2", "v", "a", "x"}, {"2", "v", "a", "x", "enter", "esc", "esc", "H"}, {"2", "G", "esc"},
	}
	for _, size := range [][2]int{{120, 40}, {80, 24}, {40, 12}, {20, 6}} {
		for _, keys := range screens {
			hs := newHarness(t, Options{Library: lib, Cache: cache, Style: render.ASCII}, size[0], size[1])
			hs.keys(keys...)
			if size[0] < minWidth {
				hs.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			}
			for _, r := range hs.screen() {
				if r > 127 && !strings.ContainsRune(fromText, r) {
					t.Errorf("at %dx%d after %q the ascii style draws %q:\n%s", size[0], size[1], keys, r, hs.screen())
					break
				}
			}
		}
	}
}
