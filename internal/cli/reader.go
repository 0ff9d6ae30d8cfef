package cli

import (
	"context"
	"fmt"
	"syscall"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"analyst/internal/content"
	"analyst/internal/render"
	"analyst/internal/store"
	"analyst/ui"
)

// wantsReader reports whether a command should open the reader rather than
// print: only when its output is a terminal that can show one, and the
// style asked for is not the Markdown source.
// A dumb terminal (TERM=dumb) gets printed text, and is told why, once.
func (a *app) wantsReader(style string) bool {
	if !a.stdoutIsTerminal() || style == render.Markdown {
		return false
	}
	if a.getenv("TERM") == "dumb" {
		if !a.saidDumb {
			a.saidDumb = true
			fmt.Fprintf(a.stderr, "analyst: TERM=dumb: this terminal cannot draw the reader, so the text is printed instead; set TERM (such as TERM=xterm-256color) to read in the reader\n")
		}
		return false
	}
	return true
}

// runReader runs the reader in the terminal until the reader quits, at the
// issue list or, when art is given, at that article and section.
func (a *app) runReader(ctx context.Context, lib *content.Library, art *content.Article, sec *content.Section, style string) error {
	a.longRun(100)
	measure := a.loadSettings().Measure
	if a.measure != 0 {
		measure = a.measure // --width, for this run
	}
	// Closing the terminal window sends SIGHUP: the reader ends as if it
	// quit, so that its place is kept (by default the process would die).
	ctx, stop := notifySignals(ctx, syscall.SIGHUP)
	defer stop()
	keeper := a.readerKeeper(ctx)
	defer keeper.close()
	m := ui.New(ui.Options{
		Library: lib, Style: style, Article: art, Section: sec,
		Keeper: keeper, SystemClipboard: a.systemClipboard(),
		Warnings: a.warnings,
		Measure:  measure, KeepMeasure: a.keepMeasure,
	})
	if w, h := a.terminalSize(); w > 0 {
		m.Prerender(w, h) // while the program starts
	}
	p := tea.NewProgram(m, a.programOptions(ctx)...)
	_, err := p.Run()
	a.printWarnings() // the reader showed them; they stay in the terminal
	ferr := m.Flush()
	// What the notice line said stays in the terminal after the reader.
	for _, w := range append(keeper.warnings, keeper.notice) {
		if w != "" {
			fmt.Fprintf(a.stderr, "analyst: warning: %s\n", lowerFirst(w))
		}
	}
	if ferr != nil && keeper.notice == "" {
		fmt.Fprintf(a.stderr, "analyst: warning: %v\n", ferr)
	}
	if measure, changed := m.Measure(); changed {
		if serr := a.saveSettings(readerSettings{Measure: measure}); serr != nil {
			fmt.Fprintf(a.stderr, "analyst: warning: could not keep the text's width: %v\n", serr)
		}
	}
	if endedBySignal(ctx) {
		err = nil // the terminal is gone: nothing to say, nothing to fail
	}
	return err
}

// lowerFirst is a status-line sentence continued after "warning: ": its
// first letter in lower case, whatever its length in bytes ("Écrit…"
// would otherwise lose half a character).
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// readerKeeper is the reader's keeper over its store, which it opens
// (at ANALYST_DB, or under $XDG_DATA_HOME/analyst) when the reader first
// asks, importing the state.json of earlier versions once. A store that
// cannot be opened keeps nothing: the reader says why on its notice line
// and keeps things for the session; the file is left as it is. The
// keeper's writes outlive the signal that ends the program: the place is
// written after SIGHUP.
func (a *app) readerKeeper(ctx context.Context) *storeKeeper {
	return newStoreKeeper(a, store.LocalOwner, context.WithoutCancel(ctx))
}
