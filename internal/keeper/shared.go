package keeper

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"analyst/internal/store"
)

// Shared is a server's store, shared by every session and command of the
// process. Every call gets a deadline (store.LoadTimeout for reads,
// store.ChangeTimeout for changes), so that no reader's command waits
// longer on a database that stalls. Once a call finds the database away
// (store.ErrUnavailable: it went away, or did not answer in time), Shared
// is down: every call fails at once with "your changes are not being
// kept: …", without asking the database, while one goroutine asks it
// every second (Timing) until it answers; then Shared is up again. The
// Observer hears of both, and of every change's outcome. A store that
// could not be reached at the server's start is opened by the same
// goroutine once it can be.
type Shared struct {
	open   func(context.Context) (*store.Store, error) // opens the store when it was not at the start
	st     atomic.Pointer[store.Store]
	obs    atomic.Pointer[observerBox]
	Limits store.Limits // the limits the store was opened with, for the reader's editor
	timing Timing

	mu      sync.Mutex
	down    *store.Error // why calls fail, nil while up
	since   time.Time    // when it went down
	dropped int64        // changes refused at once since
	probing bool
	closed  bool
	stop    chan struct{}
	probes  sync.WaitGroup
	// life ends at Close: a probe under way (an open can take
	// store.OpenTimeout) ends with it.
	life    context.Context
	endLife context.CancelFunc
}

// Observer hears what becomes of a Shared store's calls. Its methods are
// called from many goroutines, and must not block.
type Observer interface {
	// Wrote hears of every change: kept (nil), refused by a limit, or
	// failed, as the store's *Error says.
	Wrote(err error)
	// Away hears that the database went away: why.
	Away(err *store.Error)
	// Back hears that the database answers again, after how long, and
	// how many changes were not kept meanwhile.
	Back(away time.Duration, dropped int64)
}

type observerBox struct{ Observer }

// Timing is how long calls may take, and how often a store that is down
// is asked again. A zero field is the default: store.LoadTimeout,
// store.ChangeTimeout, defaultProbeEvery.
type Timing struct {
	Load, Change, Probe time.Duration
}

func (t Timing) orDefaults() Timing {
	if t.Load <= 0 {
		t.Load = store.LoadTimeout
	}
	if t.Change <= 0 {
		t.Change = store.ChangeTimeout
	}
	if t.Probe <= 0 {
		t.Probe = defaultProbeEvery
	}
	return t
}

// defaultProbeEvery is how often a store that is down is asked again: a
// reader is told within a second or so that their changes are kept again,
// and a database coming back meets one query a second from each instance.
const defaultProbeEvery = time.Second

// OpenShared opens the store a server names (store.OpenDSN, within
// store.OpenTimeout). A database that cannot be reached now
// (store.ErrUnavailable) is no error: Shared starts down, says so to its
// Observer, and opens the store as soon as it can, while the readers read
// without saving. Any other error (a malformed URL, a refused login, a
// database that is not analyst's, a file that cannot be written) is
// returned: it will not mend itself.
func OpenShared(ctx context.Context, dsn string, lim store.Limits, timing Timing) (*Shared, error) {
	open := func(ctx context.Context) (*store.Store, error) {
		ctx, cancel := context.WithTimeout(ctx, store.OpenTimeout)
		defer cancel()
		st, err := store.OpenDSN(ctx, dsn, lim)
		if err != nil && st != nil { // readable, but changes would fail: not a server's store
			st.Close()
			st = nil
		}
		return st, err
	}
	s := newShared(open, lim, timing.orDefaults())
	st, err := open(ctx)
	switch {
	case err == nil:
		s.st.Store(st)
	case errors.Is(err, store.ErrUnavailable):
		s.wentDown(err)
	default:
		return nil, err
	}
	return s, nil
}

func newShared(open func(context.Context) (*store.Store, error), lim store.Limits, timing Timing) *Shared {
	s := &Shared{open: open, Limits: lim, timing: timing, stop: make(chan struct{})}
	s.life, s.endLife = context.WithCancel(context.Background())
	return s
}

// Observe makes obs hear what becomes of the calls from now on; nil, no
// one.
func (s *Shared) Observe(obs Observer) {
	s.obs.Store(&observerBox{obs})
}

func (s *Shared) observer() Observer {
	if b := s.obs.Load(); b != nil && b.Observer != nil {
		return b.Observer
	}
	return nopObserver{}
}

// Down returns why the store cannot be used now, or nil.
func (s *Shared) Down() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.down == nil {
		return nil
	}
	return s.down
}

// Keeper is the keeper of an owner's things (a key's fingerprint).
func (s *Shared) Keeper(owner string) *Keeper { return New(s, owner) }

// Run runs a call with its deadline, or fails at once while the store is
// down.
func (s *Shared) Run(call Call, fn func(ctx context.Context, st *store.Store) error) error {
	st, down := s.state()
	if down != nil {
		if call == Change {
			s.mu.Lock()
			s.dropped++
			s.mu.Unlock()
			s.observer().Wrote(down)
		}
		return down
	}
	timeout := s.timing.Load
	if call == Change {
		timeout = s.timing.Change
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	err := fn(ctx, st)
	if errors.Is(err, store.ErrUnavailable) {
		s.wentDown(err)
	}
	if call == Change {
		s.observer().Wrote(err)
	}
	return err
}

// state is the store and, while it is down, why.
func (s *Shared) state() (*store.Store, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.down != nil {
		return nil, s.down
	}
	return s.st.Load(), nil
}

// wentDown marks the store down, tells the Observer, and starts asking
// the database until it answers; a store already down stays as it was.
func (s *Shared) wentDown(err error) {
	s.mu.Lock()
	if s.down != nil || s.closed {
		s.mu.Unlock()
		return
	}
	s.down, s.since, s.dropped = notBeingKept(err), time.Now(), 0
	down := s.down
	if !s.probing {
		s.probing = true
		s.probes.Add(1)
		go s.probe()
	}
	s.mu.Unlock()
	s.observer().Away(down)
}

// probe asks the database, every ProbeEvery, whether it answers (opening
// the store first if it never was), until it does or Close.
func (s *Shared) probe() {
	defer s.probes.Done()
	tick := time.NewTicker(s.timing.Probe)
	defer tick.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-tick.C:
		}
		if s.answers() {
			s.cameBack()
			return
		}
	}
}

// answers asks the database once: opens the store, if it never was (the
// open bounds itself by store.OpenTimeout), or asks it within LoadTimeout.
func (s *Shared) answers() bool {
	st := s.st.Load()
	if st == nil {
		opened, err := s.open(s.life)
		if err != nil {
			return false
		}
		if !s.st.CompareAndSwap(nil, opened) {
			opened.Close()
		}
		return true
	}
	ctx, cancel := context.WithTimeout(s.life, s.timing.Load)
	defer cancel()
	return st.Keeps(ctx, store.LocalOwner) == nil
}

// cameBack marks the store up and tells the Observer.
func (s *Shared) cameBack() {
	s.mu.Lock()
	s.probing = false
	if s.closed {
		s.mu.Unlock()
		return
	}
	away, dropped := time.Since(s.since), s.dropped
	s.down, s.dropped = nil, 0
	s.mu.Unlock()
	s.observer().Back(away, dropped)
}

// Close stops asking a database that is down, and closes the store.
// Calls after it fail.
func (s *Shared) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	if s.down == nil {
		s.down = &store.Error{Op: opChanges, Problem: store.Unavailable, Reason: "the server is going down"}
	}
	close(s.stop)
	s.endLife()
	s.mu.Unlock()
	s.probes.Wait()
	if st := s.st.Swap(nil); st != nil {
		return st.Close()
	}
	return nil
}

type nopObserver struct{}

func (nopObserver) Wrote(error)               {}
func (nopObserver) Away(*store.Error)         {}
func (nopObserver) Back(time.Duration, int64) {}
