package cli

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"analyst/internal/content"
	"analyst/ui"
)

// editedLibrary is the embedded issue with Cutler's article changed by
// edit, as a new edition of the text would be.
func editedLibrary(t *testing.T, edit func(string) string) *content.Library {
	t.Helper()
	src := embeddedCopy(t).(fstest.MapFS)
	out := fstest.MapFS{}
	for name, f := range src {
		data := f.Data
		if strings.HasSuffix(name, "02-cutler.md") {
			data = []byte(edit(string(data)))
		}
		out[name] = &fstest.MapFile{Data: data, Mode: f.Mode}
	}
	lib, err := content.Load(fs.FS(out), "articles")
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// TestKeptHighlightsFollowTheText keeps a highlight through the reader's
// keeper, then loads it with editions of the text: one with a paragraph
// added before it (the highlight moves with its text), and one without
// its paragraph (the highlight is kept, detached, with its quote and
// note).
func TestKeptHighlightsFollowTheText(t *testing.T) {
	dir := t.TempDir()
	a := newApp(nil, io.Discard, io.Discard, []string{"ANALYST_DB=" + filepath.Join(dir, "a.db"), "ANALYST_STATE=" + filepath.Join(dir, "s.json")}, embeddedCopy(t))
	lib, err := a.library()
	if err != nil {
		t.Fatal(err)
	}
	keeper := a.readerKeeper(t.Context())
	defer keeper.close()
	if _, err := keeper.Load(lib); err != nil || keeper.notice != "" {
		t.Fatal(err, keeper.notice)
	}
	cutler, _ := lib.Find("cutler")
	quote := cutler.Sections[1].Paragraphs[1]
	if _, err := keeper.AddHighlight(ui.Highlight{Article: "2026-01/cutler", Section: "background", Paragraph: 1, Note: "the preamble"}); err != nil {
		t.Fatal(err)
	}

	added := editedLibrary(t, func(s string) string {
		return strings.Replace(s, "## Background\n\n", "## Background\n\nA paragraph a new edition added.\n\n", 1)
	})
	kept, err := keeper.Load(added)
	if err != nil {
		t.Fatal(err)
	}
	if h := kept.Highlights[0]; h.Detached || h.Section != "background" || h.Paragraph != 2 || h.Note != "the preamble" {
		t.Errorf("with a paragraph added before it, the highlight moves to its text: %+v", h)
	}

	gone := editedLibrary(t, func(s string) string {
		return strings.Replace(s, quote, "Something else entirely, written anew for this test.", 1)
	})
	kept, err = keeper.Load(gone)
	if err != nil {
		t.Fatal(err)
	}
	if h := kept.Highlights[0]; !h.Detached || h.Quote != quote || h.Note != "the preamble" {
		t.Errorf("without its paragraph, the highlight is kept, detached, with its quote and note: %+v", h)
	}
}

// TestABrokenStoreIsSaidInAFewWords opens the reader's store over a file
// that is not a database: the notice names it from the home folder, and
// the file is left as it was.
func TestABrokenStoreIsSaidInAFewWords(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, ".local", "share", "analyst", "analyst.db")
	if err := os.MkdirAll(filepath.Dir(db), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, []byte("not a database"), 0o600); err != nil {
		t.Fatal(err)
	}
	a := newApp(nil, io.Discard, io.Discard, []string{"HOME=" + home}, nil)
	keeper := a.readerKeeper(t.Context())
	defer keeper.close()
	_, err := keeper.Load(nil)
	if err == nil || !strings.HasPrefix(err.Error(), "Nothing will be kept: ~/.local/share/analyst/analyst.db ") {
		t.Errorf("the notice: %v", err)
	}
	if err := keeper.SavePlace("2026-01/cutler", ui.Place{Section: "lead"}); err == nil {
		t.Errorf("a store that could not be opened keeps nothing, and says so")
	}
	if got, _ := os.ReadFile(db); string(got) != "not a database" {
		t.Errorf("the file was changed: %q", got)
	}
}
