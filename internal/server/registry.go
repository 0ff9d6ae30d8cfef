package server

import (
	"context"
	"sync"

	tea "charm.land/bubbletea/v2"

	"analyst/ui"
)

// registry knows the reader programs running, so that a shutdown can tell
// each of them and end them, and counts the sessions being served, so that
// it can wait for them. It holds nothing once its sessions end.
type registry struct {
	mu       sync.Mutex
	programs map[*tea.Program]*endReason
	keyed    map[*tea.Program]bool // the programs whose readers' things the store keeps
	open     int                   // sessions between enter and leave
	changed  chan struct{}         // closed and replaced whenever a program or session leaves
}

// endReason is why the server ended a session, said to the reader after
// the program has restored the terminal; why is its label in the metrics.
type endReason struct {
	mu   sync.Mutex
	why  string
	text string
}

func (r *endReason) set(why, text string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.text == "" {
		r.why, r.text = why, text
	}
}

// kind is the label of why the server ended the session, or "".
func (r *endReason) kind() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.why
}

func (r *endReason) get() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.text
}

func (g *registry) init() {
	g.programs = map[*tea.Program]*endReason{}
	g.keyed = map[*tea.Program]bool{}
	g.changed = make(chan struct{})
}

// add registers a running program; keyed, when the store keeps what its
// reader makes.
func (g *registry) add(p *tea.Program, why *endReason, keyed bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.programs[p] = why
	if keyed {
		g.keyed[p] = true
	}
}

func (g *registry) remove(p *tea.Program) {
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.programs, p)
	delete(g.keyed, p)
	close(g.changed)
	g.changed = make(chan struct{})
}

// enter counts a session in; leave counts it out once it has been given
// its exit status, the last thing it sends.
func (g *registry) enter() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.open++
}

func (g *registry) leave() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.open--
	close(g.changed)
	g.changed = make(chan struct{})
}

// notify shows a notice on every reader's status line. Sends happen in
// goroutines, without the lock: a Send waits for a starting program, and
// returns as soon as the program ends.
func (g *registry) notify(text string) {
	for _, p := range g.list(nil) {
		go p.Send(ui.NoticeMsg(text))
	}
}

// tellKeyed sends msg to every program whose reader's things the store
// keeps, as notify does.
func (g *registry) tellKeyed(msg tea.Msg) {
	g.mu.Lock()
	ps := make([]*tea.Program, 0, len(g.keyed))
	for p := range g.keyed {
		ps = append(ps, p)
	}
	g.mu.Unlock()
	for _, p := range ps {
		go p.Send(msg)
	}
}

// endAll quits every program, giving the reason for the reader to see.
func (g *registry) endAll(text string) {
	for _, p := range g.list(func(why *endReason) { why.set(endShutdown, text) }) {
		go p.Quit()
	}
}

// list returns the running programs, calling each on their end reasons.
func (g *registry) list(each func(*endReason)) []*tea.Program {
	g.mu.Lock()
	defer g.mu.Unlock()
	out := make([]*tea.Program, 0, len(g.programs))
	for p, why := range g.programs {
		if each != nil {
			each(why)
		}
		out = append(out, p)
	}
	return out
}

// waitEmpty waits until every session has ended (so no program runs), or
// ctx ends.
func (g *registry) waitEmpty(ctx context.Context) {
	for {
		g.mu.Lock()
		n, changed := g.open, g.changed
		g.mu.Unlock()
		if n == 0 {
			return
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return
		}
	}
}
