package server

import (
	"net"
	"sync"
	"time"
)

// connSet holds the open connections, from before their handshake, so
// that a shutdown can close them all: the ssh package's Close knows only
// those past the handshake.
type connSet struct {
	mu     sync.Mutex
	conns  map[*trackedConn]struct{}
	closed bool // closeAll has run: no more are taken
}

// add takes c unless there are already limit connections or the set has
// been closed, and otherwise says why not.
func (cs *connSet) add(c *trackedConn, limit int) string {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	switch {
	case cs.closed:
		return "shutting down"
	case len(cs.conns) >= limit:
		return "too many connections"
	}
	if cs.conns == nil {
		cs.conns = map[*trackedConn]struct{}{}
	}
	cs.conns[c] = struct{}{}
	return ""
}

func (cs *connSet) remove(c *trackedConn) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	delete(cs.conns, c)
}

// closeAll closes every connection; the set takes no more after it.
func (cs *connSet) closeAll() {
	cs.mu.Lock()
	cs.closed = true
	open := make([]*trackedConn, 0, len(cs.conns))
	for c := range cs.conns {
		open = append(open, c)
	}
	cs.mu.Unlock()
	for _, c := range open {
		_ = c.Close()
	}
}

// connKey is the key of a connection's trackedConn in its ssh.Context,
// where its sessions find it.
type connKey struct{}

// trackedConn is an open connection. It takes itself out of the open
// connections when closed, and it counts the sessions being served on it:
// a connection with none for its timeout is closed, since otherwise it
// would hold a place under the connection cap, out of reach of every
// session limit (ssh -N, or an OpenSSH master connection kept after its
// sessions). The timer runs from the client's login (before it, the
// handshake's own timeout applies) until the first session, and again
// from whenever the last session ends; no goroutine waits on it.
type trackedConn struct {
	net.Conn
	set      *connSet
	once     sync.Once
	timeout  time.Duration
	onExpire func() // logs the close, before it happens
	onClose  func() // counts the connection out of its address's, once; set before it is shared

	mu        sync.Mutex
	sessions  int         // being served
	channels  int         // session channels open (see openSession)
	idleSince time.Time   // when the count was last 0 (or the client logged in)
	timer     *time.Timer // closes the connection idleSince+timeout
	closed    bool        // closed or closing: the timer stays stopped
}

// newTrackedConn tracks conn in set. Once loggedIn starts its timer, a
// connection with no session for timeout has onExpire called and is closed.
func newTrackedConn(conn net.Conn, set *connSet, timeout time.Duration, onExpire func()) *trackedConn {
	c := &trackedConn{Conn: conn, set: set, timeout: timeout, onExpire: onExpire}
	c.timer = time.AfterFunc(timeout, c.expire)
	c.timer.Stop() // until loggedIn
	return c
}

// loggedIn starts the timer, or starts it again, when the client has been
// let in (each time, if it is let in more than once) and has no session.
func (c *trackedConn) loggedIn() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sessions == 0 && !c.closed {
		c.idleSince = time.Now()
		c.timer.Reset(c.timeout)
	}
}

// sessionBegan counts a session in, and stops the timer.
func (c *trackedConn) sessionBegan() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sessions++
	c.timer.Stop()
}

// sessionEnded counts a session out; after the last, the timer starts
// again from the whole timeout.
func (c *trackedConn) sessionEnded() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sessions--
	if c.sessions == 0 && !c.closed {
		c.idleSince = time.Now()
		c.timer.Reset(c.timeout)
	}
}

// expire closes the connection if it still has had no session for the
// whole timeout. A run of the timer that a session overtook (it began, or
// began and ended, while this run was on its way) finds otherwise and
// does nothing; the timer is running again if it should be.
func (c *trackedConn) expire() {
	c.mu.Lock()
	idle := !c.closed && c.sessions == 0 && time.Since(c.idleSince) >= c.timeout
	if idle {
		c.closed = true
	}
	c.mu.Unlock()
	if !idle {
		return
	}
	if c.onExpire != nil {
		c.onExpire()
	}
	_ = c.Close()
}

func (c *trackedConn) Close() error {
	c.once.Do(func() {
		c.mu.Lock()
		c.closed = true
		c.timer.Stop()
		c.mu.Unlock()
		c.set.remove(c)
		if c.onClose != nil {
			c.onClose()
		}
	})
	return c.Conn.Close()
}
