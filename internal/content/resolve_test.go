package content_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"analyst/internal/content"
	"analyst/internal/testlib"
)

func TestFind(t *testing.T) {
	lib := testlib.Library(t)
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
	lib := testlib.Library(t)
	_, err := lib.Find("xyzzy")
	var nf *content.NotFoundError
	if !errors.As(err, &nf) || !strings.Contains(err.Error(), `no article matches "xyzzy"`) || strings.Contains(err.Error(), "analyst") {
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

// The articles a message suggests show a headline written for this
// edition in brackets, never as the journal's title.
func TestMessagesMarkEditorialTitles(t *testing.T) {
	lib := testlib.Library(t)
	_, notFound := lib.Find("xyz")
	_, ambiguous := lib.Find("central")
	for _, err := range []error{notFound, ambiguous} {
		msg := err.Error()
		if !strings.Contains(msg, "tolipov    [Rumors of a Russian Bid to Join the Central Asian Community] (Farkhod Tolipov)") {
			t.Errorf("the editorial headline is not in brackets:\n%s", msg)
		}
		if strings.Contains(msg, "[The Armenia") {
			t.Errorf("the journal's title is in brackets:\n%s", msg)
		}
	}
	if !strings.Contains(notFound.Error(), "cutler     The Armenia–Azerbaijan Peace Process Enters 2026 (Robert M. Cutler)") {
		t.Errorf("the journal's title is not as it is:\n%s", notFound)
	}
}

func TestMarkedTitle(t *testing.T) {
	lib := testlib.Library(t)
	for slug, want := range map[string]string{
		"tolipov": "[Rumors of a Russian Bid to Join the Central Asian Community]",
		"cutler":  "The Armenia–Azerbaijan Peace Process Enters 2026",
	} {
		if got := testlib.Article(t, lib, slug).MarkedTitle(); got != want {
			t.Errorf("%s: MarkedTitle() = %q, want %q", slug, got, want)
		}
	}
}

func TestSection(t *testing.T) {
	lib := testlib.Library(t)
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
	for name, want := range map[string]string{"1": "Lead", "3": "Implications", "4": "Conclusion"} {
		if s, err := cornell.Section(name); err != nil || s.Name != want {
			t.Errorf("Section(%q) = %v, %v; want %s, as the reader numbers them", name, s, err, want)
		}
	}
	for _, n := range []string{"0", "5", "-1"} {
		if _, err := cornell.Section(n); err == nil || !strings.Contains(err.Error(), "numbered 1 to 4") {
			t.Errorf("Section(%s) = %v, want the numbers there are", n, err)
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

// TestFindAcrossIssues: authors come back from issue to issue, so slugs
// repeat across issues; the newest issue comes first, "issue/ref" names
// an older one.
func TestFindAcrossIssues(t *testing.T) {
	issue := func(date string) []byte {
		return []byte("---\npublication: P\ndate: " + date + "\n---\n\nAbout.\n")
	}
	article := func(title, author string) []byte {
		return []byte("---\ntitle: " + title + "\nauthor: " + author + "\n---\n\nLead.\n\n## Background\n\nText.\n")
	}
	lib, err := content.Load(fstest.MapFS{
		"2026-01/issue.md":      {Data: issue("2026-01")},
		"2026-01/01-cornell.md": {Data: article("Turkic States", "Svante E. Cornell")},
		"2026-01/02-jamal.md":   {Data: article("Pakistan and Israel", "Umair Jamal")},
		"2026-02/issue.md":      {Data: issue("2026-02")},
		"2026-02/01-cornell.md": {Data: article("Georgia's Drift", "Svante E. Cornell")},
	}, "lib")
	if err != nil {
		t.Fatalf("a returning author must not be a duplicate slug: %v", err)
	}
	for ref, want := range map[string]string{
		"cornell": "Georgia's Drift", "1": "Georgia's Drift", "2026-01/cornell": "Turkic States",
		"2026-01/1": "Turkic States", "jamal": "Pakistan and Israel", "turkic": "Turkic States",
	} {
		a, err := lib.Find(ref)
		if err != nil || a.Title != want {
			t.Errorf("Find(%q) = %v, %v; want %q", ref, a, err, want)
		}
	}
	if _, err := lib.Find("2"); err == nil {
		t.Errorf("a number counts in the newest issue only")
	}
	old, _ := lib.Find("2026-01/cornell")
	if got := lib.Ref(old); got != "2026-01/cornell" {
		t.Errorf("Ref of an older issue's article = %q", got)
	}
	if got := lib.Ref(lib.Latest().Articles()[0]); got != "cornell" {
		t.Errorf("Ref of the newest issue's article = %q", got)
	}
}
