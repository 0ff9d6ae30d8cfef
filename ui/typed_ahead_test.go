package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"analyst/internal/render"
	"analyst/internal/testlib"
)

// Keys pressed while the article renders are pressed again once it is on
// screen, each as if it came then: v shows the cursor and so enables m,
// which highlights; Y's copy is sent, not dropped.
func TestKeysTypedAheadWorkAsTyped(t *testing.T) {
	lib := testlib.Library(t)
	a, _ := lib.Find("2")
	hs := &harness{tb: t, m: New(Options{Library: lib, Cache: render.NewCache(render.DefaultCacheBytes), Article: a})}
	hs.m.c.placeDelay = 0
	hs.run(hs.m.Init())
	_, render := hs.m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if hs.m.reader.doc != nil {
		t.Fatal("the article must still be rendering for this test")
	}
	hs.keys("v", "m", "Y")
	if hs.m.c.notes.count(a) != 0 || hs.clipboard != "" {
		t.Fatal("nothing is done before the text is on screen")
	}
	hs.run(render)
	if n := hs.m.c.notes.count(a); n != 1 {
		t.Errorf("v m typed ahead highlight a paragraph: %d highlights", n)
	}
	if !strings.Contains(hs.clipboard, "Cutler") {
		t.Errorf("Y typed ahead copies the citation: clipboard %q", hs.clipboard)
	}
	if !hs.m.c.keys.Mark.Enabled() {
		t.Errorf("the keys follow the replayed keys: m is enabled with the cursor shown")
	}
}

// The keys kept while the text renders are bounded, and taken once.
func TestTypedAheadIsBoundedAndTakenOnce(t *testing.T) {
	var ta typedAhead
	for range maxTypedAhead + 10 {
		ta.keep(tea.KeyPressMsg{Code: 'j', Text: "j"})
	}
	if keys := ta.take(); len(keys) != maxTypedAhead {
		t.Errorf("kept %d keys, want at most %d", len(keys), maxTypedAhead)
	}
	if keys := ta.take(); keys != nil {
		t.Errorf("the keys are taken once: %d more", len(keys))
	}
	ta.keep(tea.KeyPressMsg{Code: 'k', Text: "k"})
	ta.drop()
	if keys := ta.take(); keys != nil {
		t.Errorf("dropped keys are not pressed again: %d", len(keys))
	}
}
