package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// workCommand is a pane's command that keeps what the reader keeps in dir,
// so that a second run (or `analyst highlights`) finds it.
func workCommand(dir string, args ...string) string {
	vars := []string{"TERM=xterm-256color", "ANALYST_STATE=" + filepath.Join(dir, "state.json"),
		"ANALYST_DB=" + filepath.Join(dir, "analyst.db"), "XDG_DATA_HOME=" + dir}
	return paneCommand("EXIT", append(vars, analystBin), args...)
}

// TestSIGHUPKeepsThePlace closes the reader's terminal (tmux kills the
// session, and the reader gets SIGHUP as from a closed window), then opens
// the article again: it opens where the reader was.
func TestSIGHUPKeepsThePlace(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tm := startPane(t, 100, 30, "EXIT", workCommand(dir, "2"))
	tm.waitFor("the reader at article 2", readerAt(2))
	tm.nextSectionUntil("## Implications")
	tm.keys("j", "j", "j")
	s := tm.waitFor("three lines down", func(s screen) bool { return strings.HasPrefix(s.header(), " ") && s.top() != "## Implications" })
	where := s.top()
	pid := tm.flag("#{pane_pid}")
	tm.run("kill-session", "-t", "s")
	waitGone(t, pid)

	again := startPane(t, 100, 30, "EXIT", workCommand(dir, "2"))
	s = again.waitFor("the reader at article 2, where it was", func(s screen) bool { return readerAt(2)(s) && s.top() == where })
	if !strings.Contains(s.header(), "Implications") {
		t.Errorf("reopened at %q", s.header())
	}
	again.quit()
}

// waitGone waits for the pane's shell, and so the reader in it, to end.
func waitGone(t *testing.T, pid string) {
	t.Helper()
	deadline := time.Now().Add(screenDeadline)
	for time.Now().Before(deadline) {
		if _, err := os.Stat("/proc/" + pid); err != nil {
			return
		}
		time.Sleep(pollInterval)
	}
	t.Fatalf("the reader (in process %s) did not end after its terminal closed", pid)
}
