package server

import (
	"context"
	"time"

	"charm.land/ssh"

	"analyst/internal/content"
)

// servedSession is a session as the server serves it: the library it
// reads, fixed when it begins so that a reload never changes the text
// under a reader, and what it ran and why it ended, for the metrics.
// Only the session's own goroutine touches it.
type servedSession struct {
	ssh.Session
	srv     *Server
	lib     *servedLibrary
	command string // "reader", "list", ...: set when it begins to run one
	end     string // why it ended, when not by the reader's or client's choice
}

// serving wraps a session for handle, with the library now served.
func (s *Server) serving(sess ssh.Session) *servedSession {
	return &servedSession{Session: sess, srv: s, lib: s.lib.Load()}
}

// servedOf returns the wrapper of a session handle serves, or nil.
func servedOf(sess ssh.Session) *servedSession {
	ss, _ := sess.(*servedSession)
	return ss
}

// libraryOf is the library a session reads.
func (s *Server) libraryOf(sess ssh.Session) *content.Library {
	return s.servedLibraryOf(sess).lib
}

// servedLibraryOf is the library a session reads, with its glossaries.
func (s *Server) servedLibraryOf(sess ssh.Session) *servedLibrary {
	if ss := servedOf(sess); ss != nil {
		return ss.lib
	}
	return s.lib.Load()
}

// begin records that a session runs command (the reader, or one of
// commands) and counts it in.
func (s *Server) begin(sess ssh.Session, command string) {
	ss := servedOf(sess)
	if ss == nil || ss.command != "" {
		return
	}
	ss.command = command
	s.metrics.sessionStarted(command)
}

// endedBy records why a session ended, if nothing was recorded before.
func endedBy(sess ssh.Session, reason string) {
	if ss := servedOf(sess); ss != nil && ss.end == "" {
		ss.end = reason
	}
}

// sessionKey is the key of a session's servedSession in the context an
// ExecFunc gets.
type sessionKey struct{}

// execContext is the context of a command run for sess: the session's,
// with the session, so that the command finds its library (LibraryFor)
// and can count what it serves (ArticleServed).
func execContext(sess ssh.Session) context.Context {
	ctx := context.Context(sess.Context())
	if ss := servedOf(sess); ss != nil {
		ctx = context.WithValue(ctx, sessionKey{}, ss)
	}
	return ctx
}

// LibraryFor is the library an ExecFunc should read: the one its session
// began with, which a reload does not change. It is nil for a context
// that comes from no session.
func LibraryFor(ctx context.Context) *content.Library {
	if ss, ok := ctx.Value(sessionKey{}).(*servedSession); ok {
		return ss.lib.lib
	}
	return nil
}

// ArticleServed tells the server that the command run with ctx printed
// an article, for the metrics' count of articles served.
func ArticleServed(ctx context.Context, a *content.Article) {
	if ss, ok := ctx.Value(sessionKey{}).(*servedSession); ok && a != nil {
		ss.srv.metrics.articleServed(a.Slug)
	}
}

// sessionDone counts out a session that began, with why it ended: the
// reason recorded, or quit.
func (s *Server) sessionDone(sess ssh.Session, d time.Duration, sent int64) {
	ss := servedOf(sess)
	if ss == nil || ss.command == "" {
		return
	}
	end := ss.end
	if end == "" {
		end = endQuit
	}
	s.metrics.sessionEnded(ss.command, end, d, sent)
}

// commandLabel is the label of the command args run: one of commands.
func commandLabel(args []string) string {
	if len(args) > 0 && isCommand(args[0]) {
		return args[0]
	}
	return "other"
}
