package server

import (
	"context"
	"sync"
	"testing"
	"time"

	"charm.land/ssh"
)

// A flood of window changes reaches the reader as a few sizes, the last
// of them the last sent.
func TestResizesAreThrottled(t *testing.T) {
	winch := make(chan ssh.Window)
	var (
		mu   sync.Mutex
		got  []int
		done = make(chan struct{})
	)
	go func() {
		defer close(done)
		forwardResizes(context.Background(), winch, 50*time.Millisecond, func(w ssh.Window) {
			mu.Lock()
			got = append(got, w.Width)
			mu.Unlock()
		})
	}()
	start := time.Now()
	const sent = 2000
	for i := 1; i <= sent; i++ {
		winch <- ssh.Window{Width: i, Height: 40}
	}
	elapsed := time.Since(start)
	time.Sleep(150 * time.Millisecond) // for the last to pass
	close(winch)
	<-done

	mu.Lock()
	defer mu.Unlock()
	if len(got) == 0 || got[0] != 1 || got[len(got)-1] != sent {
		t.Fatalf("sizes passed: %v; want the first at once and the last at the end", got)
	}
	// One an interval, and the first and last: a generous bound for a
	// slow machine.
	if most := int(elapsed/(50*time.Millisecond)) + 3; len(got) > most {
		t.Errorf("%d of %d sizes passed in %s; want at most %d", len(got), sent, elapsed, most)
	}
}
