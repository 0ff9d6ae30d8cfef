package ui

import (
	"fmt"
	"testing"
)

// TestGoldenWorkViews checks the screens of reading as work at every
// golden size: the cursor, a highlight with its note and one without,
// the note editor, and the highlights screen. Run with -update after a
// deliberate change, and read the diff.
func TestGoldenWorkViews(t *testing.T) {
	cases := []struct {
		name string
		keys []string
	}{
		{"reader-cursor", []string{"2", "v", "j", "j"}},
		{"reader-highlights", []string{"4", "]", "]"}},
		{"reader-note-editor", []string{"2", "v", "j", "a", "w", "h", "y", "?"}},
		{"highlights", []string{"H"}},
		{"highlights-delete", []string{"H", "j", "d"}},
	}
	lib := loadLibrary(t)
	cache := sharedCache()
	for _, c := range cases {
		for _, size := range goldenSizes {
			name := fmt.Sprintf("%s-%dx%d", c.name, size[0], size[1])
			t.Run(name, func(t *testing.T) {
				hs := newHarness(t, Options{Library: lib, Cache: cache, Keeper: seeded(t)}, size[0], size[1])
				hs.keys(c.keys...)
				checkGolden(t, name, hs.screen())
			})
		}
	}
}
