package server

import (
	"net"
	"strings"
	"testing"
	"time"

	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"
)

// lines are the log's lines.
func (l *lockedBuffer) lines() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Split(strings.TrimSuffix(l.b.String(), "\n"), "\n")
}

// linesWith are the lines that contain s.
func (l *lockedBuffer) linesWith(s string) []string {
	var out []string
	for _, line := range l.lines() {
		if strings.Contains(line, s) {
			out = append(out, line)
		}
	}
	return out
}

var formatters = map[string]log.Formatter{"text": log.TextFormatter, "logfmt": log.LogfmtFormatter, "json": log.JSONFormatter}

// A user name or a command with a line break in it cannot write a line of
// its own in the log, in any format, and a long one is cut, saying so:
// each session is one line, and a short one.
func TestLogIsOneShortLineASession(t *testing.T) {
	forged := "\nINFO session remote=1.2.3.4 user=admin"
	for name, f := range formatters {
		t.Run(name, func(t *testing.T) {
			var buf lockedBuffer
			ts := startServer(t, func(c *Config) {
				c.Logger = log.NewWithOptions(&buf, log.Options{ReportTimestamp: true, Formatter: f})
			})
			for _, user := range []string{"bob" + forged, strings.Repeat("u", 100<<10)} {
				s := openSession(t, ts.dial(t, user), 0, 0).start(t, "list"+forged)
				s.exitStatus(t)
			}
			ts.shutdown(t)
			sessions := buf.linesWith("exit") // the session lines' last field
			if len(sessions) != 2 || len(buf.lines()) != 4 {
				t.Errorf("%d lines in all, %d of sessions; want 4 (serving, 2 sessions, shutting down):\n%s",
					len(buf.lines()), len(sessions), strings.Join(buf.lines(), "\n"))
			}
			for _, line := range buf.lines() {
				if strings.HasPrefix(strings.TrimLeft(line, " │"), "INFO session") || strings.HasPrefix(line, "  ") {
					t.Errorf("a line the client wrote: %q", line)
				}
				if len(line) > 1024 {
					t.Errorf("a line of %d bytes: %.100q…", len(line), line)
				}
			}
			if cut := buf.linesWith("cut: 102400 bytes in all"); len(cut) != 1 {
				t.Errorf("%d lines say the long user name was cut, want 1", len(cut))
			}
		})
	}
}

// Refused connections are logged once, with their address, then counted:
// a flood of them is two lines.
func TestRefusalsAreCountedNotLogged(t *testing.T) {
	var buf lockedBuffer
	ts := startServer(t, func(c *Config) {
		c.Logger = log.NewWithOptions(&buf, log.Options{Formatter: log.LogfmtFormatter})
		c.RatePerSecond, c.RateBurst = 0.001, 1
	})
	ts.refusals.mu.Lock()
	ts.refusals.window = 300 * time.Millisecond
	ts.refusals.mu.Unlock()

	first, err := gossh.Dial("tcp", ts.addr, clientConfig(t, "alice"))
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	const flood = 50
	for range flood {
		conn, err := net.Dial("tcp", ts.addr)
		if err != nil {
			t.Fatal(err)
		}
		// The log line is written before anything is sent: the first
		// bytes, whichever the way of telling the client, come after it.
		_ = conn.SetReadDeadline(time.Now().Add(waitLimit))
		_, _ = conn.Read(make([]byte, 64))
		conn.Close()
	}
	deadline := time.Now().Add(waitLimit)
	for len(buf.linesWith("count=")) == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	refused := buf.linesWith("refused")
	if len(refused) != 2 {
		t.Fatalf("%d lines for %d refusals, want 2:\n%s", len(refused), flood, strings.Join(refused, "\n"))
	}
	if !strings.Contains(refused[0], "remote=127.0.0.1") || !strings.Contains(refused[0], `reason="rate limit"`) {
		t.Errorf("the first refusal: %s", refused[0])
	}
	if !strings.Contains(refused[1], "count=49") {
		t.Errorf("the count of the rest: %s; want count=49", refused[1])
	}
}
