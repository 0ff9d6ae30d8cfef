package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// clientConfig logs in as the server allows any reader to: keyboard-
// interactive with no questions (the cheapest method for both sides).
func clientConfig(timeout time.Duration) *gossh.ClientConfig {
	return &gossh.ClientConfig{
		User: "loadtest",
		Auth: []gossh.AuthMethod{
			gossh.KeyboardInteractive(func(_, _ string, questions []string, _ []bool) ([]string, error) {
				return make([]string, len(questions)), nil
			}),
		},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         timeout,
	}
}

// session is one SSH reader: a PTY session running the reader, whose
// output one goroutine drains all the time, attributing it to key presses.
type session struct {
	client *gossh.Client
	sess   *gossh.Session
	stdin  io.WriteCloser
	stderr limitedBuffer

	mu      sync.Mutex
	tr      tracker
	total   int64
	firstAt time.Time // the first output byte

	activity  chan struct{} // a token after any output
	firstByte chan struct{} // closed at the first output byte
	readDone  chan struct{} // closed when the output ends
	readErr   error         // why it ended; set before readDone closes
	quitting  atomic.Bool   // q was sent: the end of the output is expected
}

// errNoOutput is a step that got no screen output in time.
var errNoOutput = errors.New("no screen output")

// dial opens a session: TCP, SSH handshake, PTY of w×h, shell, and waits
// for the first byte of the screen. It returns the session and the time all
// that took.
func dial(addr string, w, h int, cfg *gossh.ClientConfig, timeout time.Duration) (*session, time.Duration, error) {
	start := time.Now()
	deadline := start.Add(timeout)
	conn, err := net.DialTimeout("tcp", addr, timeout)
	if err != nil {
		return nil, 0, fmt.Errorf("tcp: %w", err)
	}
	_ = conn.SetDeadline(deadline) // bounds the handshake
	c, chans, reqs, err := gossh.NewClientConn(conn, addr, cfg)
	if err != nil {
		conn.Close()
		return nil, 0, fmt.Errorf("handshake: %w", err)
	}
	client := gossh.NewClient(c, chans, reqs)
	s := &session{
		client:    client,
		activity:  make(chan struct{}, 1),
		firstByte: make(chan struct{}),
		readDone:  make(chan struct{}),
	}
	fail := func(step string, err error) (*session, time.Duration, error) {
		client.Close()
		return nil, 0, fmt.Errorf("%s: %w", step, err)
	}
	if s.sess, err = client.NewSession(); err != nil {
		return fail("session", err)
	}
	if err := s.sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil { // height first
		return fail("pty", err)
	}
	if s.stdin, err = s.sess.StdinPipe(); err != nil {
		return fail("stdin", err)
	}
	out, err := s.sess.StdoutPipe()
	if err != nil {
		return fail("stdout", err)
	}
	s.sess.Stderr = &s.stderr
	if err := s.sess.Shell(); err != nil {
		return fail("shell", err)
	}
	go s.read(out)
	select {
	case <-s.firstByte:
	case <-s.readDone:
		return fail("first screen", s.endError())
	case <-time.After(time.Until(deadline)):
		return fail("first screen", errNoOutput)
	}
	_ = conn.SetDeadline(time.Time{})
	s.mu.Lock()
	took := s.firstAt.Sub(start)
	s.mu.Unlock()
	return s, took, nil
}

// read drains the output until it ends.
func (s *session) read(out io.Reader) {
	buf := make([]byte, 16<<10)
	for {
		n, err := out.Read(buf)
		if n > 0 {
			now := time.Now()
			s.mu.Lock()
			s.tr.output(now, n)
			first := s.total == 0
			if first {
				s.firstAt = now
			}
			s.total += int64(n)
			s.mu.Unlock()
			if first {
				close(s.firstByte)
			}
			select {
			case s.activity <- struct{}{}:
			default:
			}
		}
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF // the server ended the session
			}
			s.readErr = err
			close(s.readDone)
			return
		}
	}
}

// endError says why the output ended, with what the server wrote to stderr.
func (s *session) endError() error {
	<-s.readDone
	if msg := bytes.TrimSpace(s.stderr.Bytes()); len(msg) > 0 {
		return fmt.Errorf("%w (server said %q)", s.readErr, msg)
	}
	return s.readErr
}

// alive reports whether the output is still open.
func (s *session) alive() bool {
	select {
	case <-s.readDone:
		return false
	default:
		return true
	}
}

// outputBytes is everything received so far.
func (s *session) outputBytes() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.total
}

// settle waits until the screen has been quiet for quiet, at most limit.
func (s *session) settle(quiet, limit time.Duration) error {
	deadline := time.NewTimer(limit)
	defer deadline.Stop()
	calm := time.NewTimer(quiet)
	defer calm.Stop()
	for {
		select {
		case <-s.activity:
			calm.Reset(quiet)
		case <-calm.C:
			return nil
		case <-s.readDone:
			return s.endError()
		case <-deadline.C:
			return fmt.Errorf("output did not settle within %s", limit)
		}
	}
}

// send writes keys outside any press measurement.
func (s *session) send(keys string) error {
	_, err := io.WriteString(s.stdin, keys)
	return err
}

// keyAndSettle sends keys, waits for the screen to answer (at most limit)
// and then to settle.
func (s *session) keyAndSettle(keys string, quiet, limit time.Duration) error {
	// Forget activity from before the key.
	select {
	case <-s.activity:
	default:
	}
	before := s.outputBytes()
	if err := s.send(keys); err != nil {
		return err
	}
	deadline := time.NewTimer(limit)
	defer deadline.Stop()
	for s.outputBytes() == before {
		select {
		case <-s.activity:
		case <-s.readDone:
			return s.endError()
		case <-deadline.C:
			return fmt.Errorf("key %q: %w within %s", keys, errNoOutput, limit)
		}
	}
	return s.settle(quiet, limit)
}

// press writes one key, as a measured key press.
func (s *session) press(key string) error {
	s.mu.Lock()
	s.tr.press(key, time.Now())
	s.mu.Unlock()
	return s.send(key)
}

// awaitAnswer waits, at most limit, until some output has followed the
// last key press, so that a press made just before the end still counts.
func (s *session) awaitAnswer(limit time.Duration) {
	deadline := time.NewTimer(limit)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		waiting := s.tr.cur != nil && !s.tr.cur.answered()
		s.mu.Unlock()
		if !waiting {
			return
		}
		select {
		case <-s.activity:
		case <-s.readDone:
			return
		case <-deadline.C:
			return
		}
	}
}

// presses ends the measurement and returns the key presses.
func (s *session) presses() []press {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tr.close()
	return s.tr.presses
}

// quit presses q and waits for the session to end with exit status 0.
func (s *session) quit(timeout time.Duration) error {
	defer s.client.Close()
	s.quitting.Store(true)
	if err := s.send("q"); err != nil {
		return fmt.Errorf("sending q: %w", err)
	}
	waited := make(chan error, 1)
	go func() { waited <- s.sess.Wait() }()
	select {
	case err := <-waited:
		if err != nil {
			return fmt.Errorf("after q: %w", err)
		}
	case <-time.After(timeout):
		return fmt.Errorf("after q: session still open after %s", timeout)
	}
	select {
	case <-s.readDone:
	case <-time.After(timeout):
		return fmt.Errorf("after q: output still open after %s", timeout)
	}
	return nil
}

// limitedBuffer keeps the first 1 KiB written to it, for error messages.
type limitedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if room := 1024 - b.buf.Len(); room > 0 {
		b.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func (b *limitedBuffer) Bytes() []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return bytes.Clone(b.buf.Bytes())
}
