package glossary

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"analyst/internal/content"
)

// slugs name a fixture's articles in order.
var slugs = []string{"one", "two", "three", "four"}

// fixtureFS writes an issue folder of articles whose bodies are given, as
// Markdown with "## " sections; they are named one, two, three, four.
func fixtureFS(fsys fstest.MapFS, issue string, bodies ...string) {
	fsys[issue+"/issue.md"] = &fstest.MapFile{Data: []byte("---\npublication: Fixture\ndate: " + issue + "\n---\n\nAbout.\n")}
	for i, body := range bodies {
		front := fmt.Sprintf("---\ntitle: Article %s\ntitle_source: journal\nauthor: Author %s\n---\n\n", slugs[i], slugs[i])
		fsys[fmt.Sprintf("%s/%02d-%s.md", issue, i+1, slugs[i])] = &fstest.MapFile{Data: []byte(front + body)}
	}
}

// issueOf loads a one-issue library made of the article bodies.
func issueOf(tb testing.TB, bodies ...string) *content.Issue {
	tb.Helper()
	fsys := fstest.MapFS{}
	fixtureFS(fsys, "2026-02", bodies...)
	lib, err := content.Load(fsys, "fixture")
	if err != nil {
		tb.Fatalf("loading the fixture: %v", err)
	}
	return lib.Latest()
}

// article is the fixture article with the slug.
func article(tb testing.TB, is *content.Issue, slug string) *content.Article {
	tb.Helper()
	for _, a := range is.Articles() {
		if a.Slug == slug {
			return a
		}
	}
	tb.Fatalf("no article %q in %s", slug, is.Slug)
	return nil
}

// placeOf is where text first occurs in an article.
func placeOf(tb testing.TB, a *content.Article, text string) Place {
	tb.Helper()
	for _, s := range a.Sections {
		for pi, p := range s.Paragraphs {
			if i := strings.Index(p, text); i >= 0 {
				return Place{Article: a, Section: s, Paragraph: pi, Offset: i}
			}
		}
	}
	tb.Fatalf("%q is not in %s", text, a.Slug)
	return Place{}
}

// where says where a definition is, for messages: "one#background".
func where(d *Definition) string { return d.Article.Slug + "#" + d.Section.Slug }

// longs are the long forms of an entry's definitions, as "long@where".
func longs(e *Entry) []string {
	var out []string
	for _, d := range e.Definitions {
		out = append(out, d.Long+"@"+where(d))
	}
	return out
}
