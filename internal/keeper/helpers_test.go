package keeper

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"analyst/internal/store"
)

// waitLimit bounds every wait: a bug fails a test rather than hanging it.
const waitLimit = 20 * time.Second

// recorder is an Observer that keeps what it heard.
type recorder struct {
	mu      sync.Mutex
	wrote   []error
	away    []*store.Error
	back    []int64 // the dropped count of each Back
	changed chan struct{}
}

func newRecorder() *recorder { return &recorder{changed: make(chan struct{}, 100)} }

func (r *recorder) Wrote(err error) {
	r.mu.Lock()
	r.wrote = append(r.wrote, err)
	r.mu.Unlock()
}

func (r *recorder) Away(err *store.Error) {
	r.mu.Lock()
	r.away = append(r.away, err)
	r.mu.Unlock()
	r.changed <- struct{}{}
}

func (r *recorder) Back(_ time.Duration, dropped int64) {
	r.mu.Lock()
	r.back = append(r.back, dropped)
	r.mu.Unlock()
	r.changed <- struct{}{}
}

// counts is how many times the store went away and came back.
func (r *recorder) counts() (away, back int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.away), len(r.back)
}

// waitBack waits until the store has come back n times in all.
func (r *recorder) waitBack(t *testing.T, n int) int64 {
	t.Helper()
	deadline := time.After(waitLimit)
	for {
		r.mu.Lock()
		if len(r.back) >= n {
			dropped := r.back[n-1]
			r.mu.Unlock()
			return dropped
		}
		r.mu.Unlock()
		select {
		case <-r.changed:
		case <-deadline:
			t.Fatalf("the store did not come back within %s", waitLimit)
		}
	}
}

// sqliteShared is a Shared over a new SQLite file.
// fast is the timing of tests that wait for a store to come back.
var fast = Timing{Probe: 20 * time.Millisecond}

func sqliteShared(t *testing.T, lim store.Limits, timing Timing) (*Shared, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "readers.db")
	sh, err := OpenShared(context.Background(), path, lim, timing)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sh.Close() })
	return sh, path
}
