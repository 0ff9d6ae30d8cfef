package ui

import (
	"strings"
	"testing"
	"testing/fstest"

	"analyst/internal/content"
)

func TestGlossaryListsTheIssuesAbbreviations(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("3", "A")
	if hs.m.screen != glossaryScreen {
		t.Fatalf("A in the reader did not open the glossary")
	}
	screen := hs.screen()
	for _, want := range []string{
		"Glossary · Central Asia-Caucasus Analyst · January 2026",
		"14 definitions of 12 abbreviations · 11 more not spelled out",
		"CACO    Central Asian Cooperation Organization",
		"defined in 1 Farkhod Tolipov · Background · used 3 times",
		"CIS     not spelled out in this issue",
		"used 5 times, in article 1",
		"CPEC    China–Pakistan Economic Corridor",
		"defined in 3 Umair Jamal · Implications · not used again",
		"enter go to definition",
	} {
		if !strings.Contains(screen, want) {
			t.Errorf("the glossary lacks %q:\n%s", want, screen)
		}
	}
	hs.keys("A")
	if hs.m.screen != readerScreen || hs.m.reader.article.Slug != "jamal" {
		t.Errorf("A again goes back to the reader")
	}
	hs.keys("esc", "A")
	if hs.m.screen != glossaryScreen || hs.m.glossary.g.Issue != hs.m.list.currentIssue() {
		t.Fatalf("A in the list opens the glossary of the list's issue")
	}
	hs.keys("esc")
	if hs.m.screen != listScreen {
		t.Errorf("esc goes back to the list it came from")
	}
}

// TestGlossaryEnterGoesToTheDefinition: enter on an abbreviation opens
// the reader with its definition highlighted on screen, in the article
// and section that define it, whatever article was on screen before.
func TestGlossaryEnterGoesToTheDefinition(t *testing.T) {
	for _, size := range goldenSizes {
		hs := newHarness(t, Options{}, size[0], size[1])
		hs.keys("4", "A", "/")
		hs.typeText("cmhs")
		hs.keys("enter")
		if n := len(hs.m.glossary.items); n != 1 {
			t.Fatalf("%v: the filter cmhs keeps %d items", size, n)
		}
		def := hs.m.glossary.items[0].Definition
		hs.keys("enter")
		r := &hs.m.reader
		if hs.m.screen != readerScreen || r.article.Slug != "tolipov" {
			t.Fatalf("%v: enter opened %v", size, r.article)
		}
		want := "Consultative Meetings of the Heads of State of Central Asia (CMHS)"
		if r.search.query != want || len(r.search.matches) == 0 {
			t.Fatalf("%v: the reader highlights %q", size, r.search.query)
		}
		m := r.search.matches[r.search.current]
		if !r.currentMatchShown() || r.doc.Sections[r.doc.SectionAt(m.line())].Section != def.Section {
			t.Errorf("%v: the definition (line %d) is not on screen in %s", size, m.line(), def.Section.Name)
		}
		if !strings.Contains(hs.screen(), "(CMHS)") {
			t.Errorf("%v: the definition is not on screen:\n%s", size, hs.screen())
		}
	}
}

// TestGlossaryGoesToEveryDefinition: every definition of the issue opens
// at its own place; one in an author's bio shows the bio whole.
func TestGlossaryGoesToEveryDefinition(t *testing.T) {
	hs := newHarness(t, Options{Cache: sharedCache()}, 100, 30)
	hs.keys("A")
	items := hs.m.glossary.items
	for i, it := range items {
		hs.m.glossary.cursor = i
		hs.keys("enter")
		d := it.Definition
		if d == nil {
			if hs.m.screen != glossaryScreen || hs.m.glossary.status == "" {
				t.Errorf("%s has no definition: enter stays and says why", it.Entry.Abbr)
			}
			continue
		}
		r := &hs.m.reader
		if r.article != d.Article {
			t.Errorf("%s: opened %s, defined in %s", it.Entry.Abbr, r.article.Slug, d.Article.Slug)
		}
		if d.Section.Kind == content.KindBio {
			if !r.bio.open || !strings.Contains(hs.screen(), "Diplomat Risk Intelligence") {
				t.Errorf("%s: a definition in the bio shows the bio whole:\n%s", it.Entry.Abbr, hs.screen())
			}
		} else {
			m := r.search.matches[r.search.current]
			got := r.search.query
			if !strings.HasSuffix(got, "("+d.Abbr+")") && !strings.HasPrefix(got, d.Abbr+" (") {
				t.Errorf("%s: the reader highlights %q", it.Entry.Abbr, got)
			}
			if !r.currentMatchShown() || r.doc.Sections[r.doc.SectionAt(m.line())].Section != d.Section {
				t.Errorf("%s: the definition is not on screen in its section", it.Entry.Abbr)
			}
		}
		hs.keys("esc", "esc", "A")
	}
}

func TestGlossaryFilter(t *testing.T) {
	hs := newHarness(t, Options{}, 80, 24)
	hs.keys("1", "A", "/")
	hs.typeText("EURASIAN")
	var abbrs []string
	for _, it := range hs.m.glossary.items {
		abbrs = append(abbrs, it.Entry.Abbr)
	}
	if strings.Join(abbrs, " ") != "EAEU EvrAzES" {
		t.Errorf("the filter eurasian keeps %v", abbrs)
	}
	if !strings.Contains(hs.screen(), "/EURASIAN█") {
		t.Errorf("the filter being typed is not shown:\n%s", hs.screen())
	}
	hs.typeText("zzz")
	if !strings.Contains(hs.screen(), `No abbreviation or long form matches "EURASIANzzz".`) {
		t.Errorf("a filter that keeps nothing says so:\n%s", hs.screen())
	}
	hs.keys("enter", "esc")
	if len(hs.m.glossary.items) != len(hs.m.glossary.g.Items()) || hs.m.screen != glossaryScreen {
		t.Errorf("esc clears the filter first")
	}
	hs.keys("esc")
	if hs.m.screen != readerScreen {
		t.Errorf("then esc goes back")
	}
}

// TestGlossaryOfAnIssueWithoutAbbreviations says so.
func TestGlossaryOfAnIssueWithoutAbbreviations(t *testing.T) {
	fsys := fstest.MapFS{
		"2026-01/issue.md":  {Data: []byte("---\npublication: Plain Words\ndate: 2026-01\n---\n\nA journal.\n")},
		"2026-01/01-one.md": {Data: []byte("---\ntitle: One\nauthor: A. Writer\n---\n\nThe lead, in plain words.\n\n## Background\n\nNothing short here.\n")},
	}
	lib, err := content.Load(fsys, "plain")
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range goldenSizes {
		hs := newHarness(t, Options{Library: lib}, size[0], size[1])
		hs.keys("1", "A", "enter", "j", "/", "x", "enter")
		screen := hs.screen()
		if hs.m.screen != glossaryScreen || !strings.Contains(screen, "This issue has no") {
			t.Errorf("%v: an empty glossary must say so:\n%s", size, screen)
		}
	}
}

// An issue without abbreviations says so once, without a line of noughts
// above it.
func TestAnEmptyGlossarySaysSoOnce(t *testing.T) {
	hs := newHarness(t, Options{Library: threeIssues(t)}, 100, 30)
	hs.keys("A")
	s := hs.screen()
	if !strings.Contains(s, "This issue has no abbreviations") || strings.Contains(s, "0 definitions") {
		t.Errorf("the empty glossary:\n%s", s)
	}
}
