package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestKeysDoNothingBehindTooSmall: below the minimum size only quit and
// help act; enter, digits and scrolling wait for a terminal big enough
// to show what they would do.
func TestKeysDoNothingBehindTooSmall(t *testing.T) {
	hs := newHarness(t, Options{Cache: sharedCache()}, 20, 6)
	hs.keys("enter", "2", "j", "/", "x")
	hs.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if hs.m.screen != listScreen || hs.m.list.filtering || hs.m.list.filter.value != "" {
		t.Fatalf("keys pressed behind \"Terminal too small\" acted:\n%s", hs.screen())
	}

	hs.send(tea.WindowSizeMsg{Width: 20, Height: 6})
	hs.keys("?")
	hs.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if !strings.HasPrefix(hs.screen(), " Keys") {
		t.Errorf("? behind \"Terminal too small\" did not open help:\n%s", hs.screen())
	}
	hs.send(tea.WindowSizeMsg{Width: 20, Height: 6})
	hs.keys("q")
	if !hs.quit {
		t.Errorf("q behind \"Terminal too small\" did not quit")
	}
}
