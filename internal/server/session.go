package server

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"

	"analyst/internal/content"
)

// Messages a client may see.
const (
	msgBusy     = "server busy, try again shortly"
	msgClosing  = "the server is going down, try again shortly"
	msgNeedsPTY = "analyst is a reader for terminals: connect with ssh -t, or run one of: list, read REF, search QUERY, cite REF, glossary, highlights, forget"
	msgNoSize   = "analyst: the terminal has no size (0x0): run ssh from a terminal, or without -t for text (ssh HOST list)"
	msgApology  = "Sorry: the reader hit an internal error and had to close this session. It has been logged."
)

// commands are what a session may run: the command line's printing
// commands, and those of the reader's own things (highlights, forget).
var commands = []string{"list", "read", "search", "cite", "glossary", "highlights", "forget"}

// handle is the server's one middleware: it serves every session from start
// to end, logs it, and sets its exit status. Nothing runs after it.
func (s *Server) handle(ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		sess = s.serving(sess)
		// Shutdown waits for this, so that it does not close the
		// connection before the exit status is sent.
		s.sessions.enter()
		defer s.sessions.leave()
		// While it is served, the connection is not idle (see admit).
		if tc, ok := sess.Context().Value(connKey{}).(*trackedConn); ok {
			tc.sessionBegan()
			defer tc.sessionEnded()
		}
		start := time.Now()
		var sent atomic.Int64
		var term terminal
		term.pty, term.winch, term.ok = sess.Pty() // once: see terminal
		code := s.serve(sess, term, &sent)
		if term.ok {
			// From here on nothing reads window changes, and for a
			// session that ran no reader nothing ever did. A change the
			// client sends now would block the session's request loop
			// for ever (the ssh package's channel holds one size), and
			// leak it: drain them until the ssh package closes the
			// channel with the session.
			go func() {
				for range term.winch {
				}
			}()
		}
		s.log.Info("session",
			"remote", sess.RemoteAddr().String(),
			"user", clientString(sess.User()),
			"key", fingerprint(sess.PublicKey()),
			"command", clientString(sess.RawCommand()),
			"pty", term.ok,
			"duration", time.Since(start).Round(time.Millisecond),
			"bytes", sent.Load(),
			"exit", code,
		)
		s.sessionDone(sess, time.Since(start), sent.Load())
		_ = sess.Exit(code)
	}
}

// terminal is a session's PTY as it was when the session began, and the
// channel of its later sizes. The ssh package writes each new size into
// the session's PTY, without a lock, as window changes arrive, so
// sess.Pty() is called once, at the start, and never while a window change
// could be arriving; sizes after the first come from winch.
type terminal struct {
	pty   ssh.Pty
	winch <-chan ssh.Window
	ok    bool // the session has a PTY
}

// serve routes a session and returns its exit status. A panic ends only
// this session: it is logged with its stack and the client gets an apology.
func (s *Server) serve(sess ssh.Session, term terminal, sent *atomic.Int64) (code int) {
	stderr := countingWriter{sess.Stderr(), sent}
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("panic", "remote", sess.RemoteAddr().String(), "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			endedBy(sess, endPanic)
			fmt.Fprintln(stderr, msgApology)
			code = 1
		}
	}()
	if s.closing.Load() {
		s.metrics.refuse(refusedShutdown)
		fmt.Fprintln(stderr, msgClosing)
		return 1
	}
	// Before anything parses it.
	if n := len(sess.RawCommand()); n > s.cfg.MaxCommand {
		fmt.Fprintf(stderr, "analyst: the command is too long (%d bytes; at most %d)\n", n, s.cfg.MaxCommand)
		return 2
	}
	if s.active.Add(1) > int64(s.cfg.MaxSessions) {
		s.active.Add(-1)
		s.metrics.refuse(refusedBusy)
		fmt.Fprintln(stderr, msgBusy)
		return 1
	}
	defer s.active.Add(-1)
	if !s.perAddr.enter(sess.RemoteAddr()) {
		s.metrics.refuse(refusedAddressSessions)
		fmt.Fprintln(stderr, "analyst: "+msgAddressFull)
		return 1
	}
	defer s.perAddr.leave(sess.RemoteAddr())
	if s.beforeSession != nil {
		s.beforeSession(sess)
	}

	// The reader needs a terminal it can draw on: TERM=dumb gets printed
	// text, as the local command line gives it.
	drawable := term.ok && term.pty.Term != "dumb"
	args := splitCommand(sess.RawCommand()) // not sess.Command(): see splitCommand
	switch {
	case len(args) == 0 && term.ok && !drawable:
		args = []string{"list"}
	case len(args) == 0 && !drawable:
		fmt.Fprintln(stderr, msgNeedsPTY)
		return 1
	case len(args) == 0:
		return s.runReader(sess, term, nil, nil, sent)
	case len(args) == 1 && !isCommand(args[0]) && s.isArticle(sess, args[0]):
		// An article alone, as with the local `analyst 2`: the reader
		// there, or the article printed without a terminal.
		if drawable {
			return s.readAt(sess, term, args[0], sent)
		}
		args = []string{"read", args[0]}
	case !isCommand(args[0]):
		fmt.Fprintf(stderr, "analyst: unknown command %q: the commands are %s, or an article alone\n", args[0], strings.Join(commands, ", "))
		return 2
	case drawable && args[0] == "read" && len(args) == 2 && !strings.HasPrefix(args[1], "-"):
		return s.readAt(sess, term, args[1], sent)
	}
	return s.exec(sess, term, args, sent)
}

// defaultExecTimeout bounds a command: printing an article takes
// milliseconds, so a command still running after this long has a client
// that stopped reading, and would otherwise hold a session until the idle
// timeout.
const defaultExecTimeout = time.Minute

// exec runs a command. If it outlives its time, the session is closed,
// which makes its blocked writes fail, and the command ends with it.
func (s *Server) exec(sess ssh.Session, term terminal, args []string, sent *atomic.Int64) int {
	width := 0
	if term.ok {
		width = term.pty.Window.Width
	}
	s.begin(sess, commandLabel(args))
	done := goCommand(func() int {
		return s.cfg.Exec(execContext(sess), args, width, sess, countingWriter{sess, sent}, countingWriter{sess.Stderr(), sent})
	})
	timer := time.NewTimer(s.execTimeout)
	defer timer.Stop()
	select {
	case d := <-done:
		return d.result()
	case <-timer.C:
		s.log.Warn("command timed out", "remote", sess.RemoteAddr().String(), "command", clientString(sess.RawCommand()))
		endedBy(sess, endIdle)
		_ = sess.Close()
		_ = (<-done).result() // which panics again if the command did
		return 1
	}
}

// readAt opens the reader at "REF[#section]", or says why it cannot.
func (s *Server) readAt(sess ssh.Session, term terminal, ref string, sent *atomic.Int64) int {
	art, err := s.libraryOf(sess).Find(ref)
	var sec *content.Section
	if _, secRef, _ := strings.Cut(ref, "#"); err == nil && secRef != "" {
		sec, err = art.Section(secRef)
	}
	if err != nil {
		// The command says what is wrong, as it does without a terminal.
		return s.exec(sess, term, []string{"read", ref}, sent)
	}
	return s.runReader(sess, term, art, sec, sent)
}

// isArticle says whether ref names one article (as "2", "cutler" or
// "2#implications" do).
func (s *Server) isArticle(sess ssh.Session, ref string) bool {
	_, err := s.libraryOf(sess).Find(ref)
	return err == nil
}

func isCommand(name string) bool {
	for _, c := range commands {
		if c == name {
			return true
		}
	}
	return false
}

// fingerprint names a client key in the log, or "none".
func fingerprint(key ssh.PublicKey) string {
	if key == nil {
		return "none"
	}
	return gossh.FingerprintSHA256(key)
}

// countingWriter adds what it writes to a session's byte count.
type countingWriter struct {
	w io.Writer
	n *atomic.Int64
}

func (c countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n.Add(int64(n))
	return n, err
}
