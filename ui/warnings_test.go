package ui

import (
	"strings"
	"testing"
)

// TestWarningsShowAtOnce: warnings from the start (a broken article, a
// state that cannot be saved) are on the notice line of the first frame,
// the first in full and a count of the rest, until a key is pressed.
func TestWarningsShowAtOnce(t *testing.T) {
	warnings := []string{"articles/2026-01/09-x.md:1: missing front matter", "cannot save places", "third"}
	hs := newHarness(t, Options{Cache: sharedCache(), Warnings: warnings}, 100, 30)
	top := strings.Split(hs.screen(), "\n")[0]
	if !strings.Contains(top, warnings[0]) || !strings.Contains(top, "1 of 3") {
		t.Errorf("the first frame's top line does not carry the warnings: %q", top)
	}
	hs.keys("j")
	if top := strings.Split(hs.screen(), "\n")[0]; strings.Contains(top, "missing front matter") {
		t.Errorf("the warning stays after a key: %q", top)
	}

	hs = newHarness(t, Options{Cache: sharedCache(), Warnings: warnings[1:2]}, 100, 30)
	if top := strings.Split(hs.screen(), "\n")[0]; !strings.Contains(top, "cannot save places") || strings.Contains(top, "of") {
		t.Errorf("one warning: %q", top)
	}
}
