package ui

import (
	"math/rand/v2"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// TestRandomKeysAndResizes presses 10,000 random keys, with resizes from
// 1x1 to 300x100 among them, and checks after each that nothing panicked
// and the view fits the terminal.
func TestRandomKeysAndResizes(t *testing.T) {
	keys := []string{
		"j", "k", "up", "down", "space", "pgdown", "pgup", "f", "b", "d", "u", "g", "G", "home", "end",
		"]", "[", "n", "p", "/", "ctrl+n", "ctrl+p", "esc", "enter", "tab", "s", "?", "backspace",
		"1", "2", "3", "4", "5", "9", "a", "z", "é", "Ж", "ctrl+u", "l", "h", "right", "left", "A",
	}
	seed := uint64(20260126)
	rng := rand.New(rand.NewPCG(seed, seed))
	hs := newHarness(t, Options{Cache: sharedCache()}, 80, 24)
	w, h := 80, 24
	for i := range 10000 {
		var what string
		switch r := rng.IntN(100); {
		case r < 3:
			w, h = 1+rng.IntN(300), 1+rng.IntN(100)
			what = "resize"
			hs.send(tea.WindowSizeMsg{Width: w, Height: h})
		case r < 5:
			what = "wheel"
			hs.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
		default:
			what = keys[rng.IntN(len(keys))]
			if what == "q" {
				continue
			}
			hs.keys(what)
		}
		if hs.quit {
			t.Fatalf("step %d (%s): the program quit", i, what)
		}
		view := hs.m.View().Content
		lines := strings.Split(view, "\n")
		if len(lines) > h {
			t.Fatalf("step %d (%s) at %dx%d: %d lines", i, what, w, h, len(lines))
		}
		for n, l := range lines {
			if lw := ansi.StringWidth(l); lw > w {
				t.Fatalf("step %d (%s) at %dx%d: line %d is %d wide: %q", i, what, w, h, n, lw, ansi.Strip(l))
			}
		}
	}
}
