package cli

import (
	"context"
	"errors"
	"fmt"
	"syscall"

	tea "charm.land/bubbletea/v2"

	"analyst/internal/content"
	"analyst/internal/render"
	"analyst/ui"
)

// wantsReader reports whether a command should open the reader rather than
// print: only when its output is a terminal that can show one, and the
// style asked for is not the Markdown source.
func (a *app) wantsReader(style string) bool {
	return a.stdoutIsTerminal() && a.getenv("TERM") != "dumb" && style != render.Markdown
}

// runReader runs the reader in the terminal until the reader quits, at the
// issue list or, when art is given, at that article and section.
func (a *app) runReader(ctx context.Context, lib *content.Library, art *content.Article, sec *content.Section, style string) error {
	longRun(100)
	// Closing the terminal window sends SIGHUP: the reader ends as if it
	// quit, so that its place is kept (by default the process would die).
	ctx, stop := notifySignals(ctx, syscall.SIGHUP)
	defer stop()
	st := a.loadState()
	m := ui.New(ui.Options{
		Library: lib, Style: style, Article: art, Section: sec,
		Places: st.Places, LastRead: st.LastRead,
		SystemClipboard: a.systemClipboard(),
	})
	p := tea.NewProgram(m,
		tea.WithContext(ctx),
		tea.WithOutput(a.stdout),
		tea.WithEnvironment(a.environ),
	)
	_, err := p.Run()
	ferr := m.Flush()
	if endedBySignal(ctx) {
		err = nil // the terminal is gone: nothing to say, nothing to fail
	}
	// Places of articles in other libraries (--dir) are kept as they were.
	for k, v := range m.Places() {
		st.Places[k] = v
	}
	if last := m.LastRead(); last != "" {
		st.LastRead = last
	}
	if serr := errors.Join(ferr, a.saveState(st)); serr != nil {
		fmt.Fprintf(a.stderr, "analyst: warning: could not save the reading positions: %v\n", serr)
	}
	return err
}
