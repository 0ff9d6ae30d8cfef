package server

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"charm.land/log/v2"
	"charm.land/ssh"
)

// A terminal session gets the issue list, answers keys, and ends with
// status 0 when the reader quits.
func TestReaderShowsListAndAnswersKeys(t *testing.T) {
	ts := startServer(t, nil)
	s := reader(t, ts.dial(t, "alice"), 40, 120)

	s.out.waitFor(t, 0, "Analyst")
	s.out.waitFor(t, 0, "Tolipov")
	if got := ts.Active(); got != 1 {
		t.Errorf("Active() = %d while one reader runs, want 1", got)
	}

	m := s.out.mark()
	s.press(t, "2")
	s.out.waitFor(t, m, "Cutler")
	s.out.waitFor(t, m, "Article 2 of 4") // the header

	s.press(t, "q")
	if code := s.exitStatus(t); code != 0 {
		t.Errorf("exit status after q = %d, want 0; stderr: %q", code, s.errOut.text(0))
	}
	if s.errOut.String() != "" {
		t.Errorf("stderr = %q, want nothing", s.errOut.String())
	}
	waitActive(t, ts.Server, 0)
}

// A window change reaches the program: at 120 columns an article has a
// sidebar with its sections; at 80 it folds, and the progress moves to the
// status line; back at 120 the sidebar returns.
func TestReaderFollowsWindowChanges(t *testing.T) {
	ts := startServer(t, nil)
	s := reader(t, ts.dial(t, "alice"), 40, 120)
	s.out.waitFor(t, 0, "Tolipov")

	m := s.out.mark()
	s.press(t, "2")
	s.out.waitFor(t, m, "SECTIONS")

	m = s.out.mark()
	if err := s.WindowChange(24, 80); err != nil {
		t.Fatal(err)
	}
	// The frame is drawn afresh after a resize; its status line, drawn
	// last, has the progress at 80 columns.
	frame := s.out.waitForFrame(t, m, "% read")
	for _, absent := range []string{"SECTIONS", "│"} {
		if strings.Contains(frame, absent) {
			t.Errorf("at 80x24 the frame still has %q:\n%s", absent, frame)
		}
	}
	raw := s.out.String()[m:]
	raw = raw[strings.LastIndex(raw, clearScreen):]
	if strings.Contains(raw, "\x1b[25;") || strings.Contains(raw, "\x1b[40;") {
		t.Errorf("at 80x24 the frame moves the cursor below row 24: %q", raw)
	}

	m = s.out.mark()
	if err := s.WindowChange(40, 120); err != nil {
		t.Fatal(err)
	}
	s.out.waitForFrame(t, m, "SECTIONS")

	s.press(t, "q")
	if code := s.exitStatus(t); code != 0 {
		t.Errorf("exit status = %d, want 0", code)
	}
}

// "read REF#section" with a terminal opens the reader at that section:
// the first paragraph of Implications is on screen, the lead is not.
func TestReadWithPTYOpensReaderAtSection(t *testing.T) {
	ts := startServer(t, nil)
	s := openSession(t, ts.dial(t, "alice"), 40, 120).start(t, "read 2#implications")
	s.out.waitFor(t, 0, "Implications")
	s.out.waitFor(t, 0, "Armenpress") // in Implications' first paragraph
	s.out.waitFor(t, 0, "SECTIONS")
	if text := s.out.text(0); strings.Contains(text, "In late December 2025") {
		t.Errorf("the reader shows the article's lead, not Implications:\n%s", text)
	}
	s.press(t, "q")
	if code := s.exitStatus(t); code != 0 {
		t.Errorf("exit status = %d, want 0", code)
	}
	if calls := ts.exec.Calls(); len(calls) != 0 {
		t.Errorf("read with a PTY went to Exec: %q", calls)
	}
}

// "read" of an article that does not exist, or of a section that does not,
// with a terminal: no reader; the command runs as without a terminal, so
// that it says what is wrong in the same words, with the same status.
func TestReadWithPTYOfNothing(t *testing.T) {
	ts := startServer(t, nil)
	c := ts.dial(t, "alice")
	for _, cmd := range []string{"read nosuch", "read 2#nosuch"} {
		s := openSession(t, c, 40, 120).start(t, cmd)
		want := 0 // what the fake command returns
		if cmd == "read nosuch" {
			want = 3
		}
		if code := s.exitStatus(t); code != want {
			t.Errorf("%s: exit status = %d, want the command's %d", cmd, code, want)
		}
		if out := s.out.String(); strings.Contains(out, "\x1b[?1049h") {
			t.Errorf("%s: a reader started: %q", cmd, out)
		}
	}
	want := [][]string{{"read", "nosuch"}, {"read", "2#nosuch"}}
	if calls := ts.exec.Calls(); !reflect.DeepEqual(calls, want) {
		t.Errorf("Exec calls %q, want %q", calls, want)
	}
}

// A reader who presses nothing is let go with a message and status 0; a
// reader who keeps pressing keys is not.
func TestIdleTimeout(t *testing.T) {
	const idle = 300 * time.Millisecond
	ts := startServer(t, func(c *Config) { c.IdleTimeout = idle })
	c := ts.dial(t, "alice")

	// A reader presses j every 100ms, from the start, for over three idle
	// periods. The test can only conclude if no two presses were more
	// than 200ms apart (a loaded machine can stall this process); it
	// tries again a few times if they were.
	for attempt := 1; ; attempt++ {
		busy := reader(t, c, 40, 120)
		maxGap, ended := pressEvery(busy, "j", 100*time.Millisecond, 12)
		if ended && maxGap < 200*time.Millisecond {
			t.Fatalf("a session pressing keys at most %s apart was closed; status %v, output ends %q",
				maxGap.Round(time.Millisecond), busy.err, tail(busy.out.text(0), 200))
		}
		if !ended {
			// Then it stops pressing and is let go.
			if code := busy.exitStatus(t); code != 0 {
				t.Errorf("busy session after it stopped: exit status = %d, want 0", code)
			}
			if !strings.Contains(busy.out.text(0), "without a key press") {
				t.Errorf("busy session after it stopped: no idle message in %q", tail(busy.out.text(0), 200))
			}
			break
		}
		t.Logf("attempt %d: presses were %s apart at worst; trying again", attempt, maxGap)
		if attempt == 5 {
			t.Fatal("could not press a key every 100ms in 5 attempts")
		}
		busy.exitStatus(t)
	}

	// A reader who never presses a key ends by itself, with the reason as
	// its last line.
	idler := reader(t, c, 40, 120)
	if code := idler.exitStatus(t); code != 0 {
		t.Errorf("idle session: exit status = %d, want 0", code)
	}
	out := strings.TrimRight(idler.out.String(), "\r\n")
	if want := "Session closed after 300ms without a key press."; !strings.HasSuffix(out, want) {
		t.Errorf("idle session output ends with %q, want %q", tail(out, 80), want)
	}
	if !strings.Contains(idler.out.text(0), "Tolipov") {
		t.Errorf("idle session never showed the list: %q", idler.out.text(0))
	}
}

// pressEvery presses key n times, every interval, from now on, unless the
// session ends first. It returns the longest time between two presses (or
// between the last one and the end), and whether the session ended.
func pressEvery(s *session, key string, interval time.Duration, n int) (maxGap time.Duration, ended bool) {
	last := time.Now()
	gap := func() {
		now := time.Now()
		maxGap = max(maxGap, now.Sub(last))
		last = now
	}
	for range n {
		gap()
		if _, err := s.in.Write([]byte(key)); err != nil {
			return maxGap, true
		}
		if done, _ := s.endedWithin(interval); done {
			gap()
			return maxGap, true
		}
	}
	return maxGap, false
}

// No session outlasts MaxSession, however busy.
func TestMaxSession(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.MaxSession = 500 * time.Millisecond })
	s := reader(t, ts.dial(t, "alice"), 40, 120)
	s.out.waitFor(t, 0, "Tolipov")
	deadline := time.Now().Add(waitLimit)
	for {
		if _, err := s.in.Write([]byte("j")); err != nil {
			break // the session has ended
		}
		if ended, _ := s.endedWithin(50 * time.Millisecond); ended {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("a session pressing keys lasted over %s with MaxSession 500ms", waitLimit)
		}
	}
	if code := s.exitStatus(t); code != 0 {
		t.Errorf("exit status = %d, want 0", code)
	}
	out := strings.TrimRight(s.out.String(), "\r\n")
	if want := "Session closed: sessions last at most 500ms."; !strings.HasSuffix(out, want) {
		t.Errorf("output ends with %q, want %q", tail(out, 80), want)
	}
}

// A command runs on a goroutine of its own; a panic there ends its session
// as any other, with the apology and status 1, logged with the command's
// stack, and not the server.
func TestPanicInACommandEndsOnlyItsSession(t *testing.T) {
	logged := &lockedBuffer{}
	ts := startServer(t, func(c *Config) { c.Logger = log.New(logged) })
	s := openSession(t, ts.dial(t, "alice"), 0, 0).start(t, "search boom")
	if code := s.exitStatus(t); code != 1 {
		t.Errorf("a command that panicked: exit status = %d, want 1", code)
	}
	if got := strings.TrimRight(s.errOut.String(), "\r\n"); got != msgApology {
		t.Errorf("a command that panicked: stderr = %q, want the apology line", got)
	}
	if !strings.Contains(logged.String(), "boom in a command") || !strings.Contains(logged.String(), "fakeExec") {
		t.Errorf("the log lacks the panic and the command's stack:\n%s", logged)
	}
	after := openSession(t, ts.dial(t, "bob"), 0, 0).start(t, "list")
	if code := after.exitStatus(t); code != 0 {
		t.Errorf("a command after the panic: exit status = %d, want 0", code)
	}
}

// A panic in one session ends that session with an apology and status 1;
// the sessions before and after it carry on.
func TestPanicEndsOnlyItsSession(t *testing.T) {
	ts := startServer(t, nil)
	ts.beforeSession = func(sess ssh.Session) {
		if sess.User() == "boom" {
			panic("boom")
		}
	}

	alice := reader(t, ts.dial(t, "alice"), 40, 120)
	alice.out.waitFor(t, 0, "Tolipov")

	boom := openSession(t, ts.dial(t, "boom"), 40, 120).shell(t)
	if code := boom.exitStatus(t); code != 1 {
		t.Errorf("panicking session: exit status = %d, want 1", code)
	}
	if got := boom.errOut.String(); strings.TrimRight(got, "\r\n") != msgApology || strings.Count(got, "\n") != 1 {
		t.Errorf("panicking session: stderr = %q, want the apology line", got)
	}

	m := alice.out.mark()
	alice.press(t, "2")
	alice.out.waitFor(t, m, "Cutler")

	bob := reader(t, ts.dial(t, "bob"), 40, 120)
	bob.out.waitFor(t, 0, "Tolipov")
	if got := ts.Active(); got != 2 {
		t.Errorf("Active() = %d with alice and bob reading, want 2", got)
	}
	for _, s := range []*session{alice, bob} {
		s.press(t, "q")
		if code := s.exitStatus(t); code != 0 {
			t.Errorf("exit status = %d, want 0", code)
		}
	}
	waitActive(t, ts.Server, 0)
}

// waitActive waits until the server counts n sessions.
func waitActive(t *testing.T, s *Server, n int) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for s.Active() != n {
		if time.Now().After(deadline) {
			t.Fatalf("Active() = %d, want %d", s.Active(), n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// tail is the end of s, for messages.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}

// The program draws in the colours the client's terminal can show, as
// TERM and the environment it sends say.
func TestReaderColourProfile(t *testing.T) {
	ts := startServer(t, nil)
	c := ts.dial(t, "alice")
	for _, tc := range []struct {
		name      string
		env       map[string]string
		has, hasn []string
	}{
		{"xterm-256color", nil, []string{"\x1b[38;5;"}, []string{"\x1b[38;2;"}},
		{"COLORTERM=truecolor", map[string]string{"COLORTERM": "truecolor"}, []string{"\x1b[38;2;"}, []string{"\x1b[38;5;"}},
		{"NO_COLOR=1", map[string]string{"NO_COLOR": "1"}, nil, []string{"\x1b[38;5;", "\x1b[38;2;", ";38;5;", ";38;2;"}},
	} {
		s := openSession(t, c, 40, 120)
		for k, v := range tc.env {
			if err := s.Setenv(k, v); err != nil {
				t.Fatal(err)
			}
		}
		s.shell(t)
		s.out.waitFor(t, 0, "Tolipov")
		s.press(t, "q")
		if code := s.exitStatus(t); code != 0 {
			t.Errorf("%s: exit status %d", tc.name, code)
		}
		out := s.out.String()
		for _, want := range tc.has {
			if !strings.Contains(out, want) {
				t.Errorf("%s: no %q in the output", tc.name, want)
			}
		}
		for _, unwanted := range tc.hasn {
			if strings.Contains(out, unwanted) {
				t.Errorf("%s: %q in the output", tc.name, unwanted)
			}
		}
	}
}
