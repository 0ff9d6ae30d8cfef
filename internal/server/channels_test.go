package server

import (
	"errors"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// A connection may have MaxChannels sessions open at once; one more is
// refused with a reason, and when one closes there is room again.
func TestChannelsPerConnection(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.MaxChannels = 3 })
	c := ts.dial(t, "mallory")
	var open []*gossh.Session
	for i := range 3 {
		s, err := c.NewSession()
		if err != nil {
			t.Fatalf("session %d of 3: %v", i+1, err)
		}
		open = append(open, s)
	}
	_, err := c.NewSession()
	var oce *gossh.OpenChannelError
	if !errors.As(err, &oce) || oce.Reason != gossh.ResourceShortage || !strings.Contains(oce.Message, "at most 3 sessions") {
		t.Fatalf("a fourth session: %v, want a refusal for resource shortage that gives the limit", err)
	}
	// Another connection is not held back by this one.
	s := openSession(t, ts.dial(t, "alice"), 0, 0).start(t, "list")
	if code := s.exitStatus(t); code != 0 {
		t.Errorf("list on another connection: status %d", code)
	}

	open[0].Close()
	out, err := waitForRoom(t, c).Output("list")
	if err != nil || string(out) != "exec:list\n" {
		t.Errorf("list after a session closed: %v, stdout %q", err, out)
	}
}

// waitForRoom opens a session once the server has counted a closed one
// out (the close reaches it a moment after the client's).
func waitForRoom(t *testing.T, c *gossh.Client) *gossh.Session {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		s, err := c.NewSession()
		if err == nil {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("no room for a session after one closed: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// envName reads a well-formed env request and nothing else.
func TestEnvName(t *testing.T) {
	ok := gossh.Marshal(struct{ Name, Value string }{"TERM", "xterm"})
	if name, good := envName(ok); !good || name != "TERM" {
		t.Errorf("envName(TERM=xterm) = %q, %v", name, good)
	}
	for _, bad := range [][]byte{
		nil, {0, 0}, ok[:len(ok)-1], append(ok, 0),
		{0, 0, 0, 9, 'T'},
		{0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0},
		gossh.Marshal(struct{ Name, Value string }{"TERM", strings.Repeat("x", maxEnvValue+1)}),
	} {
		if name, good := envName(bad); good {
			t.Errorf("envName(%q) = %q, true; want false", bad, name)
		}
	}
}
