package server

import (
	"reflect"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// runExec runs cmd in a session without a terminal (or with one, given a
// size) and returns stdout, stderr and the exit status.
func runExec(t *testing.T, ts *testServer, cmd string, rows, cols int) (stdout, stderr string, code int) {
	t.Helper()
	s := openSession(t, ts.dial(t, "alice"), rows, cols).start(t, cmd)
	code = s.exitStatus(t)
	return s.out.String(), s.errOut.String(), code
}

// list, read and search without a terminal go to Exec with their
// arguments; what Exec writes and returns reaches the client.
func TestExecCommands(t *testing.T) {
	ts := startServer(t, nil)
	for _, tc := range []struct {
		cmd        string
		args       []string
		out, err   string
		code       int
		rows, cols int
	}{
		{cmd: "list", args: []string{"list"}, out: "exec:list\n"},
		{cmd: "read 2", args: []string{"read", "2"}, out: "exec:read|2\n"},
		{cmd: "search Baku", args: []string{"search", "Baku"}, out: "exec:search|Baku\n"},
		{cmd: `search "South Caucasus"`, args: []string{"search", "South Caucasus"}, out: "exec:search|South Caucasus\n"},
		{cmd: "read --width 60 2", args: []string{"read", "--width", "60", "2"}, out: "exec:read|--width|60|2\n"},
		// The fake's failure: its stderr and status come back as they are.
		{cmd: "read nosuch", args: []string{"read", "nosuch"}, err: "fake: no article nosuch\n", code: 3},
	} {
		before := len(ts.exec.Calls())
		out, errOut, code := runExec(t, ts, tc.cmd, tc.rows, tc.cols)
		if out != tc.out || errOut != tc.err || code != tc.code {
			t.Errorf("%s: got stdout %q, stderr %q, status %d; want %q, %q, %d", tc.cmd, out, errOut, code, tc.out, tc.err, tc.code)
		}
		calls := ts.exec.Calls()
		if len(calls) != before+1 {
			t.Errorf("%s: Exec called %d times, want once", tc.cmd, len(calls)-before)
			continue
		}
		if got := calls[len(calls)-1]; !reflect.DeepEqual(got, tc.args) {
			t.Errorf("%s: Exec got %q, want %q", tc.cmd, got, tc.args)
		}
	}
}

// With a terminal, list and search still go to Exec (only read opens the
// reader).
func TestExecWithPTY(t *testing.T) {
	ts := startServer(t, nil)
	for _, cmd := range []string{"list", "search Baku"} {
		out, errOut, code := runExec(t, ts, cmd, 24, 80)
		want := "exec:" + strings.ReplaceAll(cmd, " ", "|") + " width=80" // the command can fit the terminal
		if !strings.Contains(out, want) || errOut != "" || code != 0 {
			t.Errorf("%s with a PTY: got stdout %q, stderr %q, status %d; want %q, nothing, 0", cmd, out, errOut, code, want)
		}
	}
	if n := len(ts.exec.Calls()); n != 2 {
		t.Errorf("Exec called %d times, want 2", n)
	}
}

// Anything else is refused with one line naming the commands, status 2
// (a usage error, as on the command line), and never reaches Exec.
func TestExecUnknownCommand(t *testing.T) {
	ts := startServer(t, nil)
	for _, cmd := range []string{"rm -rf /", "sh", "bash -c id", "scp -t /tmp", "LIST", "2 3"} {
		out, errOut, code := runExec(t, ts, cmd, 0, 0)
		if code != 2 || out != "" {
			t.Errorf("%s: status %d, stdout %q; want 2 and nothing", cmd, code, out)
		}
		name := strings.Fields(cmd)[0]
		if strings.Count(errOut, "\n") != 1 || !strings.HasSuffix(errOut, "\n") || !strings.Contains(errOut, name) {
			t.Errorf("%s: stderr %q, want one line naming %q", cmd, errOut, name)
		}
		for _, c := range []string{"list", "read", "search"} {
			if !strings.Contains(errOut, c) {
				t.Errorf("%s: stderr %q does not name the command %s", cmd, errOut, c)
			}
		}
	}
	if calls := ts.exec.Calls(); len(calls) != 0 {
		t.Errorf("refused commands reached Exec: %q", calls)
	}
}

// A session with neither a terminal nor a command is told to use ssh -t.
func TestShellWithoutPTY(t *testing.T) {
	ts := startServer(t, nil)
	s := openSession(t, ts.dial(t, "alice"), 0, 0).shell(t)
	if code := s.exitStatus(t); code != 1 {
		t.Errorf("exit status = %d, want 1", code)
	}
	if got := s.errOut.String(); got != msgNeedsPTY+"\n" || !strings.Contains(got, "ssh -t") {
		t.Errorf("stderr = %q, want the line about ssh -t", got)
	}
	if out := s.out.String(); out != "" {
		t.Errorf("stdout = %q, want nothing", out)
	}
	if calls := ts.exec.Calls(); len(calls) != 0 {
		t.Errorf("Exec called: %q", calls)
	}
}

// A terminal that cannot draw (TERM=dumb) gets printed text, as from the
// local command line: the table of contents for the shell, the article
// for read, never the full-screen reader.
func TestDumbTerminalGetsPrintedText(t *testing.T) {
	ts := startServer(t, nil)
	for _, cmd := range []string{"", "read 2", "cutler"} {
		c := ts.dial(t, "alice")
		s, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		if err := s.RequestPty("dumb", 24, 80, gossh.TerminalModes{}); err != nil {
			t.Fatal(err)
		}
		var out, errOut strings.Builder
		s.Stdout, s.Stderr = &out, &errOut
		if cmd == "" {
			err = s.Shell()
		} else {
			err = s.Start(cmd)
		}
		if err == nil {
			done := make(chan error, 1)
			go func() { done <- s.Wait() }()
			select {
			case err = <-done:
			case <-time.After(waitLimit):
				c.Close() // a reader waiting for keys, which a dumb terminal cannot show
				t.Fatalf("%q on a dumb terminal did not end within %s: %q", cmd, waitLimit, out.String())
			}
		}
		if err != nil {
			t.Errorf("%q on a dumb terminal: %v, stderr %q", cmd, err, errOut.String())
		}
		want := map[string]string{"": "exec:list", "read 2": "exec:read|2", "cutler": "exec:read|cutler"}[cmd]
		if !strings.Contains(out.String(), want) || strings.Contains(out.String(), "\x1b[?1049h") {
			t.Errorf("%q on a dumb terminal printed %q, want %q and no full-screen reader", cmd, out.String(), want)
		}
	}
}

// An article alone, as with the local `analyst 2`, is read: printed
// without a terminal.
func TestExecArticleAlone(t *testing.T) {
	ts := startServer(t, nil)
	for _, ref := range []string{"2", "cutler", "2#implications"} {
		out, errOut, code := runExec(t, ts, ref, 0, 0)
		if want := "exec:read|" + ref; !strings.Contains(out, want) || errOut != "" || code != 0 {
			t.Errorf("%s: stdout %q, stderr %q, status %d; want %q", ref, out, errOut, code, want)
		}
	}
}
