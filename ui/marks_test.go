package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"analyst/internal/content"
)

// loaded is what a keeper holds now, as the next run would load it.
func loaded(t *testing.T, k Keeper) Kept {
	t.Helper()
	kept, err := k.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	return kept
}

func TestHighlightRoundTrip(t *testing.T) {
	keeper := NewMemoryKeeper(Kept{})
	hs := newHarness(t, Options{Keeper: keeper}, 120, 40)
	hs.keys("2", "v", "j", "m") // the lead has one paragraph: j goes to Background's first
	text, _ := cursorText(hs)
	kept := loaded(t, keeper)
	if len(kept.Highlights) != 1 {
		t.Fatalf("m keeps one highlight, the keeper has %d", len(kept.Highlights))
	}
	h := kept.Highlights[0]
	if h.Article != "2026-01/cutler" || h.Section != "background" || h.Paragraph != 0 || h.Quote != text || h.ID == 0 {
		t.Errorf("kept %+v", h)
	}
	if !strings.Contains(hs.screen(), "1 highlight") {
		t.Errorf("the sidebar counts the article's highlights:\n%s", hs.screen())
	}
	p, _ := hs.m.reader.cursorParagraph()
	for i, l := range paneLines(hs)[p.First-hs.m.reader.pane.offset : p.End-hs.m.reader.pane.offset] {
		if !strings.HasPrefix(strings.TrimLeft(l, " "), highlightBar) {
			t.Errorf("line %d of the highlighted paragraph has no bar: %q", i, l)
		}
	}

	// The next run shows the mark.
	again := newHarness(t, Options{Keeper: keeper}, 120, 40)
	again.keys("2")
	if !strings.Contains(again.screen(), highlightBar) || !strings.Contains(again.screen(), "1 highlight") {
		t.Errorf("a kept highlight is drawn when the article opens again:\n%s", again.screen())
	}

	hs.keys("m")
	if n := len(loaded(t, keeper).Highlights); n != 0 || strings.Contains(hs.screen(), highlightBar) {
		t.Errorf("m again removes the highlight: %d left", n)
	}
}

func TestNoteRoundTrip(t *testing.T) {
	keeper := NewMemoryKeeper(Kept{})
	hs := newHarness(t, Options{Keeper: keeper}, 80, 24)
	hs.keys("3", "v", "j", "a")
	if !hs.m.reader.annotations.editor.open || !strings.Contains(lastLine(hs.screen()), "enter save") {
		t.Fatalf("a opens the note editor:\n%s", hs.screen())
	}
	hs.typeText("compare with the 2024 talks?")
	if !strings.Contains(hs.screen(), unicodeGlyphs().NoteSign+"compare with the 2024 talks?█") {
		t.Errorf("the note is written under the paragraph:\n%s", hs.screen())
	}
	if hs.m.reader.pane.offset < 0 || !hs.m.reader.cursorInSight() {
		t.Errorf("the paragraph stays in sight")
	}
	hs.keys("enter")
	kept := loaded(t, keeper)
	if len(kept.Highlights) != 1 || kept.Highlights[0].Note != "compare with the 2024 talks?" {
		t.Fatalf("a note implies a highlight, kept with the note: %+v", kept.Highlights)
	}
	// The note is drawn on the line after its paragraph's last.
	p, _ := hs.m.reader.cursorParagraph()
	lines := paneLines(hs)
	row := p.End - hs.m.reader.pane.offset
	if row < 0 || row >= len(lines) || strings.TrimSpace(lines[row]) != unicodeGlyphs().NoteSign+"compare with the 2024 talks?" {
		t.Errorf("the note is not under its paragraph (row %d):\n%s", row, hs.screen())
	}

	hs.keys("a")
	if hs.m.reader.annotations.editor.input.value != "compare with the 2024 talks?" {
		t.Errorf("the editor opens on the note: %q", hs.m.reader.annotations.editor.input.value)
	}
	hs.typeText(" no")
	hs.keys("esc")
	if loaded(t, keeper).Highlights[0].Note != "compare with the 2024 talks?" {
		t.Errorf("esc keeps the note as it was")
	}
	hs.keys("a", "ctrl+u", "enter")
	kept = loaded(t, keeper)
	if len(kept.Highlights) != 1 || kept.Highlights[0].Note != "" {
		t.Errorf("an empty note removes the note and keeps the highlight: %+v", kept.Highlights)
	}
	if strings.Contains(hs.screen(), unicodeGlyphs().NoteSign) {
		t.Errorf("the removed note is still drawn")
	}
}

func TestTypingANoteDoesNotTriggerKeys(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("1", "v", "a")
	hs.typeText("q?]nHmvy/")
	r := &hs.m.reader
	if hs.quit || hs.m.help || hs.m.screen != readerScreen || r.article.Slug != "tolipov" || r.annotations.editor.input.value != "q?]nHmvy/" {
		t.Errorf("keys typed into a note are text: %q", r.annotations.editor.input.value)
	}
}

func TestANoteOfAnyLengthStaysWithinThePaneAndHarmless(t *testing.T) {
	cutler := "2026-01/cutler"
	long := strings.Repeat("word ", 600) + strings.Repeat("x", 300) + " \x1b[31mred\x1b]52;c;aGk=\x07 \x9b2J end"
	keeper := NewMemoryKeeper(Kept{Highlights: []Highlight{{
		ID: 7, Article: cutler, Section: "background", Paragraph: 0, Note: long, Created: time.Now(),
	}}})
	for _, size := range goldenSizes {
		hs := newHarness(t, Options{Keeper: keeper}, size[0], size[1])
		hs.keys("2", "]")
		view := hs.m.View().Content
		for _, bad := range []string{"\x1b[31m", "\x1b]52", "\x07", "\x9b"} {
			if strings.Contains(view, bad) {
				t.Errorf("%v: the note's %q reached the terminal", size, bad)
			}
		}
		for i, l := range strings.Split(view, "\n") {
			if w := ansi.StringWidth(l); w > size[0] {
				t.Errorf("%v: line %d is %d wide", size, i, w)
			}
		}
		// The whole note is there, wrapped: every x of the long word too.
		var text strings.Builder
		for _, l := range hs.m.reader.doc.Plain {
			text.WriteString(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), unicodeGlyphs().NoteSign)))
		}
		if flat := strings.ReplaceAll(text.String(), " ", ""); !strings.Contains(flat, "^[[31mred^[]52;c;aGk=^G�2Jend") {
			t.Errorf("%v: the note's control characters are shown as signs", size)
		}
		if !strings.Contains(text.String(), strings.Repeat("x", 300)) {
			t.Errorf("%v: the note is not drawn whole", size)
		}
	}
}

func TestHighlightsAreKeptInTheOrderTheyWereMade(t *testing.T) {
	keeper := NewMemoryKeeper(Kept{})
	hs := newHarness(t, Options{Keeper: keeper}, 120, 40)
	// Quick toggles: each change is written after the one before.
	hs.keys("2", "v", "m", "m", "m", "j", "m", "a")
	hs.typeText("n")
	hs.keys("enter", "m")
	kept := loaded(t, keeper)
	if len(kept.Highlights) != 1 || kept.Highlights[0].Paragraph != 0 {
		t.Errorf("after m m m on one paragraph and m, a note and m on the next, one highlight is left: %+v", kept.Highlights)
	}
}

func TestSessionOnlyHighlightsSaySoOnce(t *testing.T) {
	hs := newHarness(t, Options{Keeper: NewMemoryKeeper(Kept{}), SessionOnly: true}, 120, 40)
	hs.keys("2", "v", "m")
	if !strings.Contains(hs.m.reader.status, "this session only") {
		t.Errorf("the first highlight says it lasts for the session: %q", hs.m.reader.status)
	}
	hs.keys("j", "m")
	if strings.Contains(hs.m.reader.status, "session") {
		t.Errorf("only the first says so: %q", hs.m.reader.status)
	}
}

// failingKeeper fails to load, or to write, as told.
type failingKeeper struct {
	MemoryKeeper
	loadErr, writeErr error
}

func (k *failingKeeper) Load(lib *content.Library) (Kept, error) {
	if k.loadErr != nil {
		return Kept{}, k.loadErr
	}
	return k.MemoryKeeper.Load(lib)
}

func (k *failingKeeper) AddHighlight(h Highlight) (int64, error) {
	if k.writeErr != nil {
		return 0, k.writeErr
	}
	return k.MemoryKeeper.AddHighlight(h)
}

func (k *failingKeeper) SavePlace(a string, p Place) error {
	if k.writeErr != nil {
		return k.writeErr
	}
	return k.MemoryKeeper.SavePlace(a, p)
}

func TestABrokenKeeperNeverStopsReading(t *testing.T) {
	broken := &failingKeeper{MemoryKeeper: *NewMemoryKeeper(Kept{}), loadErr: errors.New("file is not a database")}
	hs := newHarness(t, Options{Keeper: broken}, 80, 24)
	if first := strings.Split(hs.screen(), "\n")[0]; !strings.Contains(first, "Nothing will be kept: file is not a database") {
		t.Errorf("the notice line says at once that nothing will be kept, and why: %q", first)
	}
	hs.keys("2", "v", "m", "j", "j")
	if hs.m.screen != readerScreen || hs.m.c.notes.count(hs.article("cutler")) != 1 {
		t.Errorf("reading and marking go on for the session")
	}

	full := &failingKeeper{MemoryKeeper: *NewMemoryKeeper(Kept{})}
	hs = newHarness(t, Options{Keeper: full}, 80, 24)
	hs.keys("2", "v")
	full.writeErr = errors.New("database or disk is full")
	hs.keys("m")
	if first := strings.Split(hs.screen(), "\n")[0]; !strings.Contains(first, "Not saved: database or disk is full") {
		t.Errorf("a failed write is on the notice line at once: %q", first)
	}
	full.writeErr = nil
	hs.keys("j", "m")
	if first := strings.Split(hs.screen(), "\n")[0]; strings.Contains(first, "Not saved") {
		t.Errorf("the notice goes once a write succeeds: %q", first)
	}
}
