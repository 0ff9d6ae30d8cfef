package content_test

import (
	"context"
	"maps"
	"strings"
	"testing"
	"unicode/utf8"

	"analyst/internal/content"
	"analyst/internal/testlib"
)

func TestSearch(t *testing.T) {
	lib := testlib.Library(t)
	ms := lib.Search("ABRAHAM accords")
	if len(ms) < 5 {
		t.Fatalf("%d matches for Abraham Accords, want at least 5", len(ms))
	}
	for _, m := range ms {
		if m.Article.Slug != "jamal" {
			t.Errorf("match in %s", m.Article.Slug)
		}
		p := m.Section.Paragraphs[m.Paragraph]
		if got := p[m.Offset : m.Offset+m.Length]; !strings.EqualFold(got, "abraham accords") {
			t.Errorf("offset points at %q", got)
		}
		if got := m.Context[m.InContext[0]:m.InContext[1]]; !strings.EqualFold(got, "abraham accords") {
			t.Errorf("context span points at %q in %q", got, m.Context)
		}
		if n := utf8.RuneCountInString(m.Context); n > 110 {
			t.Errorf("context of %d characters is more than one line: %q", n, m.Context)
		}
	}
	if got := lib.Search("zzzqqq"); len(got) != 0 {
		t.Errorf("matches for nonsense: %v", got)
	}
	if got := lib.Search("  "); len(got) != 0 {
		t.Errorf("an empty query matched %d times", len(got))
	}
}

func TestSearchFindsEverySection(t *testing.T) {
	lib := testlib.Library(t)
	found := map[string]bool{}
	for _, m := range lib.Search("the") {
		found[m.Section.Slug] = true
	}
	for _, slug := range []string{"lead", "background", "implications", "conclusions", "conclusion"} {
		if !found[slug] {
			t.Errorf("no match for \"the\" in a section %q", slug)
		}
	}
	// The bios are not searched (see Search): Cutler's names Carleton
	// University, which no article does.
	if ms := lib.Search("Carleton University"); len(ms) != 0 || found["bio"] {
		t.Errorf("a bio was searched: %v", ms)
	}
	if ms := lib.Search("türkiye"); len(ms) < 5 || ms[0].Article.Slug != "cornell" {
		t.Errorf("a search with an accented letter in another case found %d", len(ms))
	}
}

func TestFoldIndexAll(t *testing.T) {
	spans := content.FoldIndexAll("Straße STRASSE straße", []rune("straße"))
	if len(spans) != 2 || spans[1][0] != len("Straße STRASSE ") {
		t.Errorf("spans = %v", spans)
	}
	if spans := content.FoldIndexAll("aaa", []rune("aa")); len(spans) != 1 {
		t.Errorf("matches overlap: %v", spans)
	}
}

func TestSearchTakesTypedPunctuationForTheText(t *testing.T) {
	lib := testlib.Library(t)
	for query, want := range map[string]string{
		"Armenia's":           "Armenia’s",
		"armenia-azerbaijan":  "Armenia–Azerbaijan",
		`"eurasian five"`:     "“Eurasian Five”",
		"ARMENIA’S":           "Armenia’s",
		"azerbaijan—armenia?": "",
	} {
		matches := lib.Search(query)
		if want == "" {
			if len(matches) != 0 {
				t.Errorf("%q: %d matches, want none", query, len(matches))
			}
			continue
		}
		if len(matches) == 0 {
			t.Errorf("%q finds nothing; the text has %q", query, want)
			continue
		}
		m := matches[0]
		p := m.Section.Paragraphs[m.Paragraph]
		if got := p[m.Offset : m.Offset+m.Length]; !strings.EqualFold(got, want) {
			t.Errorf("%q: the match is %q, want %q", query, got, want)
		}
	}
}

func TestOrdinal(t *testing.T) {
	s := &content.Section{Paragraphs: []string{"Baku and BAKU.", "No match.", "Then Baku, baku and Baku’s."}}
	for _, c := range []struct{ p, offset, want int }{
		{0, 0, 0}, {0, 9, 1}, {2, 5, 2}, {2, 11, 3}, {2, 20, 4}, {2, 1 << 20, 5},
	} {
		if got := s.Ordinal("baku", c.p, c.offset); got != c.want {
			t.Errorf("Ordinal at %d:%d = %d, want %d", c.p, c.offset, got, c.want)
		}
	}
	if got := s.Ordinal("baku's", 2, 20); got != 0 {
		t.Errorf("typed punctuation: Ordinal = %d", got)
	}
}

// Search (the command line's) and SearchPassages (the reader's) find a
// query in the same paragraphs: one rule for what is searched.
func TestSearchAndPassagesSearchTheSameText(t *testing.T) {
	lib := testlib.Library(t)
	for _, q := range []string{"Central Asia", "Baku", "Carleton University", "türkiye", "TRIPP", "research director"} {
		fromSearch := map[[3]any]bool{}
		for _, m := range lib.Search(q) {
			fromSearch[[3]any{m.Article.Slug, m.Section.Slug, m.Paragraph}] = true
		}
		ps, err := lib.SearchPassages(context.Background(), q, 10000)
		if err != nil {
			t.Fatal(err)
		}
		fromPassages := map[[3]any]bool{}
		for _, p := range ps.Best {
			fromPassages[[3]any{p.Article.Slug, p.Section.Slug, p.Paragraph}] = true
		}
		if !maps.Equal(fromSearch, fromPassages) {
			t.Errorf("%q: Search finds it in %v, SearchPassages in %v", q, fromSearch, fromPassages)
		}
	}
}
