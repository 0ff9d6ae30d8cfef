package server

import (
	"net"
	"runtime"
	"strings"
	"testing"
	"time"

	"analyst/internal/testlib"
)

// warmUp runs one reader session on a server of its own, so that whatever
// the libraries start once per process (and keep) is running before a
// test counts goroutines.
func warmUp(t *testing.T) {
	t.Helper()
	ts := startServer(t, nil)
	c := ts.dial(t, "warm")
	s := reader(t, c, 40, 120)
	s.out.waitFor(t, 0, "Tolipov")
	s.press(t, "2")
	s.out.waitFor(t, 0, "SECTIONS")
	s.press(t, "q")
	if code := s.exitStatus(t); code != 0 {
		t.Fatalf("warm-up reader: exit status %d", code)
	}
	c.Close()
	ts.shutdown(t)
}

// settledGoroutines returns the number of goroutines once it has not
// changed for 200ms (the warm-up's may still be ending), so that a
// goroutine on its way out is not counted in a baseline.
func settledGoroutines(t *testing.T) int {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	n, since := runtime.NumGoroutine(), time.Now()
	for time.Since(since) < 200*time.Millisecond {
		if time.Now().After(deadline) {
			t.Fatalf("the number of goroutines did not settle within 5s (now %d)", n)
		}
		time.Sleep(10 * time.Millisecond)
		if m := runtime.NumGoroutine(); m != n {
			n, since = m, time.Now()
		}
	}
	return n
}

// waitGoroutines waits until no more than n goroutines run, and fails
// with every goroutine's stack if that does not happen within 5s.
func waitGoroutines(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > n {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			buf = buf[:runtime.Stack(buf, true)]
			t.Fatalf("%d goroutines, want at most %d as before the server started:\n%s", runtime.NumGoroutine(), n, buf)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Every way a session can go leaves nothing running once the server has
// shut down and the clients have gone.
func TestNoGoroutineLeftBehind(t *testing.T) {
	warmUp(t)
	baseline := settledGoroutines(t)
	t.Logf("%d goroutines before the server starts", baseline)

	func() {
		// Everything below happens in here, so that the server and the
		// clients are shut down and closed by the time it returns.
		fe := &fakeExec{slowBegun: make(chan struct{}, 1), slowEnd: make(chan struct{})}
		cfg := Config{
			HostKeyPEM:    newHostKeyPEM(t),
			Library:       testlib.Library(t),
			Exec:          fe.run,
			MaxSessions:   3,
			ShutdownGrace: time.Second,
		}
		ts := serveConfig(t, cfg, fe)
		c := ts.dial(t, "alice")

		// Readers that quit with q, one after moving to an article and
		// resizing.
		r1 := reader(t, c, 40, 120)
		bob := ts.dial(t, "bob")
		r2 := reader(t, bob, 24, 80)
		r1.out.waitFor(t, 0, "Tolipov")
		r2.out.waitFor(t, 0, "Tolipov")
		r1.press(t, "2")
		r1.out.waitFor(t, 0, "SECTIONS")
		if err := r1.WindowChange(30, 100); err != nil {
			t.Fatal(err)
		}
		// Sessions beyond the cap, resizing as they are turned away.
		// (Every window change in these tests comes after the session
		// has shown something: see terminal in session.go.)
		r3 := reader(t, c, 40, 120)
		r3.out.waitFor(t, 0, "Tolipov")
		for range 2 {
			busy := reader(t, c, 40, 120)
			busy.errOut.waitFor(t, 0, "busy")
			_ = busy.WindowChange(41, 121)
			if code := busy.exitStatus(t); code != 1 {
				t.Errorf("session beyond the cap: status %d, want 1", code)
			}
		}
		for _, r := range []*session{r1, r2, r3} {
			r.press(t, "q")
			if code := r.exitStatus(t); code != 0 {
				t.Errorf("reader: exit status %d, want 0", code)
			}
		}

		// Commands, with and without a terminal, known and not, the ones
		// with a terminal resized as they end.
		for _, cmd := range []string{"list", "read 2", "search Baku", "rm -rf /", "read nosuch"} {
			s := openSession(t, c, 0, 0).start(t, cmd)
			s.exitStatus(t)
			s = openSession(t, c, 24, 80).start(t, cmd)
			switch cmd {
			case "read 2": // with a terminal, the reader
				s.out.waitFor(t, 0, "Cutler")
				s.press(t, "q")
			case "rm -rf /", "read nosuch":
				s.errOut.waitFor(t, 0, "\n")
			default:
				s.out.waitFor(t, 0, "exec:")
			}
			_ = s.WindowChange(25, 81)
			s.exitStatus(t)
		}
		// A command with a terminal, resized while it runs: the session's
		// request loop must not be left waiting to pass the size on.
		slow := openSession(t, c, 24, 80).start(t, "search slow")
		select {
		case <-fe.slowBegun:
		case <-time.After(waitLimit):
			t.Fatal("search slow did not begin")
		}
		for i := range 3 {
			if err := slow.WindowChange(25+i, 81); err != nil {
				t.Fatal(err)
			}
		}
		close(fe.slowEnd)
		if code := slow.exitStatus(t); code != 0 {
			t.Errorf("search slow: status %d", code)
		}
		// A shell without a terminal, a refused subsystem.
		if code := openSession(t, c, 0, 0).shell(t).exitStatus(t); code != 1 {
			t.Errorf("shell without a PTY: status %d, want 1", code)
		}
		sub, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		if err := sub.RequestSubsystem("sftp"); err == nil {
			t.Error("sftp granted")
		}
		sub.Close()

		// A reader whose client drops the connection mid-session.
		dropped := ts.dial(t, "carol")
		r := reader(t, dropped, 40, 120)
		r.out.waitFor(t, 0, "Tolipov")
		dropped.Close()
		// A reader whose session is closed while its connection stays.
		r = reader(t, c, 40, 120)
		r.out.waitFor(t, 0, "Tolipov")
		r.press(t, "2")
		r.out.waitFor(t, 0, "SECTIONS")
		if err := r.Close(); err != nil {
			t.Fatal(err)
		}
		waitActive(t, ts.Server, 0)
		// The connection is still good.
		s := openSession(t, c, 0, 0).start(t, "list")
		if code := s.exitStatus(t); code != 0 || !strings.Contains(s.out.String(), "exec:list") {
			t.Errorf("list after a closed session: status %d, %q", code, s.out.String())
		}

		// On a server of its own with a short NoSessionTimeout: a
		// connection that never opens a session and one whose session
		// has ended, both closed by their timers, and one with a reader
		// at a hurried shutdown, whose timer its session stopped.
		quick := startServer(t, func(c *Config) { c.NoSessionTimeout = time.Second })
		quick.hurriedWait = waitLimit // time for the reader's exit status
		idle := quick.dial(t, "dan")
		once := quick.dial(t, "eve")
		if code := openSession(t, once, 0, 0).start(t, "list").exitStatus(t); code != 0 {
			t.Errorf("list: status %d", code)
		}
		waitClosed(t, idle, "a connection with no session")
		waitClosed(t, once, "a connection whose session ended")
		held := quick.dial(t, "fay")
		hr := reader(t, held, 40, 120)
		hr.out.waitFor(t, 0, "Tolipov")
		quick.Hurry()
		quick.shutdown(t)
		if code := hr.exitStatus(t); code != 0 {
			t.Errorf("reader ended by the shutdown: status %d, want 0", code)
		}
		held.Close()

		// A connection still in its handshake at shutdown: the client
		// keeps it open until the end of the test.
		raw, err := net.Dial("tcp", ts.addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { raw.Close() })
		if _, err := raw.Write([]byte("SSH-2.0-slow\r\n")); err != nil {
			t.Fatal(err)
		}

		// A reader still there at shutdown.
		last := reader(t, c, 40, 120)
		last.out.waitFor(t, 0, "Tolipov")
		ts.shutdown(t)
		if code := last.exitStatus(t); code != 0 {
			t.Errorf("reader ended by the shutdown: status %d, want 0", code)
		}
		c.Close()
		bob.Close()
	}()

	waitGoroutines(t, baseline)
}
