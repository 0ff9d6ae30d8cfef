package testlib

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestLibraryIsTheEmbeddedIssue(t *testing.T) {
	lib := Library(t)
	if len(lib.Issues) != 1 || lib.Latest().Slug != "2026-01" || len(lib.Articles()) != 4 {
		t.Fatalf("the library: %d issues, %d articles", len(lib.Issues), len(lib.Articles()))
	}
	if a := Article(t, lib, "cutler"); a.Number != 2 {
		t.Errorf("cutler is article %d", a.Number)
	}
	mem := MapFS(t)
	if f := mem["2026-01/02-cutler.md"]; f == nil || !strings.Contains(string(f.Data), "Cutler") {
		t.Errorf("the copy in memory lacks cutler's file: %v", mem)
	}
	if len(mem) != 5 {
		t.Errorf("the copy holds %d files, want the issue and its 4 articles", len(mem))
	}
}

// Only tests import testlib: a program that did would read the
// repository's folder at run time, which a built binary does not have.
func TestOnlyTestsImportIt(t *testing.T) {
	root := filepath.Join(Dir(), "..")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") && p != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); path == "analyst/internal/testlib" {
				t.Errorf("%s imports testlib, which only tests may", p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
