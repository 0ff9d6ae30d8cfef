package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// fakeTool puts an executable named name on PATH that writes its
// standard input to a file, and returns that file.
func fakeTool(t *testing.T, name string) string {
	dir := t.TempDir()
	out := filepath.Join(dir, "copied")
	script := "#!/bin/sh\nexec /bin/cat > " + out + "\n"
	if err := os.WriteFile(filepath.Join(dir, name), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	return out
}

func TestSystemClipboardUsesTheDisplaysTool(t *testing.T) {
	out := fakeTool(t, "xclip")
	a := newApp(nil, nil, nil, []string{"DISPLAY=:0"}, nil)
	copyTo := a.systemClipboard()
	if copyTo == nil {
		t.Fatal("with a display and xclip, the system clipboard is reached")
	}
	if err := copyTo("“a quote”"); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(out); string(got) != "“a quote”" {
		t.Errorf("xclip got %q", got)
	}
}

func TestSystemClipboardIsNotTheRemoteMachines(t *testing.T) {
	fakeTool(t, "xclip")
	for _, env := range [][]string{
		{"DISPLAY=:0", "SSH_CONNECTION=10.0.0.1 5000 10.0.0.2 22"},
		{"DISPLAY=:0", "SSH_TTY=/dev/pts/3"},
		{}, // no display: no clipboard to reach
	} {
		if newApp(nil, nil, nil, env, nil).systemClipboard() != nil {
			t.Errorf("%v: only OSC 52 reaches the reader's clipboard", env)
		}
	}
	if err := newApp(nil, nil, nil, []string{"WAYLAND_DISPLAY=wayland-0"}, nil).systemClipboard()("x"); err != errNoClipboardTool {
		t.Errorf("without wl-copy the copy says no tool was found: %v", err)
	}
}
