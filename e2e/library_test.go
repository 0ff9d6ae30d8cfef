package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// twoIssueLibrary is a library whose newest issue (2026-02, a copy of the
// embedded one) is sound and whose older one (testdata/broken) is not.
func twoIssueLibrary(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyDir(t, "articles/2026-01", filepath.Join(dir, "2026-02"))
	issue := filepath.Join(dir, "2026-02", "issue.md")
	src, err := os.ReadFile(issue)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, issue, strings.Replace(string(src), "date: 2026-01", "date: 2026-02", 1))
	copyDir(t, "testdata/broken/2026-01", filepath.Join(dir, "2026-01"))
	return dir
}

// TestReaderWarnsAboutOlderIssuesOnItsWayOut: the reader reads the issue
// it shows first and the others later, yet it warns about every broken
// file of the library, as every other command does, once it ends.
func TestReaderWarnsAboutOlderIssuesOnItsWayOut(t *testing.T) {
	t.Parallel()
	dir := twoIssueLibrary(t)
	tm := startPane(t, 200, 40, "EXIT", readerCommand(t, nil, "--dir", dir))
	tm.waitFor("the newest issue's list", func(s screen) bool {
		return s.has("February 2026 · 4 articles") && strings.Contains(s.status(), "? help")
	})
	tm.keys("q")
	code, s := tm.waitExit(screenDeadline)
	if code != "0" {
		t.Fatalf("the reader exited %s:\n%s", code, s)
	}
	for _, p := range brokenProblems {
		if !s.has("analyst: warning: " + filepath.Join(dir, "2026-01", p)) {
			t.Errorf("no warning %q after the reader ended:\n%s", p, s)
		}
	}
	if got := strings.Count(s.String(), "warning: "); got != len(brokenProblems) {
		t.Errorf("%d warnings, want %d:\n%s", got, len(brokenProblems), s)
	}
}

// TestListWarnsAboutEveryIssue: commands that print read the whole
// library at once and warn before their output, as before.
func TestListWarnsAboutEveryIssue(t *testing.T) {
	dir := twoIssueLibrary(t)
	r := analyst(t, "--dir", dir, "list")
	r.wantCode(t, 0)
	for _, p := range brokenProblems {
		r.wantStderr(t, "analyst: warning: "+filepath.Join(dir, "2026-01", p))
	}
	if !strings.Contains(r.stdout, "A Good Article Among Broken Ones") || !strings.Contains(r.stdout, "(2026-02)") {
		t.Errorf("list shows both issues:\n%s", r.stdout)
	}
}
