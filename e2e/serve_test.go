package e2e

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestServeRejectsBadSettings(t *testing.T) {
	for _, c := range []struct {
		env  []string
		args []string
		want string
	}{
		{nil, []string{"serve", "--max-sessions", "0"}, "--max-sessions must be at least 1"},
		{nil, []string{"serve", "--idle-timeout", "-1s"}, "--idle-timeout must be positive"},
		{[]string{"ANALYST_IDLE_TIMEOUT=soon"}, []string{"serve"}, `ANALYST_IDLE_TIMEOUT="soon"`},
		{[]string{"ANALYST_MAX_SESSIONS=many"}, []string{"serve"}, "ANALYST_MAX_SESSIONS"},
		{[]string{"ANALYST_LOG_FORMAT=xml"}, []string{"serve"}, `unknown log format "xml"`},
		{nil, []string{"serve", "extra"}, "serve takes no arguments"},
		{nil, []string{"serve", "--addr", "nonsense"}, `--addr "nonsense" must be HOST:PORT`},
		{[]string{"ANALYST_ADDR=localhost:99999"}, []string{"serve"}, `--addr "localhost:99999" must be HOST:PORT`},
		{nil, []string{"serve", "--proxy-protocol", "10.0.0.0/33"}, `--proxy-protocol: "10.0.0.0/33" is not a network`},
		{[]string{"ANALYST_PROXY_PROTOCOL=10.0.0.0/8,fe80::/10,nonsense"}, []string{"serve"}, `--proxy-protocol: "nonsense" is not a network`},
		{nil, []string{"serve", "--metrics-addr", "9234"}, `--metrics-addr "9234" must be HOST:PORT`},
		{[]string{"ANALYST_METRICS_ADDR=localhost:99999"}, []string{"serve"}, `--metrics-addr "localhost:99999" must be HOST:PORT`},
		{nil, []string{"serve", "--db", "mysql://db/analyst"}, `the store is an SQLite file or a postgres:// URL, not mysql://`},
		{[]string{"ANALYST_DB=postgres://reader:s3cret@db:notaport/analyst"}, []string{"serve"}, `--db postgres://reader:xxxxx@db:notaport/analyst: the database URL is not valid`},
		{nil, []string{"serve", "--max-highlights", "-1"}, "--max-highlights must not be negative"},
		{nil, []string{"serve", "--write-rate", "-2"}, "--write-rate must not be negative"},
		{[]string{"ANALYST_MAX_STORE_SIZE=lots"}, []string{"serve"}, `ANALYST_MAX_STORE_SIZE="lots"`},
		{nil, []string{"serve", "--max-note", "many"}, `--max-note: "many" is not a number`},
		{[]string{"ANALYST_MAX_SESSIONS_PER_ADDRESS=-1"}, []string{"serve"}, "--max-sessions-per-address must not be negative"},
	} {
		key := filepath.Join(t.TempDir(), "key")
		r := runner{env: c.env}.analyst(t, append(c.args, "--host-key", key)...)
		r.wantCode(t, 2)
		r.wantStderr(t, c.want)
		if _, err := os.Stat(key); !os.IsNotExist(err) {
			t.Errorf("analyst %q made a host key before refusing to start", c.args)
		}
		if strings.Contains(r.stderr, "s3cret") {
			t.Errorf("analyst %q shows the database's password:\n%s", c.args, r.stderr)
		}
	}
}

// TestServeWithAStoreItCannotOpen fails (exit 1) naming the store and why:
// a store that cannot be opened will not mend itself.
func TestServeWithAStoreItCannotOpen(t *testing.T) {
	dir := t.TempDir()
	notAFolder := filepath.Join(dir, "file")
	if err := os.WriteFile(notAFolder, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(notAFolder, "readers.db")
	r := analyst(t, "serve", "--addr", fmt.Sprintf("127.0.0.1:%d", freePort(t)), "--host-key", filepath.Join(dir, "key"), "--db", db)
	r.wantCode(t, 1)
	r.wantStderr(t, "cannot open the readers' store (--db "+db+")")
}

// TestServeOnABusyAddress fails (exit 1) naming the address, and makes no
// host key.
func TestServeOnABusyAddress(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	key := filepath.Join(t.TempDir(), "key")
	r := analyst(t, "serve", "--addr", ln.Addr().String(), "--host-key", key)
	r.wantCode(t, 1)
	r.wantStderr(t, "cannot listen on "+ln.Addr().String())
	if _, err := os.Stat(key); !os.IsNotExist(err) {
		t.Errorf("a server that could not listen made a host key")
	}
}

// TestServeTakesSettingsFromTheEnvironment starts the server with its
// address, host key and log format from the environment only, checks that
// it listens there and logs JSON, then stops it with SIGTERM.
func TestServeTakesSettingsFromTheEnvironment(t *testing.T) {
	port := freePort(t)
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	key := filepath.Join(t.TempDir(), "keys", "host")
	cmd := exec.Command(analystBin, "serve")
	cmd.Env = append(cleanEnv(), "ANALYST_ADDR="+addr, "ANALYST_HOST_KEY="+key, "ANALYST_LOG_FORMAT=json")
	log := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server did not listen on ANALYST_ADDR=%s:\n%s", addr, log)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v\n%s", err, log)
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("the server did not stop after SIGTERM:\n%s", log)
	}
	if !strings.Contains(log.String(), `"msg":"created a host key"`) || !strings.Contains(log.String(), key) {
		t.Errorf("the log must be JSON and name the host key it made at ANALYST_HOST_KEY:\n%s", log)
	}
}

// waitLog waits until the server's log has text, and fails the test if it
// has not within screenDeadline or the server ended first.
func (s *sshServer) waitLog(t *testing.T, text string) {
	t.Helper()
	deadline := time.Now().Add(screenDeadline)
	for !strings.Contains(s.log.String(), text) {
		select {
		case <-s.done:
			t.Fatalf("the server ended before its log said %q:\n%s", text, s.log)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server's log did not say %q within %s:\n%s", text, screenDeadline, s.log)
		}
		time.Sleep(pollInterval)
	}
}

// TestServeSecondSignalStopsAtOnce: with a reader connected, a first
// SIGINT starts the shutdown's grace period (a minute here); a second one
// ends the reader's session and the server at once, with exit status 1.
func TestServeSecondSignalStopsAtOnce(t *testing.T) {
	s := startServer(t, "--shutdown-grace", "1m")
	_, sess := s.goReader(t)
	ended := make(chan error, 1)
	go func() { ended <- sess.Wait() }()

	if err := s.cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	s.waitLog(t, "shutting down")
	select {
	case <-s.done:
		t.Fatalf("the server stopped at the first SIGINT, with a reader and a minute's grace:\n%s", s.log)
	default:
	}
	if err := s.cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case <-s.done:
	case <-time.After(screenDeadline):
		t.Fatalf("the server was still running %s after a second SIGINT:\n%s", screenDeadline, s.log)
	}
	var ee *exec.ExitError
	if !errors.As(s.err, &ee) || ee.ExitCode() != 1 {
		t.Errorf("exit after a second SIGINT: %v, want status 1\n%s", s.err, s.log)
	}
	for _, want := range []string{"second signal", "stopped", "analyst: stopped at once by a second signal (interrupt)"} {
		if !strings.Contains(s.log.String(), want) {
			t.Errorf("the server's output lacks %q:\n%s", want, s.log)
		}
	}
	select {
	case <-ended:
	case <-time.After(screenDeadline):
		t.Error("the reader's session outlived the server")
	}
}
