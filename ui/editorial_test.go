package ui

import (
	"strings"
	"testing"
)

// A headline written for this edition is never shown as the journal's
// title where no legend explains the list's *: in brackets at the end of
// the article before it, on the highlights screen (and its filter finds
// it), and in the terminal's window title.
func TestEditorialHeadlinesAreMarkedEverywhere(t *testing.T) {
	hs := newHarness(t, Options{Cache: sharedCache()}, 100, 30)
	hs.keys("2", "G")
	if s := strings.Join(strings.Fields(hs.screen()), " "); !strings.Contains(s, "n next: [Pakistan, the Abraham Accords") {
		t.Errorf("the end marker names the next article's headline without its mark:\n%s", hs.screen())
	}
	hs.keys("n")
	if got := hs.m.View().WindowTitle; got != "[Pakistan, the Abraham Accords and Central Asian Connectivity]" {
		t.Errorf("window title %q", got)
	}
	hs.keys("p")
	if got := hs.m.View().WindowTitle; got != "The Armenia–Azerbaijan Peace Process Enters 2026" {
		t.Errorf("the journal's title is the window title as it is: %q", got)
	}
	hs.keys("n", "v", "m", "H")
	if !strings.Contains(hs.screen(), "3 · [Pakistan, the Abraham") {
		t.Errorf("the highlights screen names the article without the headline's mark:\n%s", hs.screen())
	}
	hs.keys("/")
	hs.typeText("[pakistan")
	if got := len(hs.m.highlights.entries()); got != 1 {
		t.Errorf("the filter finds the headline as shown: %d entries", got)
	}
}
