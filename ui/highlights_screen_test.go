package ui

import (
	"strings"
	"testing"
	"time"

	"analyst/internal/render"
	"analyst/internal/testlib"
)

// seeded is a keeper with three highlights in two articles, made a
// minute apart, and a detached one whose paragraph the text lost.
func seeded(t *testing.T) *MemoryKeeper {
	lib := testlib.Library(t)
	cutler, _ := lib.Find("cutler")
	cornell, _ := lib.Find("cornell")
	t0 := time.Date(2026, 2, 1, 10, 0, 0, 0, time.UTC)
	return NewMemoryKeeper(Kept{Highlights: []Highlight{
		{ID: 1, Article: "2026-01/cutler", Section: "background", Paragraph: 1, Quote: cutler.Sections[1].Paragraphs[1], Created: t0},
		{ID: 2, Article: "2026-01/cornell", Section: "implications", Paragraph: 0, Quote: cornell.Sections[2].Paragraphs[0], Note: "the OTS as a bloc", Created: t0.Add(time.Minute)},
		{ID: 3, Article: "2026-01/cutler", Section: "conclusions", Paragraph: 0, Quote: cutler.Sections[3].Paragraphs[0], Created: t0.Add(2 * time.Minute)},
		{ID: 4, Article: "2026-01/cutler", Section: "gone", Paragraph: 3, Quote: "A paragraph an earlier edition had.", Note: "still mine", Created: t0.Add(3 * time.Minute), Detached: true},
	}})
}

func TestHighlightsScreenListsEveryHighlight(t *testing.T) {
	hs := newHarness(t, Options{Keeper: seeded(t)}, 120, 40)
	hs.keys("H")
	if hs.m.screen != highlightsScreen {
		t.Fatalf("H opens the highlights")
	}
	s := hs.screen()
	order := []string{"JANUARY 2026", "2 · The Armenia", "A paragraph an earlier edition had.", "detached", "still mine", "Conclusions", "Background", "4 · ", "Implications", "the OTS as a bloc"}
	at := 0
	for _, w := range order {
		i := strings.Index(s[at:], w)
		if i < 0 {
			t.Fatalf("%q is missing or out of order (articles by their newest highlight, newest first):\n%s", w, s)
		}
		at += i
	}
	hs.keys("/")
	hs.typeText("bloc")
	hs.keys("enter")
	if s := hs.screen(); !strings.Contains(s, "the OTS as a bloc") || strings.Contains(s, "Conclusions") {
		t.Errorf("/ filters by quote and note:\n%s", s)
	}
	hs.keys("esc", "esc")
	if hs.m.screen != listScreen {
		t.Errorf("esc clears the filter, then goes back where H was pressed")
	}
}

func TestHighlightsScreenOpensAtTheParagraph(t *testing.T) {
	hs := newHarness(t, Options{Keeper: seeded(t)}, 80, 24)
	hs.keys("1", "H", "/")
	hs.typeText("bloc")
	hs.keys("enter", "enter")
	r := &hs.m.reader
	if hs.m.screen != readerScreen || r.article.Slug != "cornell" {
		t.Fatalf("enter opens the highlight's article")
	}
	text, sec := cursorText(hs)
	if sec != "Implications" || text != hs.article("cornell").Sections[2].Paragraphs[0] || !r.cursorInSight() {
		t.Errorf("the cursor is on the highlight's paragraph, in sight: %s %.30q", sec, text)
	}
	if !strings.Contains(hs.screen(), unicodeGlyphs().NoteSign+"the OTS as a bloc") {
		t.Errorf("its note is under it:\n%s", hs.screen())
	}
}

func TestHighlightsScreenDeletesAfterAsking(t *testing.T) {
	keeper := seeded(t)
	hs := newHarness(t, Options{Keeper: keeper}, 120, 40)
	hs.keys("H", "d")
	if !strings.Contains(lastLine(hs.screen()), "Delete this highlight") {
		t.Fatalf("d asks first: %q", lastLine(hs.screen()))
	}
	hs.keys("n")
	if len(loaded(t, keeper).Highlights) != 4 {
		t.Errorf("n keeps it")
	}
	hs.keys("d", "y")
	kept := loaded(t, keeper)
	if len(kept.Highlights) != 3 {
		t.Fatalf("d y deletes one: %d left", len(kept.Highlights))
	}
	for _, h := range kept.Highlights {
		if h.ID == 4 {
			t.Errorf("the newest (under the cursor) was to go, not %d", h.ID)
		}
	}
}

func TestHighlightsScreenCopies(t *testing.T) {
	hs := newHarness(t, Options{Keeper: seeded(t)}, 120, 40)
	hs.keys("H", "y")
	if !strings.Contains(hs.clipboard, "“A paragraph an earlier edition had.”") || !strings.Contains(hs.clipboard, "Cutler, Robert M. 2026.") {
		t.Errorf("y copies a detached highlight's quote as it was kept: %.60q", hs.clipboard)
	}
	hs.keys("j", "y")
	want := hs.article("cutler").Sections[3].Paragraphs[0]
	if !strings.Contains(hs.clipboard, want) || !strings.Contains(hs.screen(), "Copied the quote") {
		t.Errorf("y copies the highlight's quote: %.60q", hs.clipboard)
	}
}

func TestCopyTheQuoteAndTheCitation(t *testing.T) {
	var system []string
	hs := newHarness(t, Options{SystemClipboard: func(s string) error { system = append(system, s); return nil }}, 120, 40)
	hs.keys("2", "v", "j", "y")
	text, _ := cursorText(hs)
	want := "“" + text + "” (Cutler 2026, sec. Background)\n\nCutler, Robert M. 2026. “The Armenia–Azerbaijan Peace Process Enters 2026.” Central Asia-Caucasus Analyst, January 2026."
	if hs.clipboard != want {
		t.Errorf("y sends the paragraph, quoted and cited, to the terminal's clipboard:\n%s\nwant\n%s", hs.clipboard, want)
	}
	if len(system) != 1 || system[0] != hs.clipboard {
		t.Errorf("and to the system's, the same text")
	}
	if st := lastLine(hs.screen()); !strings.Contains(st, "Copied the quote (") || !strings.Contains(st, " words) with its citation") {
		t.Errorf("the status line says what was copied: %q", st)
	}
	hs.keys("v", "Y")
	if hs.clipboard != "Cutler, Robert M. 2026. “The Armenia–Azerbaijan Peace Process Enters 2026.” Central Asia-Caucasus Analyst, January 2026." {
		t.Errorf("Y copies the citation alone: %q", hs.clipboard)
	}
}

// The highlights shown are worked out once for each change of the
// highlights or of the filter, not for every key.
func TestHighlightsEntriesAreKeptUntilTheyChange(t *testing.T) {
	hs := newHarness(t, Options{}, 100, 30)
	hs.keys("2", "v", "m", "j", "m", "H")
	first := hs.m.highlights.entries()
	hs.keys("j", "k")
	if again := hs.m.highlights.entries(); &again[0] != &first[0] {
		t.Errorf("moving the cursor sorted the highlights again")
	}
	hs.keys("/", "q", "q", "q")
	if got := hs.m.highlights.entries(); len(got) != 0 {
		t.Errorf("a new filter is applied: %d entries", len(got))
	}
	hs.keys("ctrl+u", "enter", "d", "y")
	if got := hs.m.highlights.entries(); len(got) != 1 {
		t.Errorf("a deletion is shown: %d entries", len(got))
	}
}

// The highlights screen's help lists its own keys only, in the style's
// glyphs: no glossary (A does nothing there), / filters from whichever
// screen it was opened, and --style ascii writes the arrows as words.
func TestHighlightsHelpIsItsOwn(t *testing.T) {
	for _, from := range [][]string{{"H", "?"}, {"2", "H", "?"}} {
		hs := newHarness(t, Options{Style: render.ASCII}, 120, 40)
		hs.keys(from...)
		s := hs.screen()
		if strings.Contains(s, "glossary") || !strings.Contains(s, "filter") || strings.Contains(s, "find") {
			t.Errorf("after %q the help is not the screen's own:\n%s", from, s)
		}
		if strings.ContainsAny(s, "↑↓") || !strings.Contains(s, "j/down") {
			t.Errorf("the ascii style's help draws arrows:\n%s", s)
		}
	}
}

// With a filter, the header counts the highlights shown of all; d on a
// highlight without a note asks about the highlight alone.
func TestHighlightsHeaderAndQuestionSayWhatIsThere(t *testing.T) {
	hs := newHarness(t, Options{Keeper: seeded(t)}, 100, 30)
	hs.keys("H", "/")
	hs.typeText("OTS as a bloc")
	hs.keys("enter")
	if head := strings.Split(hs.screen(), "\n")[0]; !strings.Contains(head, "Your highlights · 1 of 4") {
		t.Errorf("the header counts those shown: %q", head)
	}
	hs.keys("d")
	if line := hs.statusLine(); !strings.Contains(line, "Delete this highlight and its note?") {
		t.Errorf("a highlight with a note: %q", line)
	}
	hs.keys("n", "esc")
	if head := strings.Split(hs.screen(), "\n")[0]; !strings.Contains(head, "Your highlights · 4") || strings.Contains(head, " of ") {
		t.Errorf("without a filter, the count of all: %q", head)
	}
	for hs.m.highlights.selected().h.Note != "" {
		hs.keys("j")
	}
	hs.keys("d")
	if line := hs.statusLine(); !strings.Contains(line, "Delete this highlight?") {
		t.Errorf("a highlight without a note: %q", line)
	}
}

// TestHighlightsHeadingKeepsTheBrackets: a headline written for this
// edition, cut to fit a narrow screen, keeps both its brackets; the
// author gives way before the title does.
func TestHighlightsHeadingKeepsTheBrackets(t *testing.T) {
	for _, w := range []int{40, 60, 80} {
		hs := newHarness(t, Options{Keeper: seeded(t)}, w, 24)
		hs.keys("H")
		var heading string
		for _, l := range strings.Split(hs.screen(), "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), "4 · ") {
				heading = strings.TrimSpace(l)
			}
		}
		if !strings.HasPrefix(heading, "4 · [") || !strings.Contains(heading, "]") {
			t.Errorf("at %d columns Cornell's heading is %q: its brackets are not whole", w, heading)
		}
		if !strings.Contains(heading, "…]") && !strings.Contains(heading, "Security]") {
			t.Errorf("at %d columns the title is cut outside its words: %q", w, heading)
		}
	}
}
