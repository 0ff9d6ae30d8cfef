package server

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"github.com/charmbracelet/colorprofile"

	"analyst/internal/content"
	"analyst/ui"
)

// The largest terminal a reader is drawn for. The size is the client's to
// choose, and Bubble Tea keeps two screen buffers of it for every session,
// at about 112 bytes a cell: a 1000x500 PTY cost the server 120 MB, and a
// client may ask for far more (the protocol allows 2^32-1 each way).
// A bigger terminal gets a reader of this size in its top left corner,
// which loses little: the text is at most 100 columns wide and the sidebar
// 42. At this size a session's buffers take about 7 MB; at 80x24, 0.4 MB.
const (
	maxColumns = 256
	maxRows    = 128
)

// fitWindow bounds a terminal size the client asked for.
func fitWindow(w, h int) (int, int) {
	return min(max(w, 0), maxColumns), min(max(h, 0), maxRows)
}

// runReader runs a reader program for a terminal session until the reader
// quits, the connection drops, a timeout ends it or the server goes down.
// The program gets the client's size, TERM and colour profile.
func (s *Server) runReader(sess ssh.Session, term terminal, art *content.Article, sec *content.Section, sent *atomic.Int64) int {
	if term.pty.Window.Width <= 0 || term.pty.Window.Height <= 0 {
		fmt.Fprintln(countingWriter{sess.Stderr(), sent}, msgNoSize)
		return 1
	}
	s.begin(sess, commandReader)
	winch := term.winch
	why := &endReason{}
	w := &watch{idle: s.cfg.IdleTimeout}
	// A reader with a key keeps what they make in the server's store; one
	// without, for the session (and is told so).
	lib := s.servedLibraryOf(sess)
	keeper, sessionOnly := s.keeperFor(sess)
	opt := ui.Options{
		Library: lib.lib, Cache: s.cfg.Cache, Glossaries: lib.glossaries, Article: art, Section: sec,
		Keeper: keeper, SessionOnly: sessionOnly, KeyWouldKeep: sessionOnly && s.cfg.Keepers != nil,
		Opened: func(a *content.Article) { s.metrics.articleServed(a.Slug) },
	}
	if s.cfg.Keepers != nil {
		opt.MaxNote = s.cfg.Keepers.Limits.NoteChars
	}
	model := ui.New(opt)
	// What bm.MakeOptions gives an emulated PTY, but from the size taken
	// at the start (see terminal) rather than from sess.Pty() now.
	envs := append(sess.Environ(), "TERM="+term.pty.Term)
	var p *tea.Program
	in := s.readerInput(sess, func() *tea.Program { return p })
	defer in.stop()
	opts := []tea.ProgramOption{
		tea.WithInput(in),
		tea.WithOutput(countingWriter{sess, sent}),
		tea.WithEnvironment(envs),
		tea.WithColorProfile(colorprofile.Env(envs)),
		tea.WithWindowSize(fitWindow(term.pty.Window.Width, term.pty.Window.Height)),
		tea.WithoutSignalHandler(), // signals are the server's, not each session's
		tea.WithFilter(func(_ tea.Model, msg tea.Msg) tea.Msg {
			switch msg.(type) {
			case tea.KeyPressMsg, tea.MouseMsg:
				w.touch()
			case tea.SuspendMsg:
				return tea.ResumeMsg{} // ctrl+z cannot suspend a remote program
			}
			return msg
		}),
	}
	p = tea.NewProgram(model, opts...)
	w.start(p, why, s.cfg.MaxSession)
	defer w.stop()
	s.sessions.add(p, why, !sessionOnly)
	defer s.sessions.remove(p)

	ctx, cancel := context.WithCancel(sess.Context())
	resized := make(chan struct{})
	go func() {
		defer close(resized)
		<-winch // the first size, which WithWindowSize already gave the program
		forwardResizes(ctx, winch, resizeInterval, func(win ssh.Window) {
			cols, rows := fitWindow(win.Width, win.Height)
			p.Send(tea.WindowSizeMsg{Width: cols, Height: rows})
		})
		p.Quit() // the session closed, though the connection may live on
	}()
	_, err := p.Run()
	p.Kill()
	cancel()
	<-resized // later window changes are drained by handle

	endedBy(sess, why.kind())
	if !sessionOnly && !errors.Is(err, tea.ErrProgramPanic) {
		// The place on screen, and any change still queued or held: each
		// within the store's deadline, or at once while it is away.
		if err := model.Flush(); err != nil {
			s.log.Debug("a reader's last changes were not kept", "err", logDetail(err))
		}
	}
	if errors.Is(err, tea.ErrProgramPanic) {
		endedBy(sess, endPanic)
		s.log.Error("reader panicked", "remote", sess.RemoteAddr().String(), "err", err)
		fmt.Fprintln(countingWriter{sess.Stderr(), sent}, msgApology)
		return 1
	}
	if text := why.get(); text != "" {
		fmt.Fprintln(countingWriter{sess, sent}, text)
	}
	return 0
}

// watch ends a session after a time without key presses, and after the
// longest time a session may last.
type watch struct {
	mu        sync.Mutex
	idle      time.Duration
	idleTimer *time.Timer
	maxTimer  *time.Timer
}

func (w *watch) start(p *tea.Program, why *endReason, longest time.Duration) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.idleTimer = time.AfterFunc(w.idle, func() {
		why.set(endIdle, fmt.Sprintf("Session closed after %s without a key press.", w.idle))
		p.Quit()
	})
	w.maxTimer = time.AfterFunc(longest, func() {
		why.set(endMaxTime, fmt.Sprintf("Session closed: sessions last at most %s.", longest))
		p.Quit()
	})
}

// touch restarts the idle clock.
func (w *watch) touch() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.idleTimer != nil {
		w.idleTimer.Reset(w.idle)
	}
}

func (w *watch) stop() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.idleTimer.Stop()
	w.maxTimer.Stop()
}
