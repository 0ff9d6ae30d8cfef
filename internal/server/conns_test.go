package server

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"
)

// lockedBuffer is a log that the server writes while a test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// waitClosed waits until the server has closed the client's connection,
// and fails the test if it has not within waitLimit.
func waitClosed(t *testing.T, c *gossh.Client, what string) {
	t.Helper()
	closed := make(chan struct{})
	go func() {
		_ = c.Wait()
		close(closed)
	}()
	select {
	case <-closed:
	case <-time.After(waitLimit):
		t.Fatalf("%s: still open %s later", what, waitLimit)
	}
}

// A connection with no session is closed, with a line in the log, once it
// has had none for NoSessionTimeout: from the client's login, and again
// from when its last session ends. While a session is open it stays.
//
// The timeout is short, but long enough for a loaded machine to open the
// reader's session after its login.
func TestConnWithoutSessionIsClosed(t *testing.T) {
	const timeout = 2 * time.Second
	logged := &lockedBuffer{}
	ts := startServer(t, func(c *Config) {
		c.NoSessionTimeout = timeout
		c.Logger = log.New(logged)
	})
	busy := ts.dial(t, "alice")
	r := reader(t, busy, 40, 120)
	r.out.waitFor(t, 0, "Tolipov")

	// As ssh -N: no session at all. And a session channel in which the
	// client never asks for a shell or a command.
	start := time.Now()
	quiet := ts.dial(t, "bob")
	stalled := ts.dial(t, "carol")
	if _, err := stalled.NewSession(); err != nil {
		t.Fatal(err)
	}
	waitClosed(t, quiet, "a connection with no session")
	waitClosed(t, stalled, "a connection with a session that never started")
	if took := time.Since(start); took < timeout {
		t.Errorf("connections without a session closed after %s, before the %s timeout", took, timeout)
	}

	// The reader's connection came before those two and outlived them:
	// it still serves.
	m := r.out.mark()
	r.press(t, "2")
	r.out.waitFor(t, m, "SECTIONS")
	// Once its session ends, it has the timeout again, and no more.
	r.press(t, "q")
	quit := time.Now()
	if code := r.exitStatus(t); code != 0 {
		t.Errorf("reader: exit status %d, want 0", code)
	}
	waitClosed(t, busy, "a connection whose last session ended")
	if took := time.Since(quit); took < timeout {
		t.Errorf("the connection closed %s after its session ended, before the %s timeout", took, timeout)
	}

	if n := strings.Count(logged.String(), "no session for 2s"); n != 3 {
		t.Errorf("%d closes logged with their reason, want 3; the log:\n%s", n, logged)
	}
}

// Connections that open no session cannot lock readers out: with the
// connection cap (2 x MaxSessions + 16) taken by them, a reader gets in
// once they have been closed.
func TestConnsWithoutSessionsDoNotLockOutReaders(t *testing.T) {
	ts := startServer(t, func(c *Config) {
		c.MaxSessions = 1
		c.NoSessionTimeout = 2 * time.Second
	})
	const limit = 2*1 + 16
	quiet := make([]*gossh.Client, 0, limit)
	for range limit {
		quiet = append(quiet, ts.dial(t, "idler"))
	}
	var c *gossh.Client
	deadline := time.Now().Add(waitLimit)
	for {
		var err error
		if c, err = gossh.Dial("tcp", ts.addr, clientConfig(t, "reader")); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("a reader was still kept out %s after %d connections without a session: %v", waitLimit, limit, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Cleanup(func() { c.Close() })
	r := reader(t, c, 40, 120)
	r.out.waitFor(t, 0, "Tolipov")
	for _, q := range quiet {
		waitClosed(t, q, "a connection without a session")
	}
	r.press(t, "q")
	if code := r.exitStatus(t); code != 0 {
		t.Errorf("reader: exit status %d, want 0", code)
	}
}
