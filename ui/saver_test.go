package ui

import (
	"sync"
	"testing"
)

// orderKeeper records the places written, in order.
type orderKeeper struct {
	MemoryKeeper
	mu      sync.Mutex
	written []float64
}

func (k *orderKeeper) SavePlace(a string, p Place) error {
	k.mu.Lock()
	k.written = append(k.written, p.Fraction)
	k.mu.Unlock()
	return nil
}

// TestSaverWritesInTheOrderOfTheChanges queues changes while commands
// run in goroutines of their own, as Bubble Tea runs them: every change
// is written once, in the order it was made.
func TestSaverWritesInTheOrderOfTheChanges(t *testing.T) {
	k := &orderKeeper{}
	s := &saver{keeper: k}
	var wg sync.WaitGroup
	const n = 2000
	for i := range n {
		s.add(func(k Keeper) error { return k.SavePlace("x/y", Place{Fraction: float64(i)}) })
		if i%50 == 0 {
			wg.Add(1)
			go func() { defer wg.Done(); s.writeCmd() }()
		}
	}
	wg.Wait()
	if err := s.flush(); err != nil {
		t.Fatal(err)
	}
	if len(k.written) != n {
		t.Fatalf("%d changes written, want %d", len(k.written), n)
	}
	for i, f := range k.written {
		if f != float64(i) {
			t.Fatalf("change %d written as %v: out of order", i, f)
		}
	}
	if s.pending() {
		t.Errorf("nothing is left queued")
	}
}
