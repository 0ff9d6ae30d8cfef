package cite

import (
	"testing"
	"time"

	"analyst/internal/content"
	"analyst/internal/testlib"
)

// article finds an article of the library by its slug.
func article(tb testing.TB, slug string) *content.Article {
	tb.Helper()
	return testlib.Article(tb, testlib.Library(tb), slug)
}

// made is an article made for a test: the library has none with several
// authors, a suffix, or markup characters in its title.
func made(author, title, source, publication string, month time.Month, year int) *content.Article {
	is := &content.Issue{Slug: "2025-09", Publication: publication}
	if year != 0 {
		is.Date = time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
	}
	a := &content.Article{
		Issue: is, Number: 1, Slug: "made", Title: title, TitleSource: source, Author: author,
		Sections: []*content.Section{
			{Kind: content.KindLead, Name: "Lead", Slug: "lead", Paragraphs: []string{"The lead."}},
			{Kind: content.KindBody, Name: "Background", Slug: "background", Paragraphs: []string{"One paragraph."}},
		},
	}
	is.SetArticles([]*content.Article{a})
	return a
}

// madeArticles cover what the library's own articles do not: several
// authors, a suffix, accents, a question mark, quotation marks inside a
// title, TeX's and Markdown's special characters, an editorial headline
// with them.
func madeArticles() []*content.Article {
	return []*content.Article{
		made("Martin Luther King Jr., Jean-Paul Sartre and Ludmila Fenćko",
			"Is Russia Back? Türkiye’s “Pivot” – 50% & More", content.TitleFromJournal,
			"Journal & Co", time.September, 2025),
		made("Robert M. Cutler & Svante E. Cornell", "Why Now?", content.TitleFromJournal,
			"Central Asia-Caucasus Analyst", time.May, 2025),
		made("Émile Zoë Dupré", "Braces {in} a $5 #1 Title_with *stars*", content.TitleFromEditorial,
			"Central Asia-Caucasus Analyst", time.December, 2025),
	}
}
