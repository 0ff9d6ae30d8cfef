package e2e

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestReaderShowsWarningsAtOnce: a broken article in --dir, and a store
// that cannot be written, are said on the reader's top line as it opens,
// and again on stderr after it ends.
func TestReaderShowsWarningsAtOnce(t *testing.T) {
	t.Parallel()
	tm := startPane(t, 100, 30, "EXIT", readerCommand(t, nil, "--dir", "testdata/broken"))
	s := tm.waitFor("a warning on the top line", func(s screen) bool {
		return strings.Contains(s.row(0), "warning 1 of "+strconv.Itoa(len(brokenProblems)))
	})
	if !strings.Contains(s.row(0), "testdata/broken/2026-01/") {
		t.Errorf("the warning does not name the file: %q", s.row(0))
	}
	tm.keys("q")
	code, s := tm.waitExit(screenDeadline)
	if code != "0" {
		t.Fatalf("exit %s\n%s", code, s)
	}
	if n := strings.Count(s.String(), "analyst: warning: testdata/broken/2026-01/"); n != len(brokenProblems) {
		t.Errorf("after the reader, stderr has %d of the %d warnings:\n%s", n, len(brokenProblems), s)
	}

	// A store whose folder cannot be made: its parent is a file.
	dir := t.TempDir()
	blocker := filepath.Join(dir, "blocker")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	command := paneCommand("EXIT", []string{"TERM=xterm-256color", "HOME=" + dir, "ANALYST_DB=" + filepath.Join(blocker, "analyst", "analyst.db"), analystBin})
	tm = startPane(t, 100, 30, "EXIT", command)
	tm.waitFor("the store's warning on the top line", func(s screen) bool {
		return strings.Contains(s.row(0), "Nothing will be kept")
	})
	tm.keys("q")
	if code, s = tm.waitExit(screenDeadline); code != "0" || !s.has("analyst: warning: nothing will be kept") {
		t.Errorf("exit %s; stderr should say nothing was kept:\n%s", code, s)
	}
}
