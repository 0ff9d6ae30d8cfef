package e2e

// End-to-end tests of "analyst serve" with the real OpenSSH client: the
// reader in a tmux pane over ssh -t, and the commands without a terminal.

import (
	"bytes"
	"fmt"
	"net"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer that a process can write while a test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// sshServer is a running "analyst serve".
type sshServer struct {
	port int
	cmd  *exec.Cmd
	log  *syncBuffer // stdout and stderr
	done chan struct{}
	err  error // from Wait, once done is closed
}

// freePort finds a port on 127.0.0.1 that nothing listens on (for now).
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	return port
}

// startServer starts the server on a free port with a host key in a
// temporary folder, and waits until the port accepts connections. The
// server is killed when the test ends, if it is still running.
func startServer(t *testing.T, extra ...string) *sshServer {
	t.Helper()
	return startServerWith(t, nil, extra...)
}

// startServerWith is startServer with variables ("KEY=value") added to the
// server's environment.
func startServerWith(t *testing.T, env []string, extra ...string) *sshServer {
	t.Helper()
	return startServerAt(t, filepath.Join(t.TempDir(), "ssh_host_key"), env, extra...)
}

// startServerWithKey is startServer with the host key at key.
func startServerWithKey(t *testing.T, key string, extra ...string) *sshServer {
	t.Helper()
	return startServerAt(t, key, nil, extra...)
}

// startServerAt is startServerWith with the host key at key.
func startServerAt(t *testing.T, key string, env []string, extra ...string) *sshServer {
	t.Helper()
	// Another process may take the free port before the server does:
	// then try another.
	for attempt := 1; ; attempt++ {
		s := &sshServer{port: freePort(t), log: &syncBuffer{}, done: make(chan struct{})}
		args := append([]string{"serve", "--addr", fmt.Sprintf("127.0.0.1:%d", s.port), "--host-key", key}, extra...)
		s.cmd = exec.Command(analystBin, args...)
		s.cmd.Env = append(cleanEnv(), env...)
		s.cmd.Stdout, s.cmd.Stderr = s.log, s.log
		if err := s.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		go func() {
			s.err = s.cmd.Wait()
			close(s.done)
		}()
		t.Cleanup(func() {
			select {
			case <-s.done:
			default:
				_ = s.cmd.Process.Kill()
				<-s.done
			}
		})
		if s.waitAccepting(t) {
			return s
		}
		if attempt == 3 || !strings.Contains(s.log.String(), "cannot listen") {
			t.Fatalf("the server ended before accepting connections (%v):\n%s", s.err, s.log)
		}
	}
}

// waitAccepting waits until the server's port accepts a connection, and
// reports false if the server ended first.
func (s *sshServer) waitAccepting(t *testing.T) bool {
	t.Helper()
	addr := fmt.Sprintf("127.0.0.1:%d", s.port)
	deadline := time.Now().Add(screenDeadline)
	for {
		select {
		case <-s.done:
			return false
		default:
		}
		if conn, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			conn.Close()
			return true
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server did not accept connections within %s:\n%s", screenDeadline, s.log)
		}
		time.Sleep(pollInterval)
	}
}

// stop sends SIGTERM and expects the server to exit 0 within 15s.
func (s *sshServer) stop(t *testing.T) {
	t.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	s.waitStopped(t, time.Now().Add(15*time.Second))
}

func (s *sshServer) waitStopped(t *testing.T, deadline time.Time) {
	t.Helper()
	select {
	case <-s.done:
	case <-time.After(time.Until(deadline)):
		t.Fatalf("the server was still running 15s after SIGTERM:\n%s", s.log)
	}
	if s.err != nil {
		t.Fatalf("the server exited with %v after SIGTERM, want 0:\n%s", s.err, s.log)
	}
	if !strings.Contains(s.log.String(), "stopped") {
		t.Errorf("the server's log does not say it stopped:\n%s", s.log)
	}
}

// sshArgs are the client's arguments for the server: no configuration,
// keys or known hosts of the user's; keyboard-interactive gets in. opts
// come first, so that they win over these (ssh keeps an option's first
// value): a test's key, for one.
func (s *sshServer) sshArgs(opts ...string) []string {
	args := append([]string(nil), opts...)
	args = append(args,
		"-F", "/dev/null",
		"-p", strconv.Itoa(s.port),
		"-o", "StrictHostKeyChecking=no",
		"-o", "UserKnownHostsFile=/dev/null",
		"-o", "GlobalKnownHostsFile=/dev/null",
		"-o", "LogLevel=ERROR",
		"-o", "IdentitiesOnly=yes",
		"-o", "PubkeyAuthentication=no",
		"-o", "ConnectTimeout=10",
	)
	return append(args, "127.0.0.1")
}

// ssh runs the client without a terminal and returns what it did.
func (s *sshServer) ssh(t *testing.T, opts []string, command ...string) result {
	t.Helper()
	r, _, err := s.runSSH(opts, command...)
	if err != nil {
		t.Fatalf("ssh %q: %v\nstderr:\n%s\nserver:\n%s", r.args, err, r.stderr, s.log)
	}
	return r
}

// sshTerm runs the client with a terminal (-t) in a 120×40 tmux pane.
func (s *sshServer) sshTerm(t *testing.T, command ...string) *pane {
	t.Helper()
	return s.sshTermSized(t, 120, 40, command...)
}

// sshTermSized is sshTerm in a w×h pane.
func (s *sshServer) sshTermSized(t *testing.T, w, h int, command ...string) *pane {
	t.Helper()
	return s.sshTermWith(t, nil, w, h, command...)
}

// sshTermWith is sshTermSized with more options for the client.
func (s *sshServer) sshTermWith(t *testing.T, opts []string, w, h int, command ...string) *pane {
	t.Helper()
	ssh, err := exec.LookPath("ssh")
	if err != nil {
		needTools(t, "ssh")
	}
	prog := append([]string{"TERM=xterm-256color", ssh}, s.sshArgs(append([]string{"-t"}, opts...)...)...)
	return startPane(t, w, h, "SSHEXIT", paneCommand("SSHEXIT", prog, command...))
}

func TestSSH(t *testing.T) {
	t.Parallel()
	needTools(t, "ssh", "tmux")
	// One server for every subtest: its default limit of new connections
	// from one address (a burst of 10) is more than they open.
	srv := startServer(t)

	t.Run("list", func(t *testing.T) {
		r := srv.ssh(t, nil, "list")
		r.wantCode(t, 0)
		if want := ok(t, "list"); r.stdout != want {
			t.Errorf("ssh list differs from analyst list:\n%s\nwant:\n%s", r.stdout, want)
		}
		for _, want := range []string{"TITLE", "The Armenia–Azerbaijan Peace Process Enters 2026", "Umair Jamal"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("ssh list lacks %q:\n%s", want, r.stdout)
			}
		}
	})

	t.Run("read", func(t *testing.T) {
		r := srv.ssh(t, nil, "read", "2")
		r.wantCode(t, 0)
		if strings.Contains(r.stdout, "\x1b") {
			t.Errorf("ssh read 2 without a terminal printed escape codes:\n%q", r.stdout)
		}
		if want := ok(t, "read", "2"); r.stdout != want {
			t.Errorf("ssh read 2 differs from analyst read 2:\n%s\nwant:\n%s", r.stdout, want)
		}
		if !strings.Contains(r.stdout, "The Armenia–Azerbaijan Peace Process Enters 2026") || !strings.Contains(r.stdout, "Implications") {
			t.Errorf("ssh read 2 is not article 2:\n%s", r.stdout)
		}
	})

	t.Run("list in a terminal fits it", func(t *testing.T) {
		tm := srv.sshTermSized(t, 60, 24, "list")
		code, s := tm.waitExit(screenDeadline)
		if code != "0" {
			t.Fatalf("ssh -t list: exit %s\n%s", code, s)
		}
		if err := s.fits(60, 24); err != nil || !s.has("…") || s.has("SECTIONS") {
			t.Errorf("ssh -t list at 60 columns must fit them, cutting titles: %v\n%s", err, s)
		}
	})

	t.Run("no such article, with a terminal", func(t *testing.T) {
		tm := srv.sshTermSized(t, 100, 24, "read", "9")
		code, s := tm.waitExit(screenDeadline)
		if code != "1" || !s.has("no article 9: the issue has 4 articles (1–4)") || !s.has("`ssh HOST list`") {
			t.Errorf("ssh -t read 9: exit %s, want 1 and the command line's message:\n%s", code, s)
		}
	})

	t.Run("an article alone", func(t *testing.T) {
		r := srv.ssh(t, nil, "cutler")
		r.wantCode(t, 0)
		if want := ok(t, "read", "2"); r.stdout != want {
			t.Errorf("ssh cutler differs from analyst read 2:\n%s", r.stdout)
		}
	})

	t.Run("usage error", func(t *testing.T) {
		r := srv.ssh(t, nil, "read", "2", "--width", "abc")
		r.wantCode(t, 2)
		r.wantStderr(t, `--width: "abc" is not a number`, "usage: ssh HOST read", "run 'ssh HOST read --help' for more")
		if r := srv.ssh(t, nil, "read", "9"); !strings.Contains(r.stderr, "`ssh HOST list`") {
			t.Errorf("over SSH, errors point to the commands as the reader runs them:\n%s", r.stderr)
		}
	})

	t.Run("unknown command", func(t *testing.T) {
		r := srv.ssh(t, nil, "nosuchcmd")
		r.wantCode(t, 2)
		r.wantNoStdout(t)
		msg := strings.TrimSuffix(r.stderr, "\n")
		if strings.Contains(msg, "\n") || msg == "" {
			t.Errorf("want a one-line error, got:\n%s", r.stderr)
		}
		r.wantStderr(t, "nosuchcmd", "list", "read", "search")
	})

	t.Run("no terminal and no command", func(t *testing.T) {
		r := srv.ssh(t, []string{"-T"})
		r.wantCode(t, 1)
		r.wantNoStdout(t)
		r.wantStderr(t, "ssh -t")
	})

	t.Run("reader", func(t *testing.T) {
		tm := srv.sshTerm(t)
		tm.waitFor("the issue list over ssh", listShown)
		tm.wantRunning()
		tm.keys("2")
		s := tm.waitFor("the reader at article 2", readerAt(2))
		if !strings.Contains(s.sidebar(), "Robert M. Cutler") {
			t.Errorf("the sidebar lacks the author:\n%s", s.sidebar())
		}
		tm.keys("]")
		s = tm.waitFor("] to bring the next section to the top", func(s screen) bool {
			return s.top() == "Background"
		})
		if !strings.Contains(s.header(), "Article 2 of 4 · Background") {
			t.Errorf("the header does not name the section: %q", s.header())
		}
		tm.quit()
	})

	t.Run("read at a section with a terminal", func(t *testing.T) {
		tm := srv.sshTerm(t, "read", "2#implications")
		s := tm.waitFor("the reader at Implications", func(s screen) bool {
			return readerAt(2)(s) && s.top() == "Implications"
		})
		if !strings.Contains(s.sidebar(), "▸ 3 Implications") {
			t.Errorf("the sidebar does not mark the section:\n%s", s.sidebar())
		}
		tm.quit()
	})

	srv.stop(t)
}

// TestSSHShutdown: SIGTERM with a reader connected tells the reader the
// server is going down, ends the session after the grace period (2s here) with the
// terminal restored, and exits 0.
func TestSSHShutdown(t *testing.T) {
	t.Parallel()
	needTools(t, "ssh", "tmux")
	srv := startServer(t, "--shutdown-grace", "2s")
	tm := srv.sshTerm(t)
	tm.waitFor("the issue list over ssh", listShown)
	tm.keys("2")
	tm.waitFor("the reader at article 2", readerAt(2))

	if err := srv.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(15 * time.Second)
	tm.waitFor("the going-down notice", func(s screen) bool {
		return strings.Contains(s.header(), "The server is going down") && strings.Contains(s.header(), "q to leave")
	})
	srv.waitStopped(t, deadline)

	code, s := tm.waitExit(screenDeadline)
	if !s.has("Goodbye") {
		t.Errorf("the reader was not told why the session ended:\n%s", s)
	}
	// The session's exit status reaches the client before the server
	// closes the connection.
	if code != "0" {
		t.Errorf("ssh exited %s after the server went down, want 0", code)
	}
	tm.wantRestored(s)
}
