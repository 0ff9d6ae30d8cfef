package ui

import (
	"testing"

	"analyst/internal/testlib"
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
		{"highlights-help", []string{"H", "?"}},
	}
	lib := testlib.Library(t)
	cache := sharedCache()
	for _, c := range cases {
		goldenAtEverySize(t, c.name, c.keys, func(t *testing.T) Options {
			return Options{Library: lib, Cache: cache, Keeper: seeded(t)}
		})
	}
}
