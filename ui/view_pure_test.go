package ui

import (
	"reflect"
	"testing"
)

// Drawing a screen changes nothing in the model: where lists scroll to,
// the abbreviations on screen and the bio's scroll are worked out as
// messages come, and View only draws them.
func TestViewChangesNothing(t *testing.T) {
	cases := []struct {
		name string
		w, h int
		keys []string
	}{
		{"list at its end", 60, 12, []string{"G"}},
		{"list filtered", 60, 12, []string{"/", "a", "enter", "G"}},
		{"reader with the sidebar", 120, 30, []string{"2", "space", "space"}},
		{"bio scrolled past its end", 60, 12, []string{"2", "i", "G"}},
		{"glossary at its end", 60, 12, []string{"1", "A", "G"}},
		{"highlights at their end", 60, 8, []string{"1", "v", "m", "j", "m", "n", "v", "m", "H", "G"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hs := newHarness(t, Options{Cache: sharedCache()}, c.w, c.h)
			hs.keys(c.keys...)
			before := snapshot(hs.m)
			hs.m.frame.valid = false
			hs.m.View()
			if after := snapshot(hs.m); !reflect.DeepEqual(before, after) {
				t.Errorf("View changed the model:\nbefore %+v\nafter  %+v", before, after)
			}
		})
	}
}

// modelState is what View must leave as it found it.
type modelState struct {
	listTop, glossaryTop, highlightsTop, bioOffset int
	abbrs                                          screenAbbreviations
}

func snapshot(m *Model) modelState {
	return modelState{m.list.top, m.glossary.top, m.highlights.top, m.reader.bio.offset, m.reader.side.abbrs}
}
