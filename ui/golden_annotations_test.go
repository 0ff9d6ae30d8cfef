package ui

import (
	"testing"

	"analyst/internal/testlib"
)

// TestGoldenAnnotationViews checks the screens of highlights and notes at every
// golden size: the cursor, a highlight with its note and one without,
// the note editor, and the highlights screen. Run with -update after a
// deliberate change, and read the diff.
func TestGoldenAnnotationViews(t *testing.T) {
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
