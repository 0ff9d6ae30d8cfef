package server

import (
	"strings"
	"testing"
	"time"
)

// A flood of input beyond the budget is dropped: the reader is told once,
// on the top line, and keys after the flood work.
func TestInputFloodIsDroppedAndTold(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.InputRate, c.InputBurst = 200, 4096 })
	s := reader(t, ts.dial(t, "mallory"), 40, 120)
	s.out.waitFor(t, 0, "Tolipov")

	m := s.out.mark()
	s.press(t, strings.Repeat("z", 64*1024))
	s.out.waitFor(t, m, "faster than anyone types")
	if n := strings.Count(s.out.text(m), "faster than anyone types"); n != 1 {
		t.Errorf("the notice was drawn %d times, want once (it stays until it is taken away)", n)
	}

	// The budget refills at 200 bytes a second: a key a moment later gets in.
	time.Sleep(100 * time.Millisecond)
	m = s.out.mark()
	s.press(t, "2")
	s.out.waitFor(t, m, "Cutler")
	s.press(t, "q")
	if code := s.exitStatus(t); code != 0 {
		t.Errorf("exit status = %d, want 0", code)
	}
}

// Honest typing and a pasted search stay within the default budget.
func TestInputBudgetLetsReadersType(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.InputRate = DefaultInputRate })
	s := reader(t, ts.dial(t, "alice"), 40, 120)
	s.out.waitFor(t, 0, "Tolipov")
	m := s.out.mark()
	s.press(t, "2")
	s.out.waitFor(t, m, "In late December 2025") // the text is there: keys no longer wait for it
	m = s.out.mark()
	s.press(t, "/"+pasteStart+"peace process"+pasteEnd+"\r")
	s.out.waitFor(t, m, "1 of ")
	for range 20 {
		s.press(t, "j")
	}
	s.press(t, "q")
	if code := s.exitStatus(t); code != 0 {
		t.Errorf("exit status = %d, want 0", code)
	}
	if strings.Contains(s.out.text(0), "faster than anyone types") {
		t.Errorf("an honest reader was told their input was dropped")
	}
}

// The end of the client's input ends the reader (ssh -tt HOST </dev/null,
// or a script that closes its side), with status 0, at once.
func TestEndOfInputEndsTheReader(t *testing.T) {
	ts := startServer(t, nil)
	s := reader(t, ts.dial(t, "alice"), 40, 120)
	s.out.waitFor(t, 0, "Tolipov")
	if err := s.in.Close(); err != nil {
		t.Fatal(err)
	}
	if code := s.exitStatusWithin(t, 3*time.Second); code != 0 {
		t.Errorf("exit status = %d, want 0", code)
	}
	waitActive(t, ts.Server, 0)
}

// A terminal of no size gets one line that says so, and status 1, instead
// of a blank reader.
func TestZeroSizeTerminalIsTold(t *testing.T) {
	ts := startServer(t, nil)
	c := ts.dial(t, "alice")
	for _, cmd := range []string{"", "read 2"} {
		s := openSession(t, c, 0, 0)
		if err := s.RequestPty("xterm-256color", 0, 0, nil); err != nil {
			t.Fatal(err)
		}
		if cmd == "" {
			s.shell(t)
		} else {
			s.start(t, cmd)
		}
		if code := s.exitStatusWithin(t, 3*time.Second); code != 1 {
			t.Errorf("%q: exit status = %d, want 1", cmd, code)
		}
		if got := strings.TrimRight(s.errOut.String(), "\r\n"); got != msgNoSize {
			t.Errorf("%q: stderr = %q, want the one line %q", cmd, got, msgNoSize)
		}
		if s.out.String() != "" {
			t.Errorf("%q: stdout = %q, want nothing", cmd, s.out.String())
		}
	}
}
