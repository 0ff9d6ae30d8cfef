package content_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"analyst/internal/content"
	"analyst/internal/testlib"
)

// paragraphKey names a paragraph of a library.
func paragraphKey(m content.Match) string {
	return fmt.Sprintf("%s/%s#%s/%d", m.Article.Issue.Slug, m.Article.Slug, m.Section.Slug, m.Paragraph)
}

// TestSearchPassagesFindsWhatSearchFinds: the library-wide search finds
// exactly the paragraphs, and occurrences, that the command line's search
// finds outside the bio.
func TestSearchPassagesFindsWhatSearchFinds(t *testing.T) {
	lib := testlib.Library(t)
	for _, q := range []string{"gwadar", "central asia", "the", "Armenia's", "armenia-azerbaijan", `"eurasian five"`, "e", "türkiye", "zzzqqq"} {
		want := map[string]int{}
		for _, m := range lib.Search(q) {
			if m.Section.Kind != content.KindBio {
				want[paragraphKey(m)]++
			}
		}
		res, err := lib.SearchPassages(context.Background(), q, 10000)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]int{}
		matches := 0
		for _, p := range res.Best {
			got[paragraphKey(p.Match)] = p.Matches
			matches += p.Matches
		}
		if len(got) != len(want) || res.Total != len(want) || res.Matches != matches {
			t.Errorf("%q: %d passages (total %d), Search has %d paragraphs", q, len(got), res.Total, len(want))
		}
		for k, n := range want {
			if got[k] != n {
				t.Errorf("%q: %s has %d matches, Search says %d", q, k, got[k], n)
			}
		}
	}
}

// TestSearchPassagesShowsTheMatch: each passage's match is the query in
// its paragraph and in its context, and InSection counts the occurrences
// before it in its section.
func TestSearchPassagesShowsTheMatch(t *testing.T) {
	lib := testlib.Library(t)
	res, err := lib.SearchPassages(context.Background(), "Central Asia", 50)
	if err != nil || len(res.Best) == 0 {
		t.Fatalf("%d passages, %v", len(res.Best), err)
	}
	q := content.FoldQuery("central asia")
	for _, p := range res.Best {
		text := p.Section.Paragraphs[p.Paragraph]
		if got := text[p.Offset : p.Offset+p.Length]; !strings.EqualFold(got, "central asia") {
			t.Errorf("%s: the match is %q", paragraphKey(p.Match), got)
		}
		if got := p.Context[p.InContext[0]:p.InContext[1]]; !strings.EqualFold(got, "central asia") {
			t.Errorf("%s: the context marks %q in %q", paragraphKey(p.Match), got, p.Context)
		}
		var all [][2]int
		for _, para := range p.Section.Paragraphs[:p.Paragraph+1] {
			for _, sp := range content.FoldIndexAll(para, q) {
				all = append(all, sp)
			}
		}
		before := len(all) - len(content.FoldIndexAll(text, q))
		if p.InSection < before || p.InSection >= len(all) || all[p.InSection][0] != p.Offset {
			t.Errorf("%s: InSection %d does not point at offset %d", paragraphKey(p.Match), p.InSection, p.Offset)
		}
	}
}

// rankingLibrary has paragraphs made to be ranked: whole words against
// parts of words, more occurrences against fewer, newer against older.
func rankingLibrary() fstest.MapFS {
	article := func(lead, body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: T\nauthor: A\n---\n\n" + lead + "\n\n## Background\n\n" + body + "\n\n## Author's Bio\n\nIran Iran Iran Iran, the bio.\n")}
	}
	return fstest.MapFS{
		"2025-12/issue.md":   {Data: []byte(strings.Replace(goodIssue, "2026-02", "2025-12", 1))},
		"2025-12/01-old.md":  article("Old: Iran once.", "Old: Iranian and Iranians, twice inside words."),
		"2025-12/02-many.md": article("Old: Iran, Iran and Iran, thrice.", "Nothing here."),
		"2026-01/issue.md":   {Data: []byte(strings.Replace(goodIssue, "2026-02", "2026-01", 1))},
		"2026-01/01-new.md":  article("New: Iran once.", "New: the IRANIAN view, inside a word."),
		"2026-01/02-two.md":  article("New: nothing.", "New: Iran and Iran, twice."),
	}
}

func TestSearchPassagesRanksBestFirst(t *testing.T) {
	lib, err := content.Load(rankingLibrary(), "lib")
	if err != nil {
		t.Fatal(err)
	}
	res, err := lib.SearchPassages(context.Background(), "iran", 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range res.Best {
		got = append(got, p.Section.Paragraphs[p.Paragraph])
	}
	want := []string{
		"Old: Iran, Iran and Iran, thrice.",              // whole word, three times
		"New: Iran and Iran, twice.",                     // whole word, twice
		"New: Iran once.",                                // whole word, once, newer
		"Old: Iran once.",                                // whole word, once, older
		"Old: Iranian and Iranians, twice inside words.", // inside words, twice
		"New: the IRANIAN view, inside a word.",          // inside a word, once
	}
	if !slices.Equal(got, want) {
		t.Errorf("ranked\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if res.Total != 6 || res.Matches != 10 || res.Issues != 2 {
		t.Errorf("total %d passages, %d matches, %d issues; want 6, 10, 2 (the bio is not searched)", res.Total, res.Matches, res.Issues)
	}
	if p := res.Best[4]; p.WholeWord || p.Matches != 2 {
		t.Errorf("Iranian is not the word Iran: %+v", p)
	}

	top, _ := lib.SearchPassages(context.Background(), "iran", 2)
	if len(top.Best) != 2 || top.Total != 6 || top.Best[1].Section.Paragraphs[top.Best[1].Paragraph] != want[1] {
		t.Errorf("the best 2 of 6: %d passages of %d", len(top.Best), top.Total)
	}
}

// TestSearchPassagesShowsAWholeWord: in a paragraph with the query inside
// a word first and as a word later, the word is the match shown.
func TestSearchPassagesShowsAWholeWord(t *testing.T) {
	fsys := rankingLibrary()
	fsys["2026-01/03-mixed.md"] = &fstest.MapFile{Data: []byte("---\ntitle: T\nauthor: A\n---\n\nIranian views, then Iran itself.\n\n## B\n\nText.\n")}
	lib, _ := content.Load(fsys, "lib")
	res, _ := lib.SearchPassages(context.Background(), "iran", 10)
	for _, p := range res.Best {
		if p.Article.Slug == "mixed" && (p.Offset != strings.Index(p.Section.Paragraphs[0], "Iran itself") || !p.WholeWord) {
			t.Errorf("the match shown is at %d, not the whole word", p.Offset)
		}
	}
}

func TestSearchPassagesAcrossLineBreaksAndPunctuation(t *testing.T) {
	fsys := fstest.MapFS{
		"2026-01/issue.md": {Data: []byte(strings.Replace(goodIssue, "2026-02", "2026-01", 1))},
		"2026-01/01-a.md":  {Data: []byte("---\ntitle: T\nauthor: A\n---\n\nThe Eurasian\nEconomic   Union’s “Eurasian Five” – the C5+1.\n\n## B\n\nText.\n")},
	}
	lib, err := content.Load(fsys, "lib")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"eurasian economic union's", `"EURASIAN FIVE" - THE`, "  eurasian \t economic ", "c5+1"} {
		res, _ := lib.SearchPassages(context.Background(), q, 5)
		if res.Total != 1 || res.Best[0].Length == 0 {
			t.Errorf("%q: %d passages", q, res.Total)
		}
	}
}

func TestSearchPassagesTakesAnyQuery(t *testing.T) {
	lib := testlib.Library(t)
	for _, q := range []string{"", "   ", "\x00\x1b[2J\x07", strings.Repeat("central asia ", 100000), "\xff\xfe", "a\nb", "ä̈"} {
		res, err := lib.SearchPassages(context.Background(), q, 10)
		if err != nil || len(res.Best) > 10 {
			t.Errorf("%.20q: %v, %d passages", q, err, len(res.Best))
		}
	}
	if res, _ := lib.SearchPassages(context.Background(), "the", 0); len(res.Best) != 0 {
		t.Errorf("a limit of 0 gave %d passages", len(res.Best))
	}
}

func TestSearchPassagesStopsWhenCancelled(t *testing.T) {
	lib := testlib.Library(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := lib.SearchPassages(ctx, "the", 10)
	if err == nil || len(res.Best) != 0 {
		t.Errorf("a cancelled search returned %d passages, error %v", len(res.Best), err)
	}
}

// TestSearchPassagesOnALazyLibrary: the search reads the issues it needs,
// and many searches at once share one library safely (run with -race).
func TestSearchPassagesOnALazyLibrary(t *testing.T) {
	lib := content.Open(os.DirFS(articlesDir), "articles")
	done := make(chan int)
	for range 8 {
		go func() {
			res, _ := lib.SearchPassages(context.Background(), "abraham accords", 100)
			done <- res.Total
		}()
	}
	for range 8 {
		if n := <-done; n < 3 {
			t.Errorf("a search on a lazily opened library found %d passages", n)
		}
	}
}
