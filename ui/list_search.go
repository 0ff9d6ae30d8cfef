package ui

import (
	"context"
	"strings"

	tea "charm.land/bubbletea/v2"

	"analyst/internal/content"
)

// maxPassages is how many passages the list shows for a query: the best
// ones; the count says how many there are in all.
const maxPassages = 100

// librarySearch is the lower part of the issue list while a filter is
// typed or kept: the passages of the whole library that hold the filter's
// text. Each change of the text starts a search in the background (a
// command, so keys keep coming) and cancels the one before; results that
// arrive for an older text are dropped by their generation number.
type librarySearch struct {
	gen     int                // the generation of the latest search asked for
	cancel  context.CancelFunc // ends the search running, if any
	pending bool               // a search for the latest text is running
	found   content.Passages   // the latest results; found.Query is what they are for
}

// passagesMsg carries the results of the search of one generation.
type passagesMsg struct {
	gen   int
	found content.Passages
	err   error
}

// search starts a search for query, superseding any running one. An
// empty query clears the results.
func (s *librarySearch) search(lib *content.Library, query string) tea.Cmd {
	s.stop()
	s.gen++
	if strings.TrimSpace(query) == "" {
		s.found = content.Passages{}
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel, s.pending = cancel, true
	gen := s.gen
	return func() tea.Msg {
		found, err := lib.SearchPassages(ctx, query, maxPassages)
		return passagesMsg{gen: gen, found: found, err: err}
	}
}

// receive takes the results of a search; it reports whether they are
// the latest, and so shown.
func (s *librarySearch) receive(msg passagesMsg) bool {
	if msg.gen != s.gen || msg.err != nil {
		return false // superseded, or cancelled because it was
	}
	s.stop()
	s.found = msg.found
	return true
}

// stop cancels the search running, if any.
func (s *librarySearch) stop() {
	if s.cancel != nil {
		s.cancel()
	}
	s.cancel, s.pending = nil, false
}

// clear stops the search and forgets its results.
func (s *librarySearch) clear() {
	s.stop()
	s.gen++
	s.found = content.Passages{}
}

// shown are the passages on the list.
func (s *librarySearch) shown() []content.Passage { return s.found.Best }

// prepareCmd reads and prepares the whole library for searches in the
// background, so that the first results of a search that begins now do
// not wait for it. It says when that is done, for the problems of the
// issues it read to be shown.
func prepareCmd(lib *content.Library) tea.Cmd {
	return func() tea.Msg {
		lib.Prepare()
		return libraryReadMsg{}
	}
}
