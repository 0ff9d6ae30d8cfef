package server

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"analyst/internal/testlib"
)

// waitLimit bounds every wait in these tests: a bug fails a test instead
// of hanging it.
const waitLimit = 10 * time.Second

// newHostKeyPEM makes an ed25519 host key in memory.
func newHostKeyPEM(tb testing.TB) []byte {
	tb.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		tb.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "test host key")
	if err != nil {
		tb.Fatal(err)
	}
	return pem.EncodeToMemory(block)
}

// fakeExec stands in for the command line: it records the arguments of
// every call and answers in a way a test can recognise.
type fakeExec struct {
	mu    sync.Mutex
	calls [][]string

	// "search slow" says it has begun on slowBegun, then waits until
	// slowEnd is closed (or its context ends), when the test set them.
	slowBegun chan struct{}
	slowEnd   chan struct{}
}

// Its answers: stdout "exec:" and the arguments, and " width=N" when the
// session has a terminal; for "read nosuch", an error on stderr and status
// 3 instead; "search boom" panics.
func (f *fakeExec) run(ctx context.Context, args []string, width int, _ io.Reader, stdout, stderr io.Writer) int {
	f.mu.Lock()
	f.calls = append(f.calls, append([]string(nil), args...))
	begun, end := f.slowBegun, f.slowEnd
	f.mu.Unlock()
	if len(args) == 2 && args[0] == "search" && args[1] == "slow" && end != nil {
		begun <- struct{}{}
		select {
		case <-end:
		case <-ctx.Done():
		}
	}
	if len(args) == 2 && args[0] == "search" && args[1] == "boom" {
		panic("boom in a command")
	}
	if len(args) == 2 && args[0] == "read" && args[1] == "nosuch" {
		fmt.Fprintln(stderr, "fake: no article nosuch")
		return 3
	}
	if width > 0 {
		fmt.Fprintf(stdout, "exec:%s width=%d\n", strings.Join(args, "|"), width)
		return 0
	}
	fmt.Fprintf(stdout, "exec:%s\n", strings.Join(args, "|"))
	return 0
}

func (f *fakeExec) Calls() [][]string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([][]string(nil), f.calls...)
}

// testServer is a server on a loopback port, shut down at the end of the
// test.
type testServer struct {
	*Server
	addr    string
	exec    *fakeExec
	served  chan error // what Serve returned
	stopped bool       // shutdown has run
}

// startServer starts a server with the test library, a fresh host key and
// a fake Exec; change adjusts the Config first.
func startServer(t *testing.T, change func(*Config)) *testServer {
	t.Helper()
	fe := &fakeExec{}
	cfg := Config{
		HostKeyPEM:    newHostKeyPEM(t),
		Library:       testlib.Library(t),
		Exec:          fe.run,
		RatePerSecond: 0, // no limit unless a test asks for one
		ShutdownGrace: time.Second,
	}
	if change != nil {
		change(&cfg)
	}
	return serveConfig(t, cfg, fe)
}

func serveConfig(t *testing.T, cfg Config, fe *fakeExec) *testServer {
	t.Helper()
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return serveServer(t, srv, fe)
}

// serveServer serves srv, made by New, on a free port.
func serveServer(t *testing.T, srv *Server, fe *fakeExec) *testServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{Server: srv, addr: ln.Addr().String(), exec: fe, served: make(chan error, 1)}
	go func() { ts.served <- srv.Serve(ln) }()
	t.Cleanup(func() { ts.shutdown(t) })
	return ts
}

// shutdown shuts the server down and checks that Serve returned; a second
// call does nothing.
func (ts *testServer) shutdown(t *testing.T) {
	t.Helper()
	if ts.stopped {
		return
	}
	ts.stopped = true
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	if err := ts.Shutdown(ctx); err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	select {
	case err := <-ts.served:
		if !errors.Is(err, ErrServerClosed) {
			t.Errorf("Serve returned %v, want ErrServerClosed", err)
		}
	case <-time.After(waitLimit):
		t.Errorf("Serve did not return after Shutdown")
	}
}

// newSigner is a new ed25519 client key.
func newSigner(tb testing.TB) gossh.Signer {
	tb.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		tb.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		tb.Fatal(err)
	}
	return signer
}

// clientConfig is a client for user with a fresh ed25519 key.
func clientConfig(tb testing.TB, user string) *gossh.ClientConfig {
	tb.Helper()
	return &gossh.ClientConfig{
		User:            user,
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(newSigner(tb))},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         waitLimit,
	}
}

// dial connects as user with a fresh key; the client is closed at the end
// of the test.
func (ts *testServer) dial(t *testing.T, user string) *gossh.Client {
	t.Helper()
	c, err := gossh.Dial("tcp", ts.addr, clientConfig(t, user))
	if err != nil {
		t.Fatalf("dial as %s: %v", user, err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// output collects what a session writes to one stream.
type output struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	changed chan struct{} // closed and replaced on every write, and at EOF
	eof     bool
}

func newOutput(r io.Reader) *output {
	o := &output{changed: make(chan struct{})}
	go func() {
		b := make([]byte, 4096)
		for {
			n, err := r.Read(b)
			o.mu.Lock()
			o.buf.Write(b[:n])
			if err != nil {
				o.eof = true
			}
			close(o.changed)
			o.changed = make(chan struct{})
			o.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	return o
}

// mark is a position in the output, to wait for what comes after it.
func (o *output) mark() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.Len()
}

// String is everything written so far, escape sequences included.
func (o *output) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.String()
}

// text is what was written after mark, without escape sequences.
func (o *output) text(from int) string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return ansi.Strip(string(o.buf.Bytes()[from:]))
}

// waitFor waits until token appears (escape sequences aside) in what was
// written after from, and fails the test if it does not within waitLimit
// or the stream ends first.
func (o *output) waitFor(tb testing.TB, from int, token string) {
	tb.Helper()
	if err := o.await(from, token, waitLimit); err != nil {
		tb.Fatal(err)
	}
}

func (o *output) await(from int, token string, limit time.Duration) error {
	return o.awaitText(from, func(raw string) bool { return strings.Contains(ansi.Strip(raw), token) },
		fmt.Sprintf("%q", token), limit)
}

// clearScreen is how the program starts a frame drawn afresh, as after a
// resize.
const clearScreen = "\x1b[2J"

// waitForFrame waits until, after from, the screen is cleared and then
// token appears, and returns the text written since the last clear.
func (o *output) waitForFrame(tb testing.TB, from int, token string) string {
	tb.Helper()
	frame := func(raw string) (string, bool) {
		i := strings.LastIndex(raw, clearScreen)
		if i < 0 {
			return "", false
		}
		text := ansi.Strip(raw[i:])
		return text, strings.Contains(text, token)
	}
	err := o.awaitText(from, func(raw string) bool {
		_, ok := frame(raw)
		return ok
	}, fmt.Sprintf("a fresh frame with %q", token), waitLimit)
	if err != nil {
		tb.Fatal(err)
	}
	text, _ := frame(o.String()[from:])
	return text
}

// awaitText waits until done says yes to what was written after from.
func (o *output) awaitText(from int, done func(raw string) bool, what string, limit time.Duration) error {
	deadline := time.NewTimer(limit)
	defer deadline.Stop()
	for {
		o.mu.Lock()
		seen := done(string(o.buf.Bytes()[from:]))
		eof, changed := o.eof, o.changed
		o.mu.Unlock()
		switch {
		case seen:
			return nil
		case eof:
			return fmt.Errorf("stream ended without %s; after the mark it had:\n%s", what, o.text(from))
		}
		select {
		case <-changed:
		case <-deadline.C:
			return fmt.Errorf("no %s within %s; after the mark the stream had:\n%s", what, limit, o.text(from))
		}
	}
}

// waitEOF waits for the stream to end.
func (o *output) waitEOF(tb testing.TB) {
	tb.Helper()
	deadline := time.NewTimer(waitLimit)
	defer deadline.Stop()
	for {
		o.mu.Lock()
		eof, changed := o.eof, o.changed
		o.mu.Unlock()
		if eof {
			return
		}
		select {
		case <-changed:
		case <-deadline.C:
			tb.Fatalf("stream did not end within %s", waitLimit)
		}
	}
}

// session is a client session with its streams collected.
type session struct {
	*gossh.Session
	in     io.WriteCloser
	out    *output
	errOut *output
	done   chan struct{} // closed when Wait returns
	err    error         // what Wait returned, once done is closed
}

// openSession opens a session on c; with a non-zero size it asks for a
// PTY first. Start it with shell or run.
func openSession(tb testing.TB, c *gossh.Client, rows, cols int) *session {
	tb.Helper()
	s, err := c.NewSession()
	if err != nil {
		tb.Fatalf("new session: %v", err)
	}
	if rows > 0 {
		if err := s.RequestPty("xterm-256color", rows, cols, gossh.TerminalModes{}); err != nil {
			tb.Fatalf("pty: %v", err)
		}
	}
	in, err := s.StdinPipe()
	if err != nil {
		tb.Fatal(err)
	}
	stdout, err := s.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	stderr, err := s.StderrPipe()
	if err != nil {
		tb.Fatal(err)
	}
	return &session{Session: s, in: in, out: newOutput(stdout), errOut: newOutput(stderr), done: make(chan struct{})}
}

// shell starts the session's shell.
func (s *session) shell(tb testing.TB) *session {
	tb.Helper()
	if err := s.Shell(); err != nil {
		tb.Fatalf("shell: %v", err)
	}
	go s.wait()
	return s
}

// start starts a command.
func (s *session) start(tb testing.TB, cmd string) *session {
	tb.Helper()
	if err := s.Start(cmd); err != nil {
		tb.Fatalf("start %q: %v", cmd, err)
	}
	go s.wait()
	return s
}

// reader opens a PTY session of rows x cols on c and starts the reader.
func reader(tb testing.TB, c *gossh.Client, rows, cols int) *session {
	tb.Helper()
	return openSession(tb, c, rows, cols).shell(tb)
}

func (s *session) wait() {
	s.err = s.Wait()
	close(s.done)
}

// press sends keys.
func (s *session) press(tb testing.TB, keys string) {
	tb.Helper()
	if _, err := s.in.Write([]byte(keys)); err != nil {
		tb.Fatalf("press %q: %v", keys, err)
	}
}

// exitStatus waits for the session to end and returns its exit status;
// it fails the test if the session does not end within waitLimit or ends
// without a status.
func (s *session) exitStatus(tb testing.TB) int {
	tb.Helper()
	return s.exitStatusWithin(tb, waitLimit)
}

func (s *session) exitStatusWithin(tb testing.TB, limit time.Duration) int {
	tb.Helper()
	select {
	case <-s.done:
		err := s.err
		// The streams end with the channel; let the readers catch up so
		// callers can look at all the output.
		s.out.waitEOF(tb)
		s.errOut.waitEOF(tb)
		if err == nil {
			return 0
		}
		var ee *gossh.ExitError
		if errors.As(err, &ee) {
			return ee.ExitStatus()
		}
		tb.Fatalf("session ended without an exit status: %v", err)
	case <-time.After(limit):
		tb.Fatalf("session did not end within %s; stdout:\n%s\nstderr:\n%s", limit, s.out.text(0), s.errOut.text(0))
	}
	return -1
}

// endedWithin waits up to limit for the session to end, and says whether
// it did and how.
func (s *session) endedWithin(limit time.Duration) (bool, error) {
	select {
	case <-s.done:
		return true, s.err
	case <-time.After(limit):
		return false, nil
	}
}
