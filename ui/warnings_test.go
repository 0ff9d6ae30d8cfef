package ui

import (
	"strings"
	"testing"
	"testing/fstest"

	"analyst/internal/content"
)

// TestWarningsShowAtOnce: warnings from the start (a broken article, a
// state that cannot be saved) are on the notice line of the first frame,
// the first in full and a count of the rest, until a key is pressed.
func TestWarningsShowAtOnce(t *testing.T) {
	warnings := []string{"articles/2026-01/09-x.md:1: missing front matter", "cannot save places", "third"}
	hs := newHarness(t, Options{Cache: sharedCache(), Warnings: warnings}, 100, 30)
	top := strings.Split(hs.screen(), "\n")[0]
	if !strings.Contains(top, warnings[0]) || !strings.Contains(top, "1 of 3") {
		t.Errorf("the first frame's top line does not carry the warnings: %q", top)
	}
	hs.keys("j")
	if top := strings.Split(hs.screen(), "\n")[0]; strings.Contains(top, "missing front matter") {
		t.Errorf("the warning stays after a key: %q", top)
	}

	hs = newHarness(t, Options{Cache: sharedCache(), Warnings: warnings[1:2]}, 100, 30)
	if top := strings.Split(hs.screen(), "\n")[0]; !strings.Contains(top, "cannot save places") || strings.Contains(top, "of") {
		t.Errorf("one warning: %q", top)
	}
}

// threeIssues is a library of three issues, opened as the reader opens
// --dir (each issue read when first needed), whose oldest has an article
// without a title.
func threeIssues(t *testing.T) *content.Library {
	fsys := fstest.MapFS{}
	article := "---\ntitle: A Title\nauthor: Jane Doe\n---\n\nThe lead.\n\n## Background\n\nText.\n"
	for _, is := range []string{"2025-11", "2025-12", "2026-01"} {
		fsys[is+"/issue.md"] = &fstest.MapFile{Data: []byte("---\npublication: Central Asia-Caucasus Analyst\ndate: " + is + "\n---\n\nAbout.\n")}
		fsys[is+"/01-doe.md"] = &fstest.MapFile{Data: []byte(article)}
	}
	fsys["2025-11/05-bad.md"] = &fstest.MapFile{Data: []byte("---\ntitle: x\n---\n")}
	return content.Open(fsys, "lib")
}

// The problems of an older issue show on the notice line when the list
// comes to it, or when a search reads every issue: not only on stderr
// after quitting.
func TestWarningsOfIssuesReadLaterShow(t *testing.T) {
	hs := newHarness(t, Options{Library: threeIssues(t)}, 100, 30)
	hs.keys("[")
	if line := hs.noticeLine(); strings.Contains(line, "05-bad.md") {
		t.Fatalf("the middle issue has no problem: %q", line)
	}
	hs.keys("[")
	if line := hs.noticeLine(); !strings.Contains(line, "warning") || !strings.Contains(line, "05-bad.md") {
		t.Errorf("the oldest issue's problem is on the notice line: %q", line)
	}
	hs.keys("j")
	if line := hs.noticeLine(); strings.Contains(line, "05-bad.md") {
		t.Errorf("until the next key: %q", line)
	}
	hs.keys("[", "[")
	if line := hs.noticeLine(); strings.Contains(line, "05-bad.md") {
		t.Errorf("once: %q", line)
	}

	hs = newHarness(t, Options{Library: threeIssues(t)}, 100, 30)
	hs.keys("/")
	if line := hs.noticeLine(); !strings.Contains(line, "05-bad.md") {
		t.Errorf("a search reads every issue, and shows their problems: %q", line)
	}
}
