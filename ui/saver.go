package ui

import (
	"errors"
	"fmt"
	"sync"

	tea "charm.land/bubbletea/v2"
)

// saver writes the reader's changes to its Keeper as they are made, from
// commands, so that no key waits for a disk or a database. Changes are
// queued in the order the reader made them and written one at a time in
// that order (a highlight added then removed must not be removed first).
// The notebook has one write command in flight at a time; Flush writes
// what is queued, for the end of the program.
//
// A change the keeper does not take is never dropped unsaid. One it
// refuses for good (ErrRefused) is reported, and its highlight taken off
// the screen. Any other failure holds the change, with every change after
// it, in order: the next write tries the held ones again first, and stops
// at the first that fails again. A keeper that is unavailable
// (ErrUnavailable) is tried again with the next change or when the
// program hears it is back; after any other failure (a busy or full
// disk) the notebook tries again after a delay that doubles, and a
// change that failed maxTries times is given up, reported like a
// refusal. Only a place's latest change is held (a place replaces the
// one before), and at most maxHeld changes: past that the oldest are
// given up, reported like a refusal.
type saver struct {
	keeper  Keeper
	mu      sync.Mutex // guards queue, held and dropped
	queue   []change
	held    []change   // changes waiting for the keeper to be back, oldest first
	dropped int        // held changes let go past maxHeld
	writing sync.Mutex // held while changes are written
}

// maxHeld bounds the changes held for a keeper that is unavailable: a
// reader's highlights and notes of an hour or so, whose places are one a
// article.
const maxHeld = 1000

// maxTries is how many times a change that fails, other than for a
// keeper that is unavailable, is tried before it is given up.
const maxTries = 8

// change is one write to the keeper; place, when set, names the article
// whose place it writes (a later one replaces it while they are held).
// lost, when set, is called if the change is given up.
type change struct {
	write func(Keeper) error
	place string
	lost  func()
	tries int // the times it failed
}

// savedMsg ends a write command: whether it wrote anything, and the last
// error, if one failed.
type savedMsg struct {
	wrote bool
	err   error
}

// add queues a change; writeCmd writes it.
func (s *saver) add(write func(Keeper) error) { s.push(change{write: write}) }

// addLosable queues a change that calls lost if it is given up.
func (s *saver) addLosable(write func(Keeper) error, lost func()) {
	s.push(change{write: write, lost: lost})
}

// addPlace queues the change of an article's place.
func (s *saver) addPlace(article string, write func(Keeper) error) {
	s.push(change{write: write, place: article})
}

func (s *saver) push(c change) {
	s.mu.Lock()
	s.queue = append(s.queue, c)
	s.mu.Unlock()
}

// pending reports whether changes wait to be written. Held changes do
// not count: they are tried again with the next change, or when the
// keeper is back (KeepingMsg).
func (s *saver) pending() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.queue) > 0
}

// holding reports whether changes wait for the keeper to be back.
func (s *saver) holding() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.held) > 0
}

// writeCmd writes whatever is queued, held changes first, and says how
// it went.
func (s *saver) writeCmd() tea.Msg {
	wrote, err := s.write()
	return savedMsg{wrote: wrote, err: err}
}

// tries is how many times the first held change failed, 0 when none is
// held.
func (s *saver) tries() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.held) == 0 {
		return 0
	}
	return s.held[0].tries
}

// flush writes the held changes, then the queued ones, in order, and
// returns the last error. A change that fails stops it (unless it is
// refused, or given up): that change and every one after it are held.
func (s *saver) flush() error {
	_, err := s.write()
	return err
}

// write is flush, and whether it wrote anything.
func (s *saver) write() (wrote bool, last error) {
	s.writing.Lock()
	defer s.writing.Unlock()
	for {
		c, ok := s.next()
		if !ok {
			return wrote, last
		}
		wrote = true
		err := c.write(s.keeper)
		switch {
		case err == nil:
		case errors.Is(err, ErrRefused):
			last = err
		case errors.Is(err, ErrUnavailable):
			return wrote, s.hold(c, err)
		case c.tries+1 < maxTries:
			c.tries++
			return wrote, s.hold(c, err)
		default:
			if c.lost != nil {
				c.lost()
			}
			last = err
		}
	}
}

// next takes the first change to write: the oldest held, or else the
// oldest queued.
func (s *saver) next() (change, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	from := &s.held
	if len(s.held) == 0 {
		from = &s.queue
	}
	if len(*from) == 0 {
		return change{}, false
	}
	c := (*from)[0]
	(*from)[0] = change{}
	*from = (*from)[1:]
	return c, true
}

// hold puts c, which failed with err, back first among the held changes,
// and holds everything queued after them. It returns err, or, when
// changes had to go past maxHeld, an error that says so: those are given
// up as a change that keeps failing is (their highlights leave the
// screen), never dropped unsaid.
func (s *saver) hold(c change, err error) error {
	lost := s.holdBounded(c)
	for _, c := range lost {
		if c.lost != nil {
			c.lost()
		}
	}
	if len(lost) == 0 {
		return err
	}
	return fmt.Errorf("%s not kept: too many waiting to be written (%w)", plural(len(lost), "change"), err)
}

// holdBounded is hold's bookkeeping, under the lock; it returns the
// changes let go past maxHeld.
func (s *saver) holdBounded(c change) []change {
	s.mu.Lock()
	defer s.mu.Unlock()
	all := make([]change, 0, 1+len(s.held)+len(s.queue))
	all = append(append(append(all, c), s.held...), s.queue...)
	s.queue = nil
	// A place's latest change is all that needs keeping.
	latest := map[string]int{}
	for i, c := range all {
		if c.place != "" {
			latest[c.place] = i
		}
	}
	s.held = s.held[:0]
	for i, c := range all {
		if c.place == "" || latest[c.place] == i {
			s.held = append(s.held, c)
		}
	}
	over := len(s.held) - maxHeld
	if over <= 0 {
		return nil
	}
	s.dropped += over
	lost := append([]change(nil), s.held[:over]...)
	s.held = append([]change(nil), s.held[over:]...)
	return lost
}

// setKeeper replaces the keeper, between writes.
func (s *saver) setKeeper(k Keeper) {
	s.writing.Lock()
	defer s.writing.Unlock()
	s.keeper = k
}
