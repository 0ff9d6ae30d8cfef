package ui

import (
	"regexp"
	"testing"

	tea "charm.land/bubbletea/v2"
)

var percentReadOn = regexp.MustCompile(`(\d+)% read`)

// readPercent is the first "N% read" on the screen, or "".
func (hs *harness) readPercent() string {
	m := percentReadOn.FindStringSubmatch(hs.screen())
	if m == nil {
		return ""
	}
	return m[1]
}

// The list and the reader say the same "% read" of one place, at any
// size of the terminal: the share of the article's words before the
// reader's place, not how far the pane has scrolled.
func TestPercentReadIsTheSameEverywhere(t *testing.T) {
	keeper := NewMemoryKeeper(Kept{})
	hs := newHarness(t, Options{Keeper: keeper, Cache: sharedCache()}, 120, 40)
	hs.keys("3", "space", "space", "j", "j")
	want := hs.readPercent()
	if want == "" || want == "0" {
		t.Fatalf("the sidebar says how far the reader is:\n%s", hs.screen())
	}
	for _, size := range [][2]int{{100, 30}, {80, 24}, {40, 12}, {150, 50}} {
		hs.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		if got := hs.readPercent(); got != want {
			t.Errorf("at %dx%d the reader says %s%% read, at 120x40 %s%%", size[0], size[1], got, want)
		}
	}
	hs.keys("esc")
	if got := hs.readPercent(); got != want {
		t.Errorf("the list says %s%% read, the reader said %s%%:\n%s", got, want, hs.screen())
	}
	for _, size := range [][2]int{{120, 40}, {80, 24}, {40, 12}} {
		again := newHarness(t, Options{Keeper: keeper, Cache: sharedCache()}, size[0], size[1])
		if got := again.readPercent(); got != want {
			t.Errorf("the next run's list at %dx%d says %s%% read, want %s%%", size[0], size[1], got, want)
		}
		again.keys("enter")
		if got := again.readPercent(); got != want {
			t.Errorf("the next run's reader at %dx%d says %s%% read at the kept place, want %s%%", size[0], size[1], got, want)
		}
	}
}
