package main

import (
	"math/rand/v2"
	"testing"
	"time"
)

// A reader's highlights fall once every period, from a phase within the
// first, whatever the times its keys are pressed at.
func TestHighlightsFallOnceAPeriod(t *testing.T) {
	t0 := time.Unix(0, 0)
	for seed := range uint64(50) {
		h := newHighlightDue(t0, time.Minute, rand.New(rand.NewPCG(seed, 1)))
		first := h.next
		if first.Before(t0) || !first.Before(t0.Add(time.Minute)) {
			t.Fatalf("the first highlight at %s, outside the first minute", first.Sub(t0))
		}
		n, last := 0, t0
		for at := t0; at.Before(t0.Add(5 * time.Minute)); at = at.Add(2 * time.Second) {
			if h.now(at) {
				n++
			}
			last = at
		}
		want := 0 // the due times up to the last key
		for due := first; !due.After(last); due = due.Add(time.Minute) {
			want++
		}
		if n != want || n < 4 {
			t.Errorf("seed %d: %d highlights in five minutes of a key every 2s, want %d", seed, n, want)
		}
	}
	var none highlightDue
	if none.now(t0.Add(time.Hour)) {
		t.Error("without a period, no highlight")
	}
}

// The readers' keys are one each, and the same for a seed.
func TestReaderKeysAreOneEach(t *testing.T) {
	a, err := readerKeys(20, 7)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := readerKeys(20, 7)
	seen := map[string]bool{}
	for i := range a {
		fp := string(a[i].PublicKey().Marshal())
		if seen[fp] {
			t.Fatalf("key %d repeats an earlier one", i)
		}
		seen[fp] = true
		if string(b[i].PublicKey().Marshal()) != fp {
			t.Errorf("key %d differs for the same seed", i)
		}
	}
}
