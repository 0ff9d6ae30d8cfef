package ui

import (
	"strings"

	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"analyst/internal/testlib"
)

// lateHarness is a harness whose keeper's answer comes after the first
// frames, as it may from a slow disk: Init's command runs when release is
// called.
func lateHarness(t *testing.T, opt Options, w, h int) (*harness, func()) {
	t.Helper()
	if opt.Library == nil {
		opt.Library = testlib.Library(t)
	}
	hs := &harness{tb: t, m: New(opt)}
	hs.m.c.placeDelay = 0
	init := hs.m.Init()
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	return hs, func() { hs.run(init) }
}

// TestWhatTheKeeperHeldComesAfterTheFirstFrame opens the reader at an
// article before the keeper answers: the text shows at its top, nothing
// is written over the kept place, and when the answer comes the reader
// moves to where it was left, with its highlight drawn.
func TestWhatTheKeeperHeldComesAfterTheFirstFrame(t *testing.T) {
	lib := testlib.Library(t)
	cutler, _ := lib.Find("cutler")
	keeper := NewMemoryKeeper(Kept{
		Places:   map[string]Place{"2026-01/cutler": {Section: "implications", Fraction: 0}},
		LastRead: "2026-01/cutler",
		Highlights: []Highlight{{ID: 9, Article: "2026-01/cutler", Section: "implications", Paragraph: 0,
			Quote: cutler.Sections[2].Paragraphs[0], Created: time.Now()}},
	})
	hs, release := lateHarness(t, Options{Library: lib, Keeper: keeper, Article: cutler}, 120, 40)
	if hs.m.reader.doc == nil || hs.m.reader.pane.offset != 0 {
		t.Fatalf("the article shows at once, at its top")
	}
	if p := loaded(t, keeper).Places["2026-01/cutler"]; p.Section != "implications" {
		t.Fatalf("the place shown before the keeper answered was written over the kept one: %+v", p)
	}
	release()
	if got := hs.m.reader.doc.Sections[hs.m.reader.currentSection()].Section.Name; got != "Implications" {
		t.Errorf("the reader moves to the kept place, in Implications; it is in %s", got)
	}
	if !strings.Contains(hs.screen(), highlightBar) || !strings.Contains(hs.screen(), "1 highlight") {
		t.Errorf("the kept highlight is drawn:\n%s", hs.screen())
	}

	// A reader who pressed a key before the answer stays where they went.
	hs, release = lateHarness(t, Options{Library: lib, Keeper: keeper}, 120, 40)
	hs.keys("4")
	release()
	if hs.m.reader.article.Slug != "cornell" {
		t.Errorf("the kept last article does not take the reader away from the one they opened")
	}
	hs.keys("esc")
	if hs.m.list.selected().Slug != "cornell" {
		t.Errorf("the list stays on the article the reader chose")
	}
}
