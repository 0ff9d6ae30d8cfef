package store

import (
	"fmt"
	"strings"
	"testing"

	"analyst/internal/content"
)

const cutlerFile = "2026-01/02-cutler.md"

// editBlocks changes the blank-line separated blocks of cutler's file:
// its paragraphs, headings and front matter.
func editBlocks(files map[string]string, edit func(blocks []string) []string) {
	files[cutlerFile] = strings.Join(edit(strings.Split(files[cutlerFile], "\n\n")), "\n\n")
}

// blockIndex is the index of the block that starts with prefix.
func blockIndex(tb testing.TB, blocks []string, prefix string) int {
	tb.Helper()
	for i, b := range blocks {
		if strings.HasPrefix(b, prefix) {
			return i
		}
	}
	tb.Fatalf("no block starts with %q", prefix)
	return -1
}

// swapParagraphs swaps two of cutler's paragraphs, named by their starts.
func swapParagraphs(tb testing.TB, files map[string]string, a, b string) {
	editBlocks(files, func(bl []string) []string {
		i, j := blockIndex(tb, bl, a), blockIndex(tb, bl, b)
		bl[i], bl[j] = bl[j], bl[i]
		return bl
	})
}

// removeParagraph removes one of cutler's paragraphs and returns it.
func removeParagraph(tb testing.TB, files map[string]string, start string) (removed string) {
	editBlocks(files, func(bl []string) []string {
		i := blockIndex(tb, bl, start)
		removed = bl[i]
		return append(bl[:i], bl[i+1:]...)
	})
	return removed
}

// insertParagraph puts a paragraph after the block that starts with after.
func insertParagraph(tb testing.TB, files map[string]string, p, after string) {
	editBlocks(files, func(bl []string) []string {
		j := blockIndex(tb, bl, after)
		return append(bl[:j+1], append([]string{p}, bl[j+1:]...)...)
	})
}

// highlightOf is the highlight a reader makes on a paragraph of the
// unchanged library, with a note.
func highlightOf(tb testing.TB, section string, i int) Highlight {
	tb.Helper()
	a := article(tb, loadLibrary(tb, nil), "cutler")
	anchor, err := anchorAt(a, section, i)
	if err != nil {
		tb.Fatal(err)
	}
	return Highlight{ID: 7, Anchor: anchor, Note: "my note"}
}

func wantLocation(tb testing.TB, loc Location, status Status, section string, i int) {
	tb.Helper()
	if loc.Status != status {
		tb.Fatalf("status %v, want %v", loc.Status, status)
	}
	if status == Detached {
		if loc.Found() {
			tb.Fatalf("detached, yet at %s %d", loc.Section.Slug, loc.Paragraph)
		}
		return
	}
	if !loc.Found() || loc.Section.Slug != section || loc.Paragraph != i {
		tb.Fatalf("at %+v, want %s paragraph %d", loc, section, i)
	}
}

func TestLocateUnchangedText(t *testing.T) {
	h := highlightOf(t, "implications", 2)
	lib := loadLibrary(t, nil)
	loc := Locate(lib, h)
	wantLocation(t, loc, Here, "implications", 2)
	if loc.Article != article(t, lib, "cutler") {
		t.Error("not in its article")
	}
}

// Rewrapped lines and doubled spaces are the same text.
func TestLocateIgnoresSpaces(t *testing.T) {
	h := highlightOf(t, "implications", 2)
	lib := loadLibrary(t, func(files map[string]string) {
		replaceOnce(t, files, cutlerFile, "the route is to be operated under", "the route  is to be\noperated under")
	})
	wantLocation(t, Locate(lib, h), Here, "implications", 2)
}

// A paragraph moved, within its section or to another, is found by its
// text.
func TestLocateMovedParagraph(t *testing.T) {
	h := highlightOf(t, "implications", 2) // "The peace text, as well as official Armenian statements, ..."
	within := loadLibrary(t, func(files map[string]string) {
		swapParagraphs(t, files, "The peace text, as well", "Armenia’s domestic political timetable")
	})
	wantLocation(t, Locate(within, h), Moved, "implications", 0)

	across := loadLibrary(t, func(files map[string]string) {
		insertParagraph(t, files, removeParagraph(t, files, "The peace text, as well"), "To summarize, Russia")
	})
	wantLocation(t, Locate(across, h), Moved, "conclusions", 1)
}

// A section renamed keeps its highlights.
func TestLocateRenamedSection(t *testing.T) {
	h := highlightOf(t, "conclusions", 0)
	lib := loadLibrary(t, func(files map[string]string) {
		replaceOnce(t, files, cutlerFile, "## Conclusions", "## Outlook")
	})
	wantLocation(t, Locate(lib, h), Moved, "outlook", 0)
}

// A lightly edited paragraph carries its highlight; the highlight keeps
// its quote as it was.
func TestLocateEditedParagraph(t *testing.T) {
	h := highlightOf(t, "implications", 2)
	lib := loadLibrary(t, func(files map[string]string) {
		replaceOnce(t, files, cutlerFile, "The peace text, as well as official Armenian statements, emphasize",
			"The peace text, along with official Armenian statements, emphasizes")
	})
	loc := Locate(lib, h)
	wantLocation(t, loc, Edited, "implications", 2)
	if loc.Section.Paragraphs[2] == h.Quote {
		t.Error("the text did not change")
	}
	// Moved and edited at once.
	both := loadLibrary(t, func(files map[string]string) {
		replaceOnce(t, files, cutlerFile, "The peace text, as well as official Armenian statements, emphasize",
			"The peace text, like official Armenian statements, emphasizes")
		swapParagraphs(t, files, "The peace text, like", "The Armenia–Azerbaijan peace framework")
	})
	wantLocation(t, Locate(both, h), Edited, "implications", 1)
}

// A paragraph rewritten beyond a light edit, or removed, detaches its
// highlight; the store keeps it, with its quote and note.
func TestLocateDetached(t *testing.T) {
	s := openTemp(t)
	old := loadLibrary(t, nil)
	h, err := s.Annotate(ctx, LocalOwner, article(t, old, "cutler"), "implications", 2, "keep this")
	if err != nil {
		t.Fatal(err)
	}
	for name, edit := range map[string]func(files map[string]string){
		"removed": func(files map[string]string) { removeParagraph(t, files, "The peace text, as well") },
		"rewritten": func(files map[string]string) {
			removeParagraph(t, files, "The peace text, as well")
			insertParagraph(t, files, "Official statements say little about who will run the route, and the text is silent on it.",
				"The Armenia–Azerbaijan peace framework")
		},
		"article gone": func(files map[string]string) { delete(files, cutlerFile) },
		"issue gone": func(files map[string]string) {
			for name := range files {
				delete(files, name)
			}
			files["2026-02/issue.md"] = "---\npublication: Central Asia-Caucasus Analyst\ndate: 2026-02\n---\n\nAbout.\n"
			files["2026-02/01-other.md"] = "---\ntitle: Other\ntitle_source: journal\nauthor: A. Writer\n---\n\nA lead.\n\n## Body\n\nText.\n"
		},
	} {
		t.Run(name, func(t *testing.T) {
			lib := loadLibrary(t, edit)
			hs, err := s.Highlights(ctx, LocalOwner)
			if err != nil || len(hs) != 1 {
				t.Fatalf("the store lost the highlight: %+v, %v", hs, err)
			}
			loc := Locate(lib, hs[0])
			wantLocation(t, loc, Detached, "", 0)
			if hs[0].Quote != h.Quote || hs[0].Note != "keep this" {
				t.Errorf("kept as %q / %q", hs[0].Quote, hs[0].Note)
			}
			if (name == "article gone" || name == "issue gone") != (loc.Article == nil) {
				t.Errorf("article %v", loc.Article)
			}
		})
	}
}

// The same text twice: the copy nearest the highlight's old place.
func TestLocateDuplicateTextPrefersTheNearest(t *testing.T) {
	h := highlightOf(t, "implications", 5) // "Iran ostensibly welcomes ..."
	lib := loadLibrary(t, func(files map[string]string) {
		p := removeParagraph(t, files, "Iran ostensibly welcomes") // gone from here,
		insertParagraph(t, files, p, "To summarize, Russia")       // in conclusions,
		insertParagraph(t, files, p, "At this stage, the issue")   // and after implications' 3
	})
	wantLocation(t, Locate(lib, h), Moved, "implications", 4)
}

// Toggling the paragraph where a moved highlight is now removes it: it
// does not make a second one.
func TestToggleFindsAMovedHighlight(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		s := openNew(t, e)
		old := loadLibrary(t, nil)
		h, _, err := s.Toggle(ctx, LocalOwner, article(t, old, "cutler"), "implications", 2)
		if err != nil {
			t.Fatal(err)
		}
		moved := loadLibrary(t, func(files map[string]string) {
			swapParagraphs(t, files, "The peace text, as well", "Armenia’s domestic political timetable")
		})
		a := article(t, moved, "cutler")
		// Its old position holds another paragraph now: a new highlight.
		other, on, err := s.Toggle(ctx, LocalOwner, a, "implications", 2)
		if err != nil || !on || other.ID == h.ID {
			t.Fatalf("toggle at the old position: %+v %v %v", other, on, err)
		}
		// Its new position: the same highlight, removed.
		off, on, err := s.Toggle(ctx, LocalOwner, a, "implications", 0)
		if err != nil || on || off.ID != h.ID {
			t.Fatalf("toggle at the new position: %+v %v %v", off, on, err)
		}
		// Back in the old text, other's paragraph is the first: a note there
		// goes on other, found by its text, and makes no new highlight.
		h2, err := s.Annotate(ctx, LocalOwner, article(t, old, "cutler"), "implications", 0, "found")
		if err != nil || h2.ID != other.ID || h2.Note != "found" {
			t.Fatalf("%+v %v", h2, err)
		}
		if hs, _ := s.Highlights(ctx, LocalOwner); len(hs) != 1 {
			t.Errorf("highlights: %+v", hs)
		}
	})
}

// How the likeness scores what NearMatch's comment says it scores.
func TestLikenessOfEdits(t *testing.T) {
	words := func(n int) []string {
		w := make([]string, n)
		for i := range w {
			w[i] = fmt.Sprintf("w%d", i)
		}
		return w
	}
	base := words(100)
	replaceEvery := func(k int) []string {
		w := append([]string(nil), base...)
		for i := k - 1; i < len(w); i += k {
			w[i] = "changed"
		}
		return w
	}
	for _, tc := range []struct {
		name string
		b    []string
		want float64
		near bool
	}{
		{"the same", base, 1, true},
		{"one word in five replaced", replaceEvery(5), 0.8, true},
		{"one word in three replaced", replaceEvery(3), 0.67, false},
		{"a fifth dropped", base[:80], 0.89, true},
		{"a quarter added", append(append([]string(nil), base...), words(125)[100:]...), 0.89, true},
		{"half dropped", base[50:], 0.67, false},
		{"another text", strings.Fields(strings.Repeat("x y z ", 33)), 0, false},
	} {
		got := fullLikeness(base, tc.b)
		if got < tc.want-0.01 || got > tc.want+0.01 && tc.want != 0 {
			t.Errorf("%s: likeness %.3f, want %.2f", tc.name, got, tc.want)
		}
		if (got >= NearMatch) != tc.near {
			t.Errorf("%s: likeness %.3f near = %v", tc.name, got, !tc.near)
		}
		// The shortcuts change no answer.
		if fast := likeness(base, tc.b); fast != got && (fast >= NearMatch || got >= NearMatch) {
			t.Errorf("%s: likeness %.3f with its shortcuts, %.3f without", tc.name, fast, got)
		}
	}
}

// NearMatch is far above the likeness of any two different paragraphs of
// the seed issue, so that no highlight moves to a paragraph it never
// marked. Measured without likeness's shortcuts.
func TestNearMatchIsFarAboveDifferentParagraphs(t *testing.T) {
	lib := loadLibrary(t, nil)
	var paras []string
	for _, a := range lib.Articles() {
		for _, s := range a.Sections {
			for _, p := range s.Paragraphs {
				paras = append(paras, content.NormalizeSpace(p))
			}
		}
	}
	if len(paras) < 50 {
		t.Fatalf("only %d paragraphs", len(paras))
	}
	worst, pair := 0.0, [2]int{}
	for i := range paras {
		for j := i + 1; j < len(paras); j++ {
			l := fullLikeness(wordsOf(paras[i]), wordsOf(paras[j]))
			if l > worst {
				worst, pair = l, [2]int{i, j}
			}
		}
	}
	t.Logf("the closest two of %d paragraphs: %.3f\n%.80q\n%.80q", len(paras), worst, paras[pair[0]], paras[pair[1]])
	if worst >= 0.5 {
		t.Errorf("two different paragraphs are %.3f alike, too near NearMatch %.2f", worst, NearMatch)
	}
}

// fullLikeness is likeness without its shortcuts.
func fullLikeness(a, b []string) float64 {
	_, ids := wordIDs(a, b)
	return 2 * float64(lcs(ids[:len(a)], ids[len(a):])) / float64(len(a)+len(b))
}
