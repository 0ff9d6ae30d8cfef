package e2e

// `analyst highlights` end to end, over a database the test writes.

import (
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

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
