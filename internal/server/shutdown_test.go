package server

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"
)

// slowSessionLog is a log that takes its time over each session's line.
type slowSessionLog struct{ delay time.Duration }

func (w slowSessionLog) Write(p []byte) (int, error) {
	if strings.Contains(string(p), " session remote=") {
		time.Sleep(w.delay)
	}
	return len(p), nil
}

// Shutdown tells readers, lets them leave during the grace period, ends
// the rest with a goodbye, refuses newcomers, and returns.
//
// The server's log is slow to write a session's line, which comes between
// the end of the session's reader and its exit status: Shutdown must not
// close the connections before the status is sent.
func TestShutdown(t *testing.T) {
	ts := startServer(t, func(c *Config) {
		c.ShutdownGrace = time.Second
		c.Logger = log.New(slowSessionLog{delay: 300 * time.Millisecond})
	})
	stayer := reader(t, ts.dial(t, "alice"), 40, 120)
	leaver := reader(t, ts.dial(t, "bob"), 40, 120)
	quiet := ts.dial(t, "carol") // a connection with no session
	stayer.out.waitFor(t, 0, "Tolipov")
	leaver.out.waitFor(t, 0, "Tolipov")
	ms, ml := stayer.out.mark(), leaver.out.mark()

	done := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
		defer cancel()
		done <- ts.Shutdown(ctx)
	}()
	stayer.out.waitFor(t, ms, "going down")
	leaver.out.waitFor(t, ml, "going down")

	// During the grace period: a new session on an open connection is
	// turned away, and so is a new connection.
	late := openSession(t, quiet, 0, 0).start(t, "list")
	if code := late.exitStatus(t); code != 1 || strings.TrimRight(late.errOut.String(), "\n") != msgClosing {
		t.Errorf("a session during shutdown: status %d, stderr %q; want 1, %q", code, late.errOut.String(), msgClosing)
	}
	if c, err := gossh.Dial("tcp", ts.addr, clientConfig(t, "dave")); err == nil {
		c.Close()
		t.Error("a new connection during shutdown got in")
	}

	// A reader who leaves at the notice leaves as usual.
	leaver.press(t, "q")
	if code := leaver.exitStatus(t); code != 0 {
		t.Errorf("reader who left: exit status %d, want 0", code)
	}
	// A reader who stays is ended after the grace period, with a goodbye.
	if code := stayer.exitStatus(t); code != 0 {
		t.Errorf("reader who stayed: exit status %d, want 0", code)
	}
	if out := strings.TrimRight(stayer.out.String(), "\r\n"); !strings.HasSuffix(out, "The server is going down. Goodbye.") {
		t.Errorf("reader who stayed: output ends %q, want the goodbye", tail(out, 80))
	}

	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Shutdown: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Shutdown did not return within 5s of a 1s grace period")
	}
	// Every connection is closed, the quiet one too.
	quietClosed := make(chan error, 1)
	go func() { quietClosed <- quiet.Wait() }()
	select {
	case <-quietClosed:
	case <-time.After(waitLimit):
		t.Error("a connection without sessions outlived Shutdown")
	}
	if n := ts.Active(); n != 0 {
		t.Errorf("Active() = %d after Shutdown", n)
	}
	// And the port is closed.
	if c, err := gossh.Dial("tcp", ts.addr, clientConfig(t, "erin")); err == nil {
		c.Close()
		t.Error("a connection after Shutdown got in")
	}
}

// Shutdown keeps to its context even when the grace period is longer: the
// sessions are ended and the connections closed when the context ends.
func TestShutdownContext(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.ShutdownGrace = time.Minute })
	s := reader(t, ts.dial(t, "alice"), 40, 120)
	s.out.waitFor(t, 0, "Tolipov")

	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- ts.Shutdown(ctx) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Shutdown with a 300ms context did not return within 5s")
	}
	// The session ends; whether its status arrives before the connection
	// closes is a race, so only the end is checked.
	if ended, _ := s.endedWithin(waitLimit); !ended {
		t.Fatal("the reader's session outlived Shutdown")
	}
	waitActive(t, ts.Server, 0)
}

// Shutdown with no one connected returns at once and Serve ends.
func TestShutdownIdle(t *testing.T) {
	ts := startServer(t, nil)
	s := openSession(t, ts.dial(t, "alice"), 0, 0).start(t, "list")
	if code := s.exitStatus(t); code != 0 {
		t.Fatalf("list: %d", code)
	}
	ts.shutdown(t)
}

// The notice says how long the reader has, in whole seconds, or exactly
// when that is under a second.
func TestShutdownNoticeSaysTheGrace(t *testing.T) {
	for _, tc := range []struct {
		grace time.Duration
		want  string
	}{
		{2 * time.Second, "ends in 2s."},
		{400 * time.Millisecond, "ends in 400ms."},
	} {
		ts := startServer(t, func(c *Config) { c.ShutdownGrace = tc.grace })
		s := reader(t, ts.dial(t, "alice"), 40, 120)
		s.out.waitFor(t, 0, "Tolipov")
		m := s.out.mark()
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
			defer cancel()
			_ = ts.Shutdown(ctx)
		}()
		s.out.waitFor(t, m, "going down")
		if text := s.out.text(m); !strings.Contains(text, tc.want) {
			t.Errorf("grace %s: the notice %q does not say %q", tc.grace, text, tc.want)
		}
		s.press(t, "q")
		if code := s.exitStatus(t); code != 0 {
			t.Errorf("grace %s: exit status %d", tc.grace, code)
		}
		ts.shutdown(t)
	}
}

// A connection still in its handshake when the server shuts down is
// closed too, not left to finish and be served by a stopped server.
func TestShutdownClosesConnectionsInHandshake(t *testing.T) {
	ts := startServer(t, nil)
	raw, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	// The server's version line: it has taken the connection.
	b := make([]byte, 256)
	_ = raw.SetReadDeadline(time.Now().Add(waitLimit))
	if n, err := raw.Read(b); err != nil || !strings.HasPrefix(string(b[:n]), "SSH-2.0-analyst") {
		t.Fatalf("read the version: %q, %v", b[:n], err)
	}
	ts.shutdown(t)
	_ = raw.SetReadDeadline(time.Now().Add(waitLimit))
	for {
		if _, err := raw.Read(b); err != nil {
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				t.Fatalf("the connection was still open %s after Shutdown returned", waitLimit)
			}
			break // closed
		}
	}
}

// Hurry, as on a second Ctrl-C, skips the rest of the grace period: the
// readers still there are ended at once, with their goodbye, and
// Shutdown returns.
func TestShutdownHurried(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.ShutdownGrace = time.Minute })
	// The goodbye is checked, so a slow machine gets all the time it
	// needs for it; a hurried shutdown still returns once it is said.
	ts.hurriedWait = waitLimit
	r := reader(t, ts.dial(t, "alice"), 40, 120)
	r.out.waitFor(t, 0, "Tolipov")
	m := r.out.mark()
	done := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		done <- ts.Shutdown(ctx)
	}()
	r.out.waitFor(t, m, "going down")
	ts.Hurry()
	if code := r.exitStatus(t); code != 0 {
		t.Errorf("reader: exit status %d, want 0", code)
	}
	if out := strings.TrimRight(r.out.String(), "\r\n"); !strings.HasSuffix(out, "The server is going down. Goodbye.") {
		t.Errorf("reader: output ends %q, want the goodbye", tail(out, 80))
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Shutdown: %v", err)
		}
	case <-time.After(waitLimit):
		t.Fatalf("Shutdown still waited %s after Hurry (grace: a minute)", waitLimit)
	}
}
