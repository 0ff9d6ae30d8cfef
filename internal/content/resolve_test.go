package content_test

import (
	"errors"
	"strings"
	"testing"

	"analyst/internal/content"
)

func TestFind(t *testing.T) {
	lib := loadEmbedded(t)
	for ref, slug := range map[string]string{
		"2": "cutler", "cutler": "cutler", "Cutler": "cutler", "armenia": "cutler",
		"robert": "cutler", "2026-01/2": "cutler", "2#implications": "cutler",
		"4": "cornell", "turkic": "cornell", "svante e": "cornell",
		"pakistan": "jamal", "tolipov": "tolipov", "rumors": "tolipov",
	} {
		a, err := lib.Find(ref)
		if err != nil || a.Slug != slug {
			t.Errorf("Find(%q) = %v, %v; want %s", ref, a, err, slug)
		}
	}
}

func TestFindErrors(t *testing.T) {
	lib := loadEmbedded(t)
	_, err := lib.Find("xyzzy")
	var nf *content.NotFoundError
	if !errors.As(err, &nf) || !strings.Contains(err.Error(), `no article matches "xyzzy"`) || !strings.Contains(err.Error(), "analyst list") {
		t.Errorf("Find(xyzzy) = %v", err)
	}
	_, err = lib.Find("cutlr")
	if !errors.As(err, &nf) || len(nf.Closest) == 0 || nf.Closest[0].Slug != "cutler" {
		t.Errorf("the closest to a typo of cutler must be cutler: %v", err)
	}
	for _, ref := range []string{"9", "0", "2025-12/1", ""} {
		if _, err := lib.Find(ref); !errors.As(err, &nf) {
			t.Errorf("Find(%q) = %v, want not found", ref, err)
		}
	}
	// "central" is a word of two titles: Tolipov's and Jamal's.
	_, err = lib.Find("central")
	var amb *content.AmbiguousError
	if !errors.As(err, &amb) || len(amb.Candidates) != 2 {
		t.Fatalf("Find(central) = %v, want ambiguous between two", err)
	}
	if !strings.Contains(err.Error(), "tolipov") || !strings.Contains(err.Error(), "jamal") {
		t.Errorf("candidates not listed: %v", err)
	}
}

func TestSection(t *testing.T) {
	lib := loadEmbedded(t)
	cornell, _ := lib.Find("cornell")
	for name, want := range map[string]string{
		"lead": "Lead", "background": "Background", "IMPLICATIONS": "Implications",
		"impl": "Implications", "conclusion": "Conclusion", "conclusions": "Conclusion",
		"bio": "Author's Bio", "author's bio": "Author's Bio",
	} {
		s, err := cornell.Section(name)
		if err != nil || s.Name != want {
			t.Errorf("Section(%q) = %v, %v; want %s", name, s, err, want)
		}
	}
	if _, err := cornell.Section("nosuch"); err == nil || !strings.Contains(err.Error(), "lead, background, implications, conclusion, bio") {
		t.Errorf("Section(nosuch) = %v, want the list of sections", err)
	}
}

func TestSplitRef(t *testing.T) {
	for in, want := range map[string][2]string{
		"2#implications": {"2", "implications"}, "cutler": {"cutler", ""}, " 3 # bio ": {"3", "bio"},
	} {
		a, s := content.SplitRef(in)
		if a != want[0] || s != want[1] {
			t.Errorf("SplitRef(%q) = %q, %q", in, a, s)
		}
	}
}
