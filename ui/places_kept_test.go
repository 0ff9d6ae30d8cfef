package ui

import (
	"strings"
	"testing"
)

func TestPlacesAreKeptAsTheReaderMoves(t *testing.T) {
	keeper := NewMemoryKeeper(Kept{})
	hs := newHarness(t, Options{Keeper: keeper}, 120, 40)
	hs.keys("2")
	if kept := loaded(t, keeper); kept.LastRead != "2026-01/cutler" {
		t.Errorf("opening an article keeps it as the one read last: %q", kept.LastRead)
	}
	if p, ok := loaded(t, keeper).Places["2026-01/cutler"]; !ok || p.Section != "lead" || p.Fraction != 0 {
		t.Errorf("opening an article writes its place, at the top: %+v", p)
	}
	hs.keys("]", "j", "j", "j", "j") // a line of the text on top, which the next run puts there again
	p, ok := loaded(t, keeper).Places["2026-01/cutler"]
	if !ok || p.Section != "background" || p.Progress <= 0 {
		t.Fatalf("scrolling keeps the place: %+v", p)
	}
	at := hs.m.reader.pane.offset

	// The next run opens the article where the reader left it.
	again := newHarness(t, Options{Keeper: keeper}, 120, 40)
	if sel := again.m.list.selected(); sel.Slug != "cutler" {
		t.Errorf("the list opens on the article read last, got %s", sel.Slug)
	}
	again.keys("enter")
	if again.m.reader.pane.offset != at {
		t.Errorf("the next run opens at the place: %d, want %d", again.m.reader.pane.offset, at)
	}
	again.keys("g")
	if again.m.reader.pane.offset != 0 {
		t.Errorf("g is the top")
	}
}

func TestReturningToAnArticleOpensItWhereTheReaderLeftIt(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("2", "]", "]", "j")
	at := hs.m.reader.pane.offset
	r := &hs.m.reader
	for _, back := range [][]string{{"n", "p"}, {"esc", "2"}, {"esc", "enter"}, {"p", "n"}} {
		hs.keys(back...)
		if r.article.Slug != "cutler" || r.pane.offset != at {
			t.Errorf("after %v: %s at %d, want cutler at %d", back, r.article.Slug, r.pane.offset, at)
		}
	}
}

func TestReadMarksInTheList(t *testing.T) {
	keeper := NewMemoryKeeper(Kept{})
	hs := newHarness(t, Options{Keeper: keeper}, 120, 40)
	hs.keys("3", "space", "esc")
	if !strings.Contains(hs.screen(), "% read") || strings.Contains(hs.screen(), "✓ read") {
		t.Errorf("an article in progress shows its percentage:\n%s", hs.screen())
	}
	hs.keys("enter", "G", "g", "esc")
	if !strings.Contains(hs.screen(), "✓ read") {
		t.Errorf("an article read to its end is marked read, and stays so:\n%s", hs.screen())
	}
	if !loaded(t, keeper).Read["2026-01/jamal"] {
		t.Errorf("the read mark is kept")
	}
	again := newHarness(t, Options{Keeper: keeper}, 120, 40)
	if !strings.Contains(again.screen(), "✓ read") {
		t.Errorf("the next run shows the read mark")
	}
}

func TestFlushWritesThePlace(t *testing.T) {
	keeper := NewMemoryKeeper(Kept{})
	hs := newHarness(t, Options{Keeper: keeper}, 120, 40)
	hs.keys("4")
	for _, k := range []string{"]", "]"} {
		hs.m.Update(keyPress(k)) // and its commands never run: the place is not written yet
	}
	if p := loaded(t, keeper).Places["2026-01/cornell"]; p.Section != "lead" {
		t.Fatalf("the place waits for the reader to stop scrolling")
	}
	if err := hs.m.Flush(); err != nil {
		t.Fatal(err)
	}
	if p := loaded(t, keeper).Places["2026-01/cornell"]; p.Section != "implications" {
		t.Errorf("Flush writes the place: %+v", p)
	}
}
