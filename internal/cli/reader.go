package cli

import (
	"context"
	"fmt"
	"strings"
	"syscall"

	tea "charm.land/bubbletea/v2"

	"analyst/internal/content"
	"analyst/internal/render"
	"analyst/internal/store"
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
	keeper, notKept, closeStore := a.readerKeeper(ctx)
	defer closeStore()
	m := ui.New(ui.Options{
		Library: lib, Style: style, Article: art, Section: sec,
		Keeper: keeper, NotKept: notKept,
		SystemClipboard: a.systemClipboard(),
	})
	p := tea.NewProgram(m,
		tea.WithContext(ctx),
		tea.WithOutput(a.stdout),
		tea.WithEnvironment(a.environ),
	)
	_, err := p.Run()
	if ferr := m.Flush(); ferr != nil && notKept == "" {
		fmt.Fprintf(a.stderr, "analyst: warning: %v\n", ferr)
	}
	if notKept != "" { // it was on the notice line; the terminal keeps it after the reader
		fmt.Fprintf(a.stderr, "analyst: warning: %s\n", strings.ToLower(notKept[:1])+notKept[1:])
	}
	if endedBySignal(ctx) {
		err = nil // the terminal is gone: nothing to say, nothing to fail
	}
	return err
}

// readerKeeper opens the store for the reader, and imports the state.json
// of earlier versions into it, once. A store that cannot be opened gives
// no keeper (the reader keeps things for the session) and the sentence
// the notice line shows; the store's file is then left as it is.
func (a *app) readerKeeper(ctx context.Context) (ui.Keeper, string, func()) {
	st, notKept := a.openStore(ctx)
	if st == nil {
		return nil, notKept, func() {}
	}
	if path, err := a.statePath(); err == nil {
		if _, err := st.ImportState(ctx, path); err != nil {
			fmt.Fprintf(a.stderr, "analyst: warning: %v\n", err)
		}
	}
	// The keeper's writes outlive the signal that ends the program: the
	// place is written after SIGHUP.
	return &storeKeeper{st: st, owner: store.LocalOwner, ctx: context.WithoutCancel(ctx)}, notKept, func() { st.Close() }
}
