package store

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"analyst/internal/content"
	"analyst/internal/testlib"
)

// loadLibrary loads the repository's articles, after edit (when not nil)
// has changed their files: the map's keys are paths under "articles/",
// "2026-01/02-cutler.md", its values the files' text.
func loadLibrary(tb testing.TB, edit func(files map[string]string)) *content.Library {
	tb.Helper()
	if edit == nil {
		return testlib.Library(tb)
	}
	files := map[string]string{}
	for p, f := range testlib.MapFS(tb) {
		files[p] = string(f.Data)
	}
	edit(files)
	fsys := fstest.MapFS{}
	for p, text := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(text)}
	}
	lib, err := content.Load(fsys, "articles")
	if err != nil {
		tb.Fatalf("loading the library: %v", err)
	}
	return lib
}

// article returns the library's article with that slug.
func article(tb testing.TB, lib *content.Library, slug string) *content.Article {
	tb.Helper()
	return testlib.Article(tb, lib, slug)
}

// paragraph returns a paragraph's text.
func paragraph(tb testing.TB, a *content.Article, section string, i int) string {
	tb.Helper()
	sec := sectionOf(a, section)
	if sec == nil || i >= len(sec.Paragraphs) {
		tb.Fatalf("%s has no paragraph %d in %s", a.Slug, i, section)
	}
	return sec.Paragraphs[i]
}

// openTemp opens a new store in a temporary folder, closed at the end of
// the test, with a clock that moves a millisecond at each reading, so that
// "newest first" has one answer.
func openTemp(tb testing.TB) *Store {
	tb.Helper()
	s, err := Open(context.Background(), filepath.Join(tb.TempDir(), "analyst.db"))
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	s.now = ticker(time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC))
	return s
}

// ticker is a clock that starts at t and moves a millisecond each time it
// is read, by any goroutine.
func ticker(t time.Time) func() time.Time {
	var mu sync.Mutex
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		t = t.Add(time.Millisecond)
		return t
	}
}

// replaceOnce replaces old, which must be in files[name] once, with new.
func replaceOnce(tb testing.TB, files map[string]string, name, old, new string) {
	tb.Helper()
	if n := strings.Count(files[name], old); n != 1 {
		tb.Fatalf("%s holds %q %d times, want once", name, old, n)
	}
	files[name] = strings.Replace(files[name], old, new, 1)
}

// integrity runs SQLite's full check of the database file.
func integrity(tb testing.TB, path string) {
	tb.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		tb.Fatalf("reopening %s: %v", path, err)
	}
	defer s.Close()
	var res string
	if err := s.db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		tb.Fatalf("integrity_check of %s: %q, %v", path, res, err)
	}
}

var ctx = context.Background()

// isProblem reports whether err is an *Error of the problem p.
func isProblem(err error, p Problem) bool {
	e, ok := err.(*Error)
	return ok && e.Problem == p
}
