package cli

import (
	"context"
	"fmt"

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
	st := a.loadState()
	m := ui.New(ui.Options{
		Library: lib, Style: style, Article: art, Section: sec,
		Places: st.Places, LastRead: st.LastRead,
	})
	p := tea.NewProgram(m,
		tea.WithContext(ctx),
		tea.WithOutput(a.stdout),
		tea.WithEnvironment(a.environ),
	)
	_, err := p.Run()
	// Places of articles in other libraries (--dir) are kept as they were.
	for k, v := range m.Places() {
		st.Places[k] = v
	}
	if last := m.LastRead(); last != "" {
		st.LastRead = last
	}
	if serr := a.saveState(st); serr != nil {
		fmt.Fprintf(a.stderr, "analyst: warning: could not save the reading positions: %v\n", serr)
	}
	return err
}
