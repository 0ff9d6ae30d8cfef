package cli

import (
	"context"
	"errors"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// The programs that reach the system clipboard, in the order they are
// tried: Wayland's, then X11's two, then macOS's. The reader copies
// through the terminal (OSC 52) in any case; these add the desktop's
// clipboard, for a terminal that ignores OSC 52.
var clipboardTools = []struct {
	display string // the variable that must be set for the tool to work; "" on macOS
	args    []string
}{
	{"WAYLAND_DISPLAY", []string{"wl-copy"}},
	{"DISPLAY", []string{"xclip", "-in", "-selection", "clipboard"}},
	{"DISPLAY", []string{"xsel", "--input", "--clipboard"}},
	{"", []string{"pbcopy"}},
}

// errNoClipboardTool is what a copy returns where no tool is installed.
var errNoClipboardTool = errors.New("no clipboard program (wl-copy, xclip, xsel, pbcopy) found")

// systemClipboard returns a function that copies text to the system
// clipboard, or nil where there is none to reach: over an SSH login (the
// clipboard there is the remote machine's; OSC 52 reaches the reader's
// own) or without a display. The program is looked for at the first copy,
// not at start.
func (a *app) systemClipboard() func(string) error {
	if a.getenv("SSH_CONNECTION") != "" || a.getenv("SSH_TTY") != "" {
		return nil
	}
	var usable [][]string
	for _, t := range clipboardTools {
		if t.display == "" && runtime.GOOS == "darwin" || t.display != "" && a.getenv(t.display) != "" {
			usable = append(usable, t.args)
		}
	}
	if len(usable) == 0 {
		return nil
	}
	return func(text string) error {
		for _, args := range usable {
			if path, err := exec.LookPath(args[0]); err == nil {
				return runClipboardTool(append([]string{path}, args[1:]...), text)
			}
		}
		return errNoClipboardTool
	}
}

// runClipboardTool gives text to a clipboard program on its standard
// input, and leaves its output alone: xclip serves the selection from a
// child that outlives it, which would hold a pipe open. It is bounded in
// time, so that a tool that hangs never keeps the command waiting.
func runClipboardTool(args []string, text string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.Stdin = strings.NewReader(text)
	return cmd.Run()
}
