package ui

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"analyst/internal/render"
	"analyst/internal/testlib"
)

// The golden files in testdata/golden are every screen as a terminal
// shows it. After a deliberate change of what the reader draws (or after
// a rebase brings one), rewrite them and read the diff before committing:
//
//	go test ./ui -run Golden -update
//
// The files in testdata/golden/*.golden are the plain text in the dark
// style. Those in the folders below it keep the escape codes a terminal
// gets, one folder a look: dark and light (all colours), ansi16 (the dark
// style on a 16-colour terminal), nocolor (NO_COLOR: attributes, no
// colours) and ascii (--style ascii); `cat` one in a terminal to see it,
// or `less -R`.
var update = flag.Bool("update", false, "rewrite the golden files with the current views")

// goldenSizes are the terminal sizes every screen is checked at.
var goldenSizes = [][2]int{{120, 40}, {80, 24}, {40, 12}}

// goldenCase is a screen: the keys pressed from the start to reach it.
type goldenCase struct {
	name string
	keys []string
}

var goldenCases = []goldenCase{
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

// goldenLook is one way a terminal shows the reader: a style asked for,
// and the colours the terminal can show.
type goldenLook struct {
	dir     string
	style   string
	profile colorprofile.Profile
}

var goldenLooks = []goldenLook{
	{"dark", render.Dark, colorprofile.TrueColor},
	{"light", render.Light, colorprofile.TrueColor},
	{"ansi16", render.Dark, colorprofile.ANSI},
	{"nocolor", render.Dark, colorprofile.Ascii},
	{"ascii", render.ASCII, colorprofile.Ascii},
}

// lookCases are the screens checked in every look.
var lookCases = []string{"list", "reader", "reader-implications", "reader-search", "help-reader"}

// TestGoldenViews compares the plain text of each screen with its golden
// file in testdata/golden.
func TestGoldenViews(t *testing.T) {
	lib := testlib.Library(t)
	cache := sharedCache()
	for _, c := range goldenCases {
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

// TestGoldenLooks compares screens with their golden files in each look,
// escape codes and all.
func TestGoldenLooks(t *testing.T) {
	lib := testlib.Library(t)
	cache := sharedCache()
	for _, look := range goldenLooks {
		for _, c := range goldenCases {
			if !contains(lookCases, c.name) {
				continue
			}
			for _, size := range goldenSizes {
				name := fmt.Sprintf("%s/%s-%dx%d", look.dir, c.name, size[0], size[1])
				t.Run(name, func(t *testing.T) {
					hs := newHarness(t, Options{Library: lib, Cache: cache, Style: look.style}, size[0], size[1])
					hs.keys(c.keys...)
					checkGolden(t, name, styledScreen(t, hs.m.View().Content, look.profile))
				})
			}
		}
	}
}

// styledScreen is a view as a terminal with a colour profile gets it:
// colours converted (or dropped), lines without trailing spaces.
func styledScreen(t *testing.T, view string, p colorprofile.Profile) string {
	t.Helper()
	var b bytes.Buffer
	w := &colorprofile.Writer{Forward: &b, Profile: p}
	if _, err := w.WriteString(view); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = trimStyledRight(l)
	}
	return strings.Join(lines, "\n")
}

// trimStyledRight drops trailing spaces that no style shows (spaces with
// a background or reverse video are kept: they are seen).
func trimStyledRight(line string) string {
	if ansi.Strip(line) == strings.TrimRight(ansi.Strip(line), " ") {
		return line
	}
	if strings.HasSuffix(line, " ") {
		return strings.TrimRight(line, " ")
	}
	return line
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
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
		t.Fatalf("%v (run `go test ./ui -run Golden -update` to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s (after a deliberate change: go test ./ui -run Golden -update, then read the diff):\n--- got ---\n%s\n--- want ---\n%s", name, path, got, want)
	}
}
