package server

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"analyst/internal/content"
)

// diffLibraries names the issues and articles added, changed and removed.
func TestDiffLibraries(t *testing.T) {
	dir, old := copyLibrary(t)
	if ch := diffLibraries(old, old); fmt.Sprint(ch.logFields()) != "[articles_unchanged 4]" {
		t.Errorf("a library against itself: %v", ch.logFields())
	}
	issue := filepath.Join(dir, "2026-01")
	editFile(t, filepath.Join(issue, "issue.md"), "biweekly", "fortnightly")
	editFile(t, filepath.Join(issue, "01-tolipov.md"), "author:", "image_credit: someone\nauthor:")
	editFile(t, filepath.Join(issue, "03-jamal.md"), "## Implications", "## Implications\n\nA new paragraph.")
	if err := os.Remove(filepath.Join(issue, "04-cornell.md")); err != nil {
		t.Fatal(err)
	}
	next := filepath.Join(dir, "2026-02")
	if err := os.MkdirAll(next, 0o755); err != nil {
		t.Fatal(err)
	}
	copyFile(t, filepath.Join(issue, "issue.md"), filepath.Join(next, "issue.md"))
	editFile(t, filepath.Join(next, "issue.md"), "date: 2026-01", "date: 2026-02")
	copyFile(t, filepath.Join(issue, "02-cutler.md"), filepath.Join(next, "01-cutler-again.md"))

	lib, err := content.Load(os.DirFS(dir), dir)
	if err != nil {
		t.Fatal(err)
	}
	ch := diffLibraries(old, lib)
	for _, c := range []struct {
		what      string
		got, want []string
	}{
		{"issues added", ch.issuesAdded, []string{"2026-02"}},
		{"issues changed", ch.issuesChanged, []string{"2026-01"}},
		{"issues removed", ch.issuesRemoved, nil},
		{"articles added", ch.articlesAdded, []string{"2026-02/cutler-again"}},
		{"articles changed", ch.articlesChanged, []string{"2026-01/tolipov", "2026-01/jamal"}},
		{"articles removed", ch.articlesRemoved, []string{"2026-01/cornell"}},
	} {
		if !slices.Equal(c.got, c.want) {
			t.Errorf("%s: %q, want %q", c.what, c.got, c.want)
		}
	}
	if ch.articlesKept != 1 {
		t.Errorf("%d articles unchanged, want 1 (cutler)", ch.articlesKept)
	}
	back := diffLibraries(lib, old)
	if !slices.Equal(back.issuesRemoved, []string{"2026-02"}) || !slices.Equal(back.articlesAdded, []string{"2026-01/cornell"}) {
		t.Errorf("the other way round: %v", back.logFields())
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
