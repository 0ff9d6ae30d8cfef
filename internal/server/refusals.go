package server

import (
	"sync"
	"time"

	"charm.land/log/v2"
)

// refusalWindow is how long refusals for one reason are counted rather
// than logged, after one is logged.
const refusalWindow = 10 * time.Second

// refusalLog logs refused connections without letting a flood of them
// flood the log: the first refusal for a reason is logged as it happens,
// with its address; those for the same reason in the window after it are
// counted, and their count is logged when the window ends. It holds one
// entry per reason, of which there are a few.
type refusalLog struct {
	log    *log.Logger
	window time.Duration

	mu     sync.Mutex
	quiet  map[string]time.Time // reason → until when its refusals are counted
	counts map[string]int       // reason → refusals counted
	timer  *time.Timer          // logs the counts; running while there are some
}

func newRefusalLog(l *log.Logger, window time.Duration) *refusalLog {
	return &refusalLog{log: l, window: window, quiet: map[string]time.Time{}, counts: map[string]int{}}
}

// refused logs, or counts, a connection from remote refused for reason.
func (r *refusalLog) refused(remote, reason string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := time.Now()
	if now.Before(r.quiet[reason]) {
		r.counts[reason]++
		if r.timer == nil {
			r.timer = time.AfterFunc(r.quiet[reason].Sub(now), r.flush)
		}
		return
	}
	r.quiet[reason] = now.Add(r.window)
	r.log.Warn("refused", "remote", remote, "reason", reason)
}

// flush logs the counts, and stops the timer; a count logged starts a new
// window for its reason, so that a flood that goes on is logged once a
// window.
func (r *refusalLog) flush() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.timer != nil {
		r.timer.Stop()
		r.timer = nil
	}
	now := time.Now()
	for reason, n := range r.counts {
		r.log.Warn("refused", "reason", reason, "count", n, "within", r.window)
		delete(r.counts, reason)
		r.quiet[reason] = now.Add(r.window)
	}
}
