package ui

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files with the current views")

// goldenSizes are the terminal sizes every screen is checked at.
var goldenSizes = [][2]int{{120, 40}, {80, 24}, {40, 12}}

// TestGoldenViews compares the plain text of each screen with its golden
// file in testdata/golden. Run `go test ./ui -run Golden -update` after a
// deliberate change of the layout, and read the diff before committing.
func TestGoldenViews(t *testing.T) {
	cases := []struct {
		name string
		keys []string
	}{
		{"list", nil},
		{"list-filter", []string{"/", "p", "e", "a", "c", "e"}},
		{"reader", []string{"2"}},
		{"reader-implications", []string{"2", "]", "]"}},
		{"reader-sidebar-toggled", []string{"2", "s"}},
		{"reader-search", []string{"2", "/", "b", "a", "k", "u", "enter"}},
		{"help-reader", []string{"2", "?"}},
		{"help-list", []string{"?"}},
		{"list-passages", []string{"/", "g", "w", "a", "d", "a", "r"}},
		{"reader-passage", []string{"/", "g", "w", "a", "d", "a", "r", "enter"}},
		{"glossary", []string{"1", "A"}},
		{"glossary-filter", []string{"1", "A", "/", "e", "u", "r", "a", "s"}},
		{"reader-definition", []string{"1", "A", "/", "c", "m", "h", "s", "enter", "enter"}},
	}
	lib := loadLibrary(t)
	cache := sharedCache()
	for _, c := range cases {
		goldenAtEverySize(t, c.name, c.keys, func(*testing.T) Options { return Options{Library: lib, Cache: cache} })
	}
}

// goldenAtEverySize checks the screen that keys lead to, at each golden
// size, against its golden file; opt makes each run's options.
func goldenAtEverySize(t *testing.T, name string, keys []string, opt func(*testing.T) Options) {
	for _, size := range goldenSizes {
		full := fmt.Sprintf("%s-%dx%d", name, size[0], size[1])
		t.Run(full, func(t *testing.T) {
			hs := newHarness(t, opt(t), size[0], size[1])
			hs.keys(keys...)
			checkGolden(t, full, hs.screen())
		})
	}
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name+".golden")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s:\n--- got ---\n%s\n--- want ---\n%s", name, path, got, want)
	}
}
