package cli

import (
	"context"
	"os"
	"slices"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"
)

// readerFPS is the reader's frame rate: Bubble Tea writes a frame on a
// clock, the first one a whole period after it starts, so the first text
// waited up to 17 ms at the default 60. At 120 (Bubble Tea's most) it
// waits half that, and keys show as much sooner; an idle reader wakes
// 120 times a second to find nothing to write.
const readerFPS = 120

// programOptions are the reader's Bubble Tea options. Where the output is
// the process's own stdout, the colour profile lipgloss found for it at
// start is given to the program, which would otherwise find it again
// (reading the terminfo database and, in tmux, running `tmux info`).
func (a *app) programOptions(ctx context.Context) []tea.ProgramOption {
	opts := []tea.ProgramOption{
		tea.WithContext(ctx),
		tea.WithOutput(a.stdout),
		tea.WithEnvironment(a.environ),
		tea.WithFPS(readerFPS),
	}
	if f, ok := a.stdout.(*os.File); ok && f == os.Stdout && slices.Equal(a.environ, os.Environ()) {
		opts = append(opts, tea.WithColorProfile(lipgloss.Writer.Profile))
	}
	return opts
}

// terminalSize is the output terminal's size, or 0, 0 when unknown.
func (a *app) terminalSize() (int, int) {
	f, ok := a.stdout.(term.File)
	if !ok {
		return 0, 0
	}
	w, h, err := term.GetSize(f.Fd())
	if err != nil {
		return 0, 0
	}
	return w, h
}
