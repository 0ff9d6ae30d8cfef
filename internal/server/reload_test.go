package server

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/log/v2"

	"analyst/internal/content"
	"analyst/internal/testlib"
)

// copyLibrary copies the repository's articles into a temporary folder
// and loads them from there.
func copyLibrary(t *testing.T) (string, *content.Library) {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(testlib.Dir())); err != nil {
		t.Fatal(err)
	}
	lib, err := content.Load(os.DirFS(dir), dir)
	if err != nil {
		t.Fatal(err)
	}
	return dir, lib
}

// editFile replaces old by new in a file of the library, once.
func editFile(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q", path, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A reload changes what new sessions read, never what a session under way
// reads: a reader in the middle of an article keeps its text through the
// reload, a resize (a new rendering) and reopening the article; a new
// reader and a new command get the new text. A broken library is refused
// as a whole, its problems logged with file and line, and the library
// before it still served.
func TestReload(t *testing.T) {
	dir, lib := copyLibrary(t)
	logged := &lockedBuffer{}
	m := NewMetrics()
	libs := make(chan *content.Library, 4)
	ts := startServer(t, func(c *Config) {
		c.Library, c.Logger, c.Metrics = lib, log.New(logged), m
		c.Exec = func(ctx context.Context, _ []string, _ int, _ io.Reader, stdout, _ io.Writer) int {
			libs <- LibraryFor(ctx)
			return 0
		}
	})
	const before = "In late December 2025, Armenia"

	old := reader(t, ts.dial(t, "old"), 40, 120)
	old.out.waitFor(t, 0, "Tolipov")
	mark := old.out.mark()
	old.press(t, "2")
	old.out.waitFor(t, mark, before)
	mark = old.out.mark()
	old.press(t, "]")
	old.out.waitFor(t, mark, "Background")

	editFile(t, filepath.Join(dir, "2026-01", "02-cutler.md"), "In late December 2025,", "In late December 2025 (RELOADED),")
	if err := ts.Reload(os.DirFS(dir), dir); err != nil {
		t.Fatalf("Reload: %v", err)
	}
	if ts.Library() == lib {
		t.Fatal("the server still serves the library it began with")
	}
	if ts.lib.Load().glossaries == ts.cfg.Glossaries {
		t.Error("the reloaded library is served with the glossaries of the one before")
	}
	for _, want := range []string{"library reloaded", "articles_changed=2026-01/cutler", "articles_unchanged=3"} {
		if !strings.Contains(logged.String(), want) {
			t.Errorf("the log lacks %q:\n%s", want, logged)
		}
	}

	// The reader under way: back to the top, a new width, the list and
	// the article again: the text it began with, every time.
	for _, step := range []struct {
		do   func()
		what string
	}{
		{func() { old.press(t, "g") }, "g to the top"},
		{func() { _ = old.WindowChange(40, 100) }, "a resize"},
		{func() {
			m := old.out.mark()
			old.press(t, "\x1b")
			old.out.waitFor(t, m, "Tolipov") // the list; an esc and a key at once are alt+key
			old.press(t, "2")
		}, "the article reopened"},
	} {
		mark = old.out.mark()
		step.do()
		if err := old.out.await(mark, before, waitLimit); err != nil {
			t.Fatalf("%s: %v", step.what, err)
		}
		if strings.Contains(old.out.text(mark), "RELOADED") {
			t.Fatalf("after the reload, %s showed the reader under way the new text", step.what)
		}
	}

	// A new reader, with the same size, style and render cache.
	fresh := reader(t, ts.dial(t, "fresh"), 40, 100)
	fresh.out.waitFor(t, 0, "Tolipov")
	mark = fresh.out.mark()
	fresh.press(t, "2")
	fresh.out.waitFor(t, mark, "(RELOADED)")
	fresh.press(t, "q")
	fresh.exitStatus(t)
	// A command gets the new library too.
	openSession(t, ts.dial(t, "cmd"), 0, 0).start(t, "list").exitStatus(t)
	if got := <-libs; got != ts.Library() {
		t.Error("a command after the reload did not get the new library")
	}

	// A broken library: an article without its title, and one whose
	// name is no article's.
	reloaded := ts.Library()
	editFile(t, filepath.Join(dir, "2026-01", "03-jamal.md"), "title:", "titel:")
	if err := os.WriteFile(filepath.Join(dir, "2026-01", "5-x y.md"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := ts.Reload(os.DirFS(dir), dir)
	var problems content.Problems
	if !errors.As(err, &problems) || len(problems) < 2 {
		t.Fatalf("Reload of a broken library: %v, want its problems", err)
	}
	if ts.Library() != reloaded {
		t.Fatal("a broken library replaced the one served")
	}
	jamal := filepath.Join(dir, "2026-01", "03-jamal.md")
	for _, want := range []string{"reload refused", jamal + ":2:", "5-x y.md"} {
		if !strings.Contains(logged.String(), want) {
			t.Errorf("the log lacks %q:\n%s", want, logged)
		}
	}
	openSession(t, ts.dial(t, "cmd2"), 0, 0).start(t, "list").exitStatus(t)
	if got := <-libs; got != reloaded {
		t.Error("a command after a refused reload did not get the library served before")
	}
	after2 := reader(t, ts.dial(t, "after"), 40, 100)
	mark = after2.out.mark()
	after2.press(t, "2")
	after2.out.waitFor(t, mark, "(RELOADED)")

	e := gather(t, m)
	e.want(t, "two reloads", "analyst_library_reloads_total", "result=ok", 1)
	e.want(t, "two reloads", "analyst_library_reloads_total", "result=refused", 1)
	old.press(t, "q")
	if code := old.exitStatus(t); code != 0 {
		t.Errorf("the reader under way: exit %d", code)
	}
}
