package server

import (
	"bytes"
	"errors"
	"io"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"analyst/ui"
)

// Defaults of a session's input budget. A reader typing, holding a key down
// (30 keys a second, 3 bytes each for an arrow) or scrolling with a wheel
// (about 12 bytes an event) stays well under the rate; the burst takes a
// pasted search, a fast swipe on a touchpad, or a few seconds of both.
// Beyond it, each byte that gets through is at most one frame drawn, a few
// hundred microseconds: at the rate, under a tenth of a core however the
// client floods.
const (
	DefaultInputRate  = 512      // bytes a second
	DefaultInputBurst = 8 * 1024 // bytes at once
)

// msgInputDropped is the notice a reader sees, once, when input over the
// budget was dropped.
const msgInputDropped = "Input is arriving faster than anyone types: what came too fast was dropped."

// Bracketed paste: the terminal wraps pasted text in these.
const (
	pasteStart = "\x1b[200~"
	pasteEnd   = "\x1b[201~"
)

// sessionInput is what a reader program reads from its session: the
// client's bytes within the session's input budget, a token bucket of
// bytes. Every byte that reaches the program costs decoding, and a key
// that changes the screen costs a frame; input beyond the budget is
// dropped before any of that, a whole read at a time (a read is one
// packet from the client, so escape sequences seldom break). A bracketed
// paste that the budget cuts is closed for the program, which gets what
// fitted, and the rest of it is dropped up to its end: a paste is never
// left open to swallow the keys after it.
type sessionInput struct {
	r      io.Reader
	budget bucket
	rate   float64 // tokens (bytes) a second
	burst  float64
	now    func() time.Time

	pasting  bool   // the program is inside a paste whose start it got
	skipping bool   // dropping a paste, up to its end
	pending  []byte // to hand over before reading on: a paste's end
	tail     []byte // the last bytes read, for a marker split between reads
	scan     []byte // tail and the bytes read, to look for markers in
	err      error  // to return once pending is handed over

	dropped func() // called after the first drop
	told    bool
	ended   func() // called once the program has read all there was
}

// newSessionInput reads r within a budget of rate bytes a second after a
// burst; dropped is called once, the first time input is dropped, and
// ended when the input ends.
func newSessionInput(r io.Reader, rate float64, burst int, dropped, ended func()) *sessionInput {
	s := &sessionInput{
		r: r, rate: rate, burst: float64(max(burst, 1)), now: time.Now,
		dropped: dropped, ended: ended,
	}
	s.budget = bucket{tokens: s.burst, last: s.now()}
	return s
}

func (s *sessionInput) Read(p []byte) (int, error) {
	for {
		if len(s.pending) > 0 {
			n := copy(p, s.pending)
			s.pending = s.pending[n:]
			return n, nil
		}
		if s.err != nil {
			if errors.Is(s.err, io.EOF) && s.ended != nil {
				s.ended()
				s.ended = nil
			}
			return 0, s.err
		}
		n, err := s.r.Read(p)
		s.err = err
		if n == 0 {
			continue
		}
		if s.admit(p[:n]) {
			return n, nil
		}
	}
}

// admit says whether a read passes, taking its bytes from the budget, and
// keeps track of pastes either way.
func (s *sessionInput) admit(b []byte) bool {
	s.scan = append(append(s.scan[:0], s.tail...), b...)
	from := len(s.tail)
	s.tail = append(s.tail[:0], s.scan[max(len(s.scan)-len(pasteStart)+1, 0):]...)

	if s.rate <= 0 {
		return true // no budget
	}
	if !s.skipping && s.budget.take(s.now(), s.rate, s.burst, float64(len(b))) {
		s.markers(from, func(start bool) { s.pasting = start })
		return true
	}
	if !s.told && s.dropped != nil {
		s.told = true
		s.dropped()
	}
	if s.pasting {
		// Close the paste the program is in; its real end is still to come.
		s.pending = append(s.pending[:0], pasteEnd...)
		s.pasting, s.skipping = false, true
	}
	s.markers(from, func(start bool) { s.skipping = start })
	return false
}

// markers calls found for each paste marker in s.scan that ends at or
// after from, in order: start or end.
func (s *sessionInput) markers(from int, found func(start bool)) {
	const prefix = "\x1b[20"
	i := max(from-len(pasteStart)+1, 0)
	for {
		j := bytes.Index(s.scan[i:], []byte(prefix))
		if j < 0 {
			return
		}
		i += j
		rest := s.scan[i:]
		switch {
		case bytes.HasPrefix(rest, []byte(pasteStart)):
			found(true)
		case bytes.HasPrefix(rest, []byte(pasteEnd)):
			found(false)
		}
		i += len(prefix)
	}
}

// readerInput is a reader program's input: the session's, within the
// budget. The first drop puts a notice on the reader's screen for
// noticeTime; the end of input (ssh -tt HOST </dev/null, or a client that
// closed its side) ends the program. program gives the program, which is
// made after its input.
func (s *Server) readerInput(sess io.Reader, program func() *tea.Program) *readerIn {
	in := &readerIn{}
	dropped := func() {
		p := program()
		go p.Send(ui.NoticeMsg(msgInputDropped))
		in.mu.Lock()
		defer in.mu.Unlock()
		if !in.stopped {
			in.clear = time.AfterFunc(noticeTime, func() {
				if !s.closing.Load() { // the notice on screen may be the shutdown's
					p.Send(ui.NoticeMsg(""))
				}
			})
		}
	}
	ended := func() { program().Quit() }
	in.sessionInput = newSessionInput(sess, s.cfg.InputRate, s.cfg.InputBurst, dropped, ended)
	return in
}

// noticeTime is how long the notice of dropped input stays.
const noticeTime = 10 * time.Second

// readerIn is a reader's sessionInput, with the timer that takes its
// notice away.
type readerIn struct {
	*sessionInput
	mu      sync.Mutex
	clear   *time.Timer
	stopped bool
}

// stop stops the timer, at the end of the session.
func (in *readerIn) stop() {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.stopped = true
	if in.clear != nil {
		in.clear.Stop()
	}
}
