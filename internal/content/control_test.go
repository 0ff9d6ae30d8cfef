package content_test

import (
	"path/filepath"
	"strings"
	"testing"

	"analyst/internal/content"
)

// firstControlByRune is FirstControl as the definition says it: the first
// rune that IsControl. Bytes that are not UTF-8 decode as U+FFFD, which is
// not one, and no byte of a longer sequence is below 0x80 or a C2.
func firstControlByRune(s string) (int, rune) {
	for i, r := range s {
		if content.IsControl(r) {
			return i, r
		}
	}
	return -1, 0
}

// TestFirstControlEveryByte puts every byte, and every C2 pair, at every
// offset of a word and across the boundary between two, so that the
// eight-bytes-at-a-time scan is checked against the rune by rune one.
func TestFirstControlEveryByte(t *testing.T) {
	for _, fill := range []string{"a", "\n", "é", "\u00a0", "\t\r"} {
		base := strings.Repeat(fill, 24)[:24]
		for pos := 0; pos < 20; pos++ {
			for b := 0; b < 256; b++ {
				for _, ins := range []string{string([]byte{byte(b)}), string([]byte{0xc2, byte(b)})} {
					s := base[:pos] + ins + base[pos:]
					gi, gr := content.FirstControl(s)
					wi, wr := firstControlByRune(s)
					if gi != wi || gr != wr {
						t.Fatalf("FirstControl(%q) = %d, %U; want %d, %U", s, gi, gr, wi, wr)
					}
				}
			}
		}
	}
}

func FuzzFirstControl(f *testing.F) {
	for _, s := range []string{"", "plain", "a\x1b[2J", "\x1b]52;c;eA==\a", "tab\there\r\n", "\x7f", "“q” \u009b", "\xc2", "\xc2\x9b", "\xe2\xc2\x9b", "\u0085\u00a0", "\xc2\x00\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		gi, gr := content.FirstControl(s)
		wi, wr := firstControlByRune(s)
		if gi != wi || gr != wr {
			t.Fatalf("FirstControl(%q) = %d, %U; want %d, %U", s, gi, gr, wi, wr)
		}
		stripped := content.StripControls(s)
		if i, _ := content.FirstControl(stripped); i >= 0 {
			t.Errorf("StripControls(%q) = %q keeps one", s, stripped)
		}
		if gi < 0 && stripped != s {
			t.Errorf("StripControls(%q) = %q changes text without controls", s, stripped)
		}
	})
}

func TestStripControls(t *testing.T) {
	for s, want := range map[string]string{
		"":                          "",
		"plain\ttext\r\n":           "plain\ttext\r\n",
		"a\x1b[2Jb":                 "a[2Jb",
		"\x1b]52;c;eA==\aok":        "]52;c;eA==ok",
		"“q”\u009b\x7f\x00":         "“q”",
		"\xc2\x00\x80":              "\ufffd\ufffd", // not a U+0080 made of the two halves
		"\xff only invalid, no ctl": "\xff only invalid, no ctl",
	} {
		if got := content.StripControls(s); got != want {
			t.Errorf("StripControls(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestShowControls(t *testing.T) {
	for s, want := range map[string]string{
		"":                          "",
		"plain\ttext\r\n":           "plain\ttext\r\n",
		"a\x1b[2Jb":                 `a\x1b[2Jb`,
		"\x1b]52;c;eA==\aok":        `\x1b]52;c;eA==\x07ok`,
		"“q”\u009b\x7f\x00":         `“q”\u009b\x7f\x00`,
		"\xc2\x00\x80":              "\ufffd\\x00\ufffd", // not a U+0080 made of the two halves
		"\xff only invalid, no ctl": "\xff only invalid, no ctl",
	} {
		got := content.ShowControls(s)
		if got != want {
			t.Errorf("ShowControls(%q) = %q, want %q", s, got, want)
		}
		if i, r := content.FirstControl(got); i >= 0 {
			t.Errorf("ShowControls(%q) kept %s", s, content.ControlName(r))
		}
	}
}

func TestControlName(t *testing.T) {
	for r, want := range map[rune]string{0: "U+0000 (NUL)", 0x1b: "U+001B (ESC)", 0x7f: "U+007F (DEL)", 0x9b: "U+009B (CSI)", 0x9d: "U+009D (OSC)", 'a': "U+0061"} {
		if got := content.ControlName(r); got != want {
			t.Errorf("ControlName(%U) = %q, want %q", r, got, want)
		}
	}
}

// BenchmarkFirstControl scans the embedded library's text, which has none.
func BenchmarkFirstControl(b *testing.B) {
	var text strings.Builder
	for _, src := range fuzzRealFiles(b, filepath.Join(articlesDir, "*", "*.md")) {
		text.WriteString(src)
	}
	s := text.String()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		if i, _ := content.FirstControl(s); i >= 0 {
			b.Fatal("a control character in the library")
		}
	}
}
