package store

import (
	"strings"

	"analyst/internal/content"
)

// ArticleRef names an article as the store keeps it: its issue's slug and
// its own. Its Key is how places name it: "2026-01/cutler".
type ArticleRef struct {
	Issue   string // "2026-01"
	Article string // "cutler"
}

// RefOf names a loaded article.
func RefOf(a *content.Article) ArticleRef {
	return ArticleRef{Issue: a.Issue.Slug, Article: a.Slug}
}

// Key is the article's key, "2026-01/cutler", as ui.PlaceKey makes it.
func (r ArticleRef) Key() string { return r.Issue + "/" + r.Article }

// ParseKey reads a key made by Key; ok is false when it names no article.
func ParseKey(key string) (r ArticleRef, ok bool) {
	issue, article, ok := strings.Cut(key, "/")
	if !ok || issue == "" || article == "" || strings.Contains(article, "/") {
		return ArticleRef{}, false
	}
	return ArticleRef{Issue: issue, Article: article}, true
}

// find returns the article in the library, or nil. Only its issue's
// articles are read.
func (r ArticleRef) find(lib *content.Library) *content.Article {
	if lib == nil {
		return nil
	}
	is := lib.Issue(r.Issue)
	if is == nil {
		return nil
	}
	for _, a := range is.Articles() {
		if a.Slug == r.Article {
			return a
		}
	}
	return nil
}
