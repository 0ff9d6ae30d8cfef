// Package testlib gives tests the library the binary embeds: the
// repository's articles folder, loaded and checked, or copied into memory
// for a test to change. By convention only tests import it (its own test
// checks that no other file does).
package testlib

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"testing/fstest"

	"analyst/internal/content"
)

// Dir is the repository's articles folder, the library main embeds,
// found from this file's place in the repository, so that a test in any
// package reads it without counting the "../" to it.
func Dir() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		panic("testlib: the source file's path is unknown")
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "articles")
}

// Library loads the embedded library whole and fails the test on any
// problem in it.
func Library(tb testing.TB) *content.Library {
	tb.Helper()
	lib, err := content.Load(os.DirFS(Dir()), "articles")
	if err != nil {
		tb.Fatalf("loading the embedded library: %v", err)
	}
	return lib
}

// Article is the embedded library's article with that slug.
func Article(tb testing.TB, lib *content.Library, slug string) *content.Article {
	tb.Helper()
	for _, a := range lib.Articles() {
		if a.Slug == slug {
			return a
		}
	}
	tb.Fatalf("the library has no article %q", slug)
	return nil
}

// MapFS is a copy in memory of the articles folder, as the binary holds it
// (read-only files), for a test to change or to hand to the command line.
// Its paths are the folder's: "2026-01/02-cutler.md".
func MapFS(tb testing.TB) fstest.MapFS {
	tb.Helper()
	mem := fstest.MapFS{}
	dir := os.DirFS(Dir())
	err := fs.WalkDir(dir, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(dir, p)
		mem[p] = &fstest.MapFile{Data: data, Mode: 0o444}
		return err
	})
	if err != nil {
		tb.Fatalf("copying the embedded library: %v", err)
	}
	return mem
}
