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

// TestReaderSearchesTheLibraryFromTheList: on the issue list, / and a
// word that is in one article's text but no title shows the passages that
// hold it as it is typed; enter opens the article at the first, the word
// highlighted on screen, and ctrl+n goes on to the next.
func TestReaderSearchesTheLibraryFromTheList(t *testing.T) {
	t.Parallel()
	tm := startPane(t, 120, 40, "EXIT", readerCommand(t, nil))
	tm.waitFor("the issue list", listShown)
	tm.keys("/")
	tm.typeText("gwadar")
	s := tm.waitFor("the passages that hold Gwadar", func(s screen) bool {
		return s.has("PASSAGES · 2 in 1 issue") && s.has("ports at Gwadar and Karachi") && strings.Contains(s.status(), "/gwadar")
	})
	if !s.has(`No article matches "gwadar".`) || !s.has("Central Asian Connectivity * · Implications") {
		t.Errorf("the list should show no article, and the passages with their article and section:\n%s", s)
	}
	tm.keys("Enter")
	s = tm.waitFor("article 3 at the first Gwadar", func(s screen) bool {
		return readerAt(3)(s) && strings.HasPrefix(strings.TrimSpace(s.status()), "1 of 2: “gwadar”") && s.has("ports at Gwadar")
	})
	if !strings.Contains(s.header(), "Implications") {
		t.Errorf("the reader is not in Implications: %q", s.header())
	}
	tm.waitForColours("Gwadar in reverse video", func(s screen) bool {
		return reverseWrapped(s.String(), "Gwadar")
	})
	tm.keys("C-n")
	tm.waitFor("the second Gwadar", func(s screen) bool {
		return strings.HasPrefix(strings.TrimSpace(s.status()), "2 of 2: “gwadar”") && s.has("Gwadar, Karachi, and Mundra")
	})
	tm.quit()
}

// TestReaderGlossaryGoesToADefinition: A opens the glossary of the issue
// on screen; a filter finds an abbreviation, and enter opens the article
// that defines it at the definition, highlighted.
func TestReaderGlossaryGoesToADefinition(t *testing.T) {
	t.Parallel()
	tm := startPane(t, 120, 40, "EXIT", readerCommand(t, nil, "4"))
	tm.waitFor("article 4", readerAt(4))
	tm.keys("A")
	s := tm.waitFor("the glossary", func(s screen) bool {
		return strings.HasPrefix(strings.TrimSpace(s.row(0)), "Glossary · Central Asia-Caucasus Analyst") && s.has("CACO")
	})
	if !s.has("Central Asian Cooperation Organization") || !s.has("not spelled out in this issue") {
		t.Errorf("the glossary lacks long forms or the abbreviations never spelled out:\n%s", s)
	}
	tm.keys("/")
	tm.typeText("cmhs")
	tm.keys("Enter")
	tm.waitFor("the glossary filtered to CMHS", func(s screen) bool {
		return s.has("Consultative Meetings of the Heads of State of Central Asia") && !s.has("CACO") && strings.Contains(s.status(), "filter: cmhs")
	})
	tm.keys("Enter")
	tm.waitFor("article 1 at the definition of CMHS", func(s screen) bool {
		return readerAt(1)(s) && strings.Contains(s.status(), "1 of 1: “Consultative Meetings") && s.has("(CMHS).")
	})
	tm.waitForColours("(CMHS) in reverse video", func(s screen) bool {
		return reverseWrapped(s.String(), "(CMHS)")
	})
	tm.quit()
}
