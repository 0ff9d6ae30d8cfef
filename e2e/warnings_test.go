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

// TestReaderShowsWarningsOfAnOlderIssue: with --dir, a broken article in
// an older issue is said on the top line when the list comes to that
// issue, not only on stderr after the reader ends.
func TestReaderShowsWarningsOfAnOlderIssue(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, is := range []string{"2025-11", "2025-12", "2026-01"} {
		files := map[string]string{
			"issue.md":  "---\npublication: Central Asia-Caucasus Analyst\ndate: " + is + "\n---\n\nAbout.\n",
			"01-doe.md": "---\ntitle: A Title\nauthor: Jane Doe\n---\n\nThe lead.\n\n## Background\n\nText.\n",
			"05-bad.md": "---\ntitle: x\n---\n",
		}
		if is != "2025-11" {
			delete(files, "05-bad.md")
		}
		for name, text := range files {
			if err := os.MkdirAll(filepath.Join(dir, is), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, is, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	tm := startPane(t, 100, 30, "EXIT", readerCommand(t, nil, "--dir", dir))
	tm.waitFor("the newest issue", func(s screen) bool { return s.has("January 2026") })
	tm.keys("[", "[")
	tm.waitFor("the older issue's warning on the top line", func(s screen) bool {
		return s.has("November 2025") && strings.Contains(s.row(0), "warning 1 of 2")
	})
	tm.keys("q")
	if code, s := tm.waitExit(screenDeadline); code != "0" || !s.has("2025-11/05-bad.md") {
		t.Errorf("exit %s; stderr should have the warning too:\n%s", code, s)
	}
}
