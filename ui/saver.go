package ui

import (
	"sync"

	tea "charm.land/bubbletea/v2"
)

// saver writes the reader's changes to its Keeper as they are made, from
// commands, so that no key waits for a disk. Changes are queued in the
// order the reader made them and written one at a time in that order
// (a highlight added then removed must not be removed first), whichever
// command goroutine runs first. Flush writes what is queued, for the end
// of the program.
type saver struct {
	keeper  Keeper
	mu      sync.Mutex // guards queue
	queue   []change
	writing sync.Mutex // held while changes are written
}

// change is one write to the keeper.
type change func(Keeper) error

// savedMsg reports a write that failed, or, after one did, the first
// that succeeded again (err nil).
type savedMsg struct{ err error }

// add queues a change; writeCmd writes it.
func (s *saver) add(c change) {
	s.mu.Lock()
	s.queue = append(s.queue, c)
	s.mu.Unlock()
}

// pending reports whether changes wait to be written.
func (s *saver) pending() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.queue) > 0
}

// writeCmd writes whatever is queued; a command that finds the queue
// empty (another wrote its change) does nothing.
func (s *saver) writeCmd() tea.Msg {
	if err := s.flush(); err != nil {
		return savedMsg{err}
	}
	return savedMsg{}
}

// flush writes the queued changes in order, and returns the last error.
func (s *saver) flush() error {
	s.writing.Lock()
	defer s.writing.Unlock()
	var last error
	for {
		s.mu.Lock()
		if len(s.queue) == 0 {
			s.mu.Unlock()
			return last
		}
		c := s.queue[0]
		s.queue[0] = nil
		s.queue = s.queue[1:]
		s.mu.Unlock()
		if err := c(s.keeper); err != nil {
			last = err
		}
	}
}

// setKeeper replaces the keeper, between writes.
func (s *saver) setKeeper(k Keeper) {
	s.writing.Lock()
	defer s.writing.Unlock()
	s.keeper = k
}
