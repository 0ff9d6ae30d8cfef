package server

import (
	"io"
	"net"
	"sync"
	"time"

	"charm.land/ssh"
)

// What a refused client is told.
const (
	msgRateLimited = "too many new connections from your address: wait a few seconds and try again"
	msgFull        = "the server is full: try again in a minute"
)

// A refused connection is told why in one of two ways. The cheap one is a
// line before the server's version string, which RFC 4253 (4.2) allows:
// one small write, but OpenSSH shows it only with -v. The other is the SSH
// banner, which every client shows, sent after a key exchange: about a
// millisecond of CPU, which a flood must not be able to ask for at will.
// So the banner is for at most explainBurst refused connections at once,
// and explainRate a second after that, server-wide; the rest get the line.
const (
	explainRate     = 2
	explainBurst    = 5
	maxExplaining   = 8 // connections being told at once (each holds a handshake)
	explainDeadline = 10 * time.Second
)

// refusedKey is the key, in a refused connection's ssh.Context, of its
// explainingConn.
type refusedKey struct{}

// explainer rations the banners of refused connections.
type explainer struct {
	mu          sync.Mutex
	rate, burst float64
	budget      bucket
	now         func() time.Time
	open        int // being told
}

func newExplainer() *explainer {
	e := &explainer{rate: explainRate, burst: explainBurst, now: time.Now}
	e.budget = bucket{tokens: e.burst, last: e.now()}
	return e
}

// take says whether one more refused connection may be told by banner.
func (e *explainer) take() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.open >= maxExplaining || !e.budget.take(e.now(), e.rate, e.burst, 1) {
		return false
	}
	e.open++
	return true
}

func (e *explainer) done() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.open--
}

// refuse logs a refused connection and tells its client why: by banner
// when the ration allows, which needs the handshake, so the connection is
// returned for the ssh package to go on with (letIn will end it); or by a
// line before the version string, and nil to close it.
func (s *Server) refuse(ctx ssh.Context, conn net.Conn, reason string, metric refusal, msg string) net.Conn {
	s.refusals.refused(conn.RemoteAddr().String(), reason)
	s.metrics.refuse(metric)
	if s.explain.take() {
		tc := newTrackedConn(conn, &s.conns, s.cfg.NoSessionTimeout, nil)
		// Past the cap, by at most maxExplaining: the shutdown must find it.
		if s.conns.add(tc, s.connCap()+maxExplaining) == "" {
			ec := &explainingConn{trackedConn: tc, msg: msg, done: s.explain.done, deadline: time.Now().Add(explainDeadline)}
			_ = ec.SetDeadline(ec.deadline)
			ctx.SetValue(refusedKey{}, ec)
			return ec
		}
		s.explain.done()
	}
	_ = conn.SetWriteDeadline(time.Now().Add(time.Second))
	_, _ = io.WriteString(conn, "analyst: "+msg+"\r\n")
	return nil
}

// banner is the SSH banner: nothing, except for a refused connection.
func banner(ctx ssh.Context) string {
	if ec, ok := ctx.Value(refusedKey{}).(*explainingConn); ok {
		return "analyst: " + ec.msg + "\r\n"
	}
	return ""
}

// turnedAway says whether a connection was refused, and if it was, ends
// it: its banner has been sent (the ssh package sends it before the first
// authentication is looked at), so the server closes its side, and the
// client sees the connection closed after the banner.
func turnedAway(ctx ssh.Context) bool {
	ec, ok := ctx.Value(refusedKey{}).(*explainingConn)
	if ok {
		ec.closeWrite()
	}
	return ok
}

// explainingConn is a refused connection being told why; its place in the
// ration is given back when it closes.
type explainingConn struct {
	*trackedConn
	msg      string
	once     sync.Once
	done     func()
	deadline time.Time // the ssh package's handshake timeout is longer
}

// SetDeadline keeps the connection's own deadline, the earlier.
func (c *explainingConn) SetDeadline(t time.Time) error {
	if t.IsZero() || t.After(c.deadline) {
		t = c.deadline
	}
	return c.trackedConn.SetDeadline(t)
}

// closeWrite ends what the server sends, after the banner: closing the
// whole connection while the client's next request is unread could reset
// it, and a client may then drop the banner unshown.
func (c *explainingConn) closeWrite() {
	if cw, ok := c.trackedConn.Conn.(interface{ CloseWrite() error }); ok {
		_ = cw.CloseWrite()
		return
	}
	_ = c.Close()
}

func (c *explainingConn) Close() error {
	c.once.Do(c.done)
	return c.trackedConn.Close()
}
