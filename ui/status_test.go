package ui

import (
	"strings"
	"testing"
)

// A screen's message says what a key did there: it goes when the reader
// leaves the screen, and does not greet them on another, or on coming
// back.
func TestAMessageStaysOnItsScreen(t *testing.T) {
	hs := newHarness(t, Options{}, 100, 30)
	hs.keys("3", "Y")
	if !strings.Contains(hs.m.reader.status, "Copied the article's citation") {
		t.Fatalf("Y says what it copied: %q", hs.m.reader.status)
	}
	hs.keys("A", "/")
	hs.typeText("imec")
	hs.keys("enter", "enter")
	if hs.m.screen != readerScreen || strings.Contains(hs.screen(), "Copied") {
		t.Errorf("the reader opened at the definition still says what Y did:\n%s", hs.screen())
	}

	hs = newHarness(t, Options{}, 100, 30)
	hs.keys("2", "v", "m", "H", "d", "esc")
	if hs.m.highlights.status != "Not deleted." {
		t.Fatalf("the screen says the highlight was not deleted: %q", hs.m.highlights.status)
	}
	hs.keys("enter")
	if hs.m.screen != readerScreen || strings.Contains(hs.screen(), "Not deleted") {
		t.Errorf("the highlights screen's message followed the reader:\n%s", hs.screen())
	}
	hs.keys("m", "H", "esc")
	if strings.Contains(hs.screen(), "Highlight removed") {
		t.Errorf("the reader's message greets them back from the highlights:\n%s", hs.screen())
	}
}

// statusLine is the screen's bottom line.
func (hs *harness) statusLine() string {
	lines := strings.Split(hs.screen(), "\n")
	return lines[len(lines)-1]
}

// Each screen's status line names the keys it has, quit last (cut first
// when the line is too narrow): A on the list, Y with the cursor in the
// reader, d on the highlights screen.
func TestStatusLinesNameTheirKeys(t *testing.T) {
	hs := newHarness(t, Options{}, 200, 30)
	for _, c := range []struct {
		keys []string
		want string
	}{
		{nil, "A glossary"},
		{[]string{"2", "v"}, "Y copy citation"},
		{[]string{"H"}, "d delete"},
	} {
		hs.keys(c.keys...)
		line := hs.statusLine()
		if !strings.Contains(line, c.want) || !strings.HasSuffix(line, "q quit") && !strings.HasSuffix(line, "…") {
			t.Errorf("after %q the status line does not have %q, then q quit last: %q", c.keys, c.want, line)
		}
	}
}

// With several issues, the list's help puts [ and ] with the articles
// and sections they move between, not under finding.
func TestListHelpGroupsTheIssueKeys(t *testing.T) {
	hs := newHarness(t, Options{Library: threeIssues(t)}, 40, 40)
	hs.keys("?")
	s := hs.screen()
	group := s[strings.Index(s, "Issues, articles, sections"):]
	group = group[:strings.Index(group, "\n\n")]
	if !strings.Contains(group, "next issue") || !strings.Contains(group, "read article N") {
		t.Errorf("the issue keys are not with the articles:\n%s", s)
	}
}
