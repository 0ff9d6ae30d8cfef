package store

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestToggleHighlightsAndUnhighlights(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		s := openNew(t, e)
		lib := loadLibrary(t, nil)
		a := article(t, lib, "cutler")
		h, on, err := s.Toggle(ctx, LocalOwner, a, "implications", 2)
		if err != nil || !on {
			t.Fatalf("Toggle on: %+v %v %v", h, on, err)
		}
		want := Anchor{Issue: "2026-01", Article: "cutler", Section: "implications", Paragraph: 2,
			Quote: paragraph(t, a, "implications", 2)}
		if h.Anchor != want || h.Note != "" || h.ID == 0 || h.Created.IsZero() || !h.Updated.Equal(h.Created) {
			t.Errorf("the highlight made: %+v", h)
		}
		hs, err := s.Highlights(ctx, LocalOwner)
		if err != nil || len(hs) != 1 || !reflect.DeepEqual(hs[0], h) {
			t.Fatalf("Highlights = %+v, %v; want [%+v]", hs, err, h)
		}
		off, on, err := s.Toggle(ctx, LocalOwner, a, "implications", 2)
		if err != nil || on || off.ID != h.ID {
			t.Fatalf("Toggle off: %+v %v %v", off, on, err)
		}
		if hs, _ := s.Highlights(ctx, LocalOwner); len(hs) != 0 {
			t.Errorf("after toggling off: %+v", hs)
		}
	})
}

func TestToggleRefusesAParagraphThatIsNotThere(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		s := openNew(t, e)
		a := article(t, loadLibrary(t, nil), "cutler")
		for _, tc := range []struct {
			section string
			i       int
		}{{"implications", 99}, {"implications", -1}, {"nowhere", 0}} {
			if _, _, err := s.Toggle(ctx, LocalOwner, a, tc.section, tc.i); !errors.Is(err, ErrInvalid) {
				t.Errorf("Toggle(%s, %d): %v, want ErrInvalid", tc.section, tc.i, err)
			}
		}
		if _, _, err := s.Toggle(ctx, LocalOwner, nil, "lead", 0); !errors.Is(err, ErrInvalid) {
			t.Errorf("Toggle of no article: %v", err)
		}
	})
}

func TestNotesRoundTrip(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		s := openNew(t, e)
		lib := loadLibrary(t, nil)
		a := article(t, lib, "jamal")

		// An empty note on a paragraph without a highlight does nothing.
		if h, err := s.Annotate(ctx, LocalOwner, a, "background", 3, ""); err != nil || h.ID != 0 {
			t.Fatalf("empty note on nothing: %+v, %v", h, err)
		}
		// A note implies a highlight.
		h, err := s.Annotate(ctx, LocalOwner, a, "background", 3, "compare with 2019")
		if err != nil || h.ID == 0 || h.Note != "compare with 2019" || h.Paragraph != 3 {
			t.Fatalf("Annotate: %+v, %v", h, err)
		}
		// A second note replaces the first on the same highlight.
		h2, err := s.Annotate(ctx, LocalOwner, a, "background", 3, "compare with 2020")
		if err != nil || h2.ID != h.ID || h2.Note != "compare with 2020" || !h2.Updated.After(h.Updated) || !h2.Created.Equal(h.Created) {
			t.Fatalf("second Annotate: %+v, %v", h2, err)
		}
		// An empty note removes the note, not the highlight.
		h3, err := s.Annotate(ctx, LocalOwner, a, "background", 3, "")
		if err != nil || h3.ID != h.ID || h3.Note != "" {
			t.Fatalf("empty note: %+v, %v", h3, err)
		}
		hs, _ := s.Highlights(ctx, LocalOwner)
		if len(hs) != 1 || hs[0].Note != "" || hs[0].ID != h.ID {
			t.Fatalf("after removing the note: %+v", hs)
		}
		// SetNote by id, as the list of highlights does.
		h4, err := s.SetNote(ctx, LocalOwner, h.ID, "by id")
		if err != nil || h4.Note != "by id" {
			t.Fatalf("SetNote: %+v, %v", h4, err)
		}
		if hs, _ := s.Highlights(ctx, LocalOwner); hs[0].Note != "by id" {
			t.Errorf("after SetNote: %+v", hs[0])
		}
		if _, err := s.SetNote(ctx, LocalOwner, h.ID+1, "x"); !errors.Is(err, ErrNotFound) {
			t.Errorf("SetNote of an unknown id: %v", err)
		}
		// Delete returns what it removed.
		d, err := s.Delete(ctx, LocalOwner, h.ID)
		if err != nil || d.ID != h.ID || d.Note != "by id" {
			t.Fatalf("Delete: %+v, %v", d, err)
		}
		if _, err := s.Delete(ctx, LocalOwner, h.ID); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "no highlight") {
			t.Errorf("Delete again: %v", err)
		}
	})
}

// A note of any length is kept whole, with its lines and non-ASCII text.
func TestLongNoteIsKeptWhole(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		s := openNew(t, e)
		a := article(t, loadLibrary(t, nil), "cornell")
		note := strings.Repeat("Ташкент, «C6» — 中亚 ✓ ", 40000) + "\nsecond line\tand a tab"
		h, err := s.Annotate(ctx, LocalOwner, a, "lead", 0, note)
		if err != nil {
			t.Fatal(err)
		}
		hs, err := s.ArticleHighlights(ctx, LocalOwner, RefOf(a))
		if err != nil || len(hs) != 1 || hs[0].Note != note || h.Note != note {
			t.Fatalf("the note came back %d bytes long (want %d), %v", len(hs[0].Note), len(note), err)
		}
	})
}

// Control characters never get into a note: they are refused, with the
// character named, and nothing is written.
func TestNoteControlCharactersAreRefused(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		s := openNew(t, e)
		a := article(t, loadLibrary(t, nil), "cornell")
		for _, note := range []string{
			"red \x1b[31malert\x1b[0m",       // ESC, an SGR sequence
			"title \x1b]0;pwned\x07",         // OSC setting the title, BEL
			"clipboard \x1b]52;c;aGk=\x1b\\", // OSC 52
			"c1 csi \u009b2J",                // the one-character CSI
			"null \x00 byte",                 // NUL
			"backspace\b\b\b",                // BS
			"not utf-8 \xc2",                 // a lone lead byte
			"del \x7f",                       // DEL
		} {
			_, err := s.Annotate(ctx, LocalOwner, a, "lead", 0, note)
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("Annotate(%q): %v, want ErrInvalid", note, err)
				continue
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "the note was not kept: ") || strings.ContainsAny(msg, "\x1b\x07\x00\b\x7f\u009b") {
				t.Errorf("message %q", msg)
			}
		}
		if _, err := s.Annotate(ctx, LocalOwner, a, "lead", 0, "x\x1by"); err == nil || !strings.Contains(err.Error(), "U+001B (ESC)") {
			t.Errorf("the ESC is not named: %v", err)
		}
		if hs, _ := s.Highlights(ctx, LocalOwner); len(hs) != 0 {
			t.Errorf("a refused note left a highlight: %+v", hs)
		}
		// Carriage returns become line breaks, which are kept.
		h, err := s.Annotate(ctx, LocalOwner, a, "lead", 0, "one\r\ntwo\rthree\nfour")
		if err != nil || h.Note != "one\ntwo\nthree\nfour" {
			t.Errorf("line breaks: %q, %v", h.Note, err)
		}
	})
}

// Text read back never carries a control character, even from a file that
// was written by something else (another program, a hand edit): each is
// shown as an escape, so that the reader sees it was there.
func TestControlCharactersInTheFileAreNotReturned(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		s := openNew(t, e)
		if _, err := s.db.Exec(s.d.bind(`INSERT INTO highlights (owner, `+highlightColumns+`)
			VALUES ('', 1, '2026-01', 'cutler', 'lead', 0, ?, ?, 1, 1)`),
			"quote \x1b[2J", "note \x1b]52;c;aGk=\x07 \u009b end\rx"); err != nil {
			t.Fatal(err)
		}
		hs, err := s.Highlights(ctx, LocalOwner)
		if err != nil || len(hs) != 1 {
			t.Fatal(hs, err)
		}
		if hs[0].Quote != `quote \x1b[2J` || hs[0].Note != `note \x1b]52;c;aGk=\x07 \u009b end`+"\nx" {
			t.Errorf("read back %q, %q", hs[0].Quote, hs[0].Note)
		}
	})
}

func TestListingNewestFirstAndCounts(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		s := openNew(t, e)
		lib := loadLibrary(t, nil)
		cutler, jamal := article(t, lib, "cutler"), article(t, lib, "jamal")
		var made []Highlight
		for _, step := range []struct {
			a       string
			section string
			i       int
		}{{"cutler", "lead", 0}, {"jamal", "background", 0}, {"cutler", "implications", 6}, {"jamal", "implications", 1}, {"jamal", "background", 9}} {
			a := cutler
			if step.a == "jamal" {
				a = jamal
			}
			h, on, err := s.Toggle(ctx, LocalOwner, a, step.section, step.i)
			if err != nil || !on {
				t.Fatal(err)
			}
			made = append(made, h)
		}
		hs, err := s.Highlights(ctx, LocalOwner)
		if err != nil || len(hs) != 5 {
			t.Fatalf("Highlights: %d, %v", len(hs), err)
		}
		for i, h := range hs {
			if want := made[len(made)-1-i]; !reflect.DeepEqual(h, want) {
				t.Errorf("Highlights[%d] = %+v, want %+v", i, h, want)
			}
		}
		js, err := s.ArticleHighlights(ctx, LocalOwner, RefOf(jamal))
		if err != nil || len(js) != 3 || js[0].ID != made[4].ID || js[2].ID != made[1].ID {
			t.Errorf("jamal's highlights: %+v, %v", js, err)
		}
		c, err := s.Counts(ctx, LocalOwner)
		if err != nil || !reflect.DeepEqual(c, map[string]int{"2026-01/cutler": 2, "2026-01/jamal": 3}) {
			t.Errorf("Counts = %v, %v", c, err)
		}
	})
}

// Times are kept to the millisecond, as unix milliseconds.
func TestTimesRoundTrip(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		s := openNew(t, e)
		at := time.Date(2026, 3, 4, 5, 6, 7, 891_234_567, time.UTC)
		s.now = func() time.Time { return at }
		a := article(t, loadLibrary(t, nil), "cutler")
		if _, err := s.Annotate(ctx, LocalOwner, a, "lead", 0, "n"); err != nil {
			t.Fatal(err)
		}
		hs, _ := s.Highlights(ctx, LocalOwner)
		if want := at.Truncate(time.Millisecond); !hs[0].Created.Equal(want) || !hs[0].Updated.Equal(want) {
			t.Errorf("created %v updated %v, want %v", hs[0].Created, hs[0].Updated, want)
		}
	})
}
