package server

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"
)

// TestCommandThatOutlivesItsTimeEnds: a client that stops reading a
// command's output must not hold the session: after the command's time the
// session is closed, the blocked command ends, and its slot is free.
func TestCommandThatOutlivesItsTimeEnds(t *testing.T) {
	ended := make(chan struct{})
	ts := startServer(t, func(cfg *Config) {
		cfg.MaxSessions = 1
		cfg.Exec = func(_ context.Context, _ []string, _ int, _ io.Reader, stdout, _ io.Writer) int {
			defer close(ended)
			chunk := []byte(strings.Repeat("x", 64<<10))
			for range 1024 { // 64 MiB: far more than the channel's window
				if _, err := stdout.Write(chunk); err != nil {
					return 1
				}
			}
			return 0
		}
	})
	ts.execTimeout = 300 * time.Millisecond
	c := ts.dial(t, "reader")
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sess.StdoutPipe(); err != nil { // never read
		t.Fatal(err)
	}
	if err := sess.Start("read 2"); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ended:
	case <-time.After(waitLimit):
		t.Fatal("the command still runs long after its time")
	}
	deadline := time.Now().Add(waitLimit)
	for ts.Active() != 0 {
		if time.Now().After(deadline) {
			t.Fatal("the session's slot is still taken")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
