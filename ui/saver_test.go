package ui

import (
	"errors"
	"strings"
	"testing"
)

// Past maxHeld, the oldest held changes are given up as a change that
// keeps failing is: a highlight among them leaves the screen (its lost is
// called) and the failure says how many were not kept. Before, they went
// unsaid: the highlight stayed on screen, never kept.
func TestChangesPastMaxHeldAreGivenUpAndSaid(t *testing.T) {
	k := &outageKeeper{MemoryKeeper: *NewMemoryKeeper(Kept{})}
	k.setDown(true)
	s := &saver{keeper: k}
	lost := false
	s.addLosable(func(k Keeper) error {
		_, err := k.AddHighlight(Highlight{Article: "a/b", Section: "s", Quote: "q"})
		return err
	}, func() { lost = true })
	for range maxHeld {
		s.add(func(k Keeper) error { return k.SaveNote(1, "n") })
	}
	err := s.flush()
	if !errors.Is(err, ErrUnavailable) {
		t.Fatalf("flush: %v, want the keeper's unavailability still said", err)
	}
	if !lost {
		t.Errorf("the highlight let go past maxHeld is still on screen, as if it would be kept")
	}
	if notice := failedNotice(err); !strings.HasPrefix(notice, "1 change not kept") {
		t.Errorf("the notice does not say a change was not kept: %q", notice)
	}
	if len(s.held) != maxHeld || s.dropped != 1 {
		t.Errorf("held %d, dropped %d: want %d and 1", len(s.held), s.dropped, maxHeld)
	}
}
