package e2e

// `analyst highlights` end to end, over a database the test writes.

import (
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	_ "modernc.org/sqlite" // to write into the database behind the store's back

	"analyst/internal/store"
	"analyst/internal/testlib"
)

// highlightedDB makes a database with one highlight of jamal's, with a
// note, and returns its path.
func highlightedDB(t *testing.T, note string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "analyst.db")
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Annotate(context.Background(), store.LocalOwner, testlib.Article(t, testlib.Library(t), "jamal"), "implications", 1, note); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestHighlightsShowControlCharacters: a note with a control character,
// written into the database by something else (the store refuses them),
// is printed with the character as a visible escape, \x1b, in --json and
// in Markdown, which pandoc renders so; nothing is dropped, and nothing
// reaches the terminal as a command.
func TestHighlightsShowControlCharacters(t *testing.T) {
	db := highlightedDB(t, "placeholder")
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("UPDATE highlights SET note = ?", "a\x1b[31mred\x07!"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	env := runner{env: []string{"ANALYST_DB=" + db}}
	const shown = `a\x1b[31mred\x07!`

	r := env.analyst(t, "highlights", "--json")
	r.wantCode(t, 0)
	var got []struct{ Note string }
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || len(got) != 1 {
		t.Fatalf("highlights --json: %v\n%s", err, r.stdout)
	}
	if got[0].Note != shown {
		t.Errorf("--json gives the note as %q, want %q", got[0].Note, shown)
	}

	md := env.analyst(t, "highlights")
	md.wantCode(t, 0)
	for _, out := range []string{r.stdout, md.stdout} {
		if strings.ContainsAny(out, "\x1b\x07") {
			t.Errorf("a control character reached the output:\n%q", out)
		}
	}
	needTools(t, "pandoc")
	text := citeTool(t, md.stdout, "pandoc", "--from", "commonmark", "--to", "plain", "--wrap=none")
	if !strings.Contains(text, "Note: "+shown) {
		t.Errorf("the Markdown, rendered by pandoc, does not show the note as %q:\n%s", shown, text)
	}
}

// TestHighlightsFitTheTerminal: in a terminal, `analyst highlights` wraps
// its Markdown to the width between words, as list, search and glossary
// fit it, each line of a blockquote starting with "> "; the words are the
// ones a pipe gets.
func TestHighlightsFitTheTerminal(t *testing.T) {
	db := highlightedDB(t, "compare this paragraph with what the Pakistani government said about Gwadar in 2024")
	piped := runner{env: []string{"ANALYST_DB=" + db}}.analyst(t, "highlights")
	piped.wantCode(t, 0)
	words := strings.Fields(piped.stdout)
	for _, w := range []int{80, 50} {
		tm := startPane(t, w, 60, "EXIT", readerCommand(t, []string{"ANALYST_DB=" + db}, "highlights"))
		code, s := tm.waitExit(screenDeadline)
		if code != "0" {
			t.Fatalf("%d columns: exit %s\n%s", w, code, s)
		}
		var shown []string
		quoted := 0
		for _, row := range s {
			if strings.HasPrefix(row, "EXIT=") {
				break
			}
			// capture joins the rows the terminal wrapped.
			if n := ansi.StringWidth(row); n > w {
				t.Errorf("%d columns: a row of %d cells, which the terminal wraps: %q", w, n, row)
			}
			if strings.HasPrefix(row, "> ") {
				quoted++
			}
			shown = append(shown, strings.Fields(row)...)
		}
		// The blockquote's "> " start each of its lines; the words are
		// the pipe's, in order.
		var kept []string
		for _, word := range shown {
			if word != ">" {
				kept = append(kept, word)
			}
		}
		var want []string
		for _, word := range words {
			if word != ">" {
				want = append(want, word)
			}
		}
		if !slices.Equal(kept, want) {
			t.Errorf("%d columns: the words differ from the pipe's:\n%s", w, s)
		}
		if quoted < 3 {
			t.Errorf("%d columns: the quote is not a blockquote of several lines:\n%s", w, s)
		}
	}
}
