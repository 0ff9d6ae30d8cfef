package ui

import (
	"strings"
	"testing"
)

// TestPickerHintFits: the section picker's hint is shown whole in the
// sidebar, on two lines if it must, at every width with a sidebar.
func TestPickerHintFits(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {100, 30}, {90, 30}, {40, 12}} {
		hs := newHarness(t, Options{Cache: sharedCache()}, size[0], size[1])
		hs.keys("2", "tab")
		side := sidebarText(hs)
		for _, part := range []string{"choose", "enter go", "esc close"} {
			if !strings.Contains(side, part) {
				t.Errorf("at %dx%d the picker's hint lacks %q:\n%s", size[0], size[1], part, side)
			}
		}
	}
}

// TestTheWholeBioCanBeRead: where the sidebar has no room for the whole
// bio, it says so and i opens it whole; j scrolls it, esc closes it.
func TestTheWholeBioCanBeRead(t *testing.T) {
	hs := newHarness(t, Options{Cache: sharedCache()}, 40, 12)
	hs.keys("2", "s")
	if side := sidebarText(hs); !strings.Contains(side, "i full bio") {
		t.Errorf("a cut bio does not say how to read it whole:\n%s", side)
	}
	hs.keys("esc", "i")
	bio := hs.article("cutler").Bio()
	want := strings.Join(strings.Fields(strings.Join(bio.Paragraphs, " ")), " ")
	var seen []string
	for range 20 {
		seen = append(seen, strings.Split(hs.screen(), "\n")[1:11]...)
		hs.keys("j")
	}
	got := strings.Join(strings.Fields(strings.Join(dedupe(seen), " ")), " ")
	if !strings.Contains(got, want) {
		t.Errorf("i does not show the whole bio; scrolling through it showed:\n%s", got)
	}
	hs.keys("esc")
	if s := hs.screen(); strings.Contains(s, "director") && !strings.Contains(s, "Peace Process") {
		t.Errorf("esc does not close the bio:\n%s", s)
	}
	if hs.m.screen != readerScreen {
		t.Errorf("esc on the bio went back to the list")
	}
}

// dedupe drops lines seen just before, as scrolling repeats them.
func dedupe(lines []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l != "" && !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out
}

// i with the sidebar shown over the text puts the sidebar away: the bio
// takes the text's place, and the sidebar would hide it; one esc closes
// the bio.
func TestBioOverTheSidebar(t *testing.T) {
	hs := newHarness(t, Options{}, 40, 12)
	hs.keys("3", "s")
	if !hs.m.reader.side.overlay {
		t.Fatal("s shows the sidebar over the text at 40 columns")
	}
	hs.keys("i")
	if !strings.Contains(hs.screen(), "ABOUT THE AUTHOR") {
		t.Errorf("the bio is in sight:\n%s", hs.screen())
	}
	hs.keys("esc")
	if hs.m.reader.bio.open || hs.m.reader.side.overlay {
		t.Errorf("one esc closes the bio, and no sidebar is left over the text")
	}
}
