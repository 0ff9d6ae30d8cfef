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
