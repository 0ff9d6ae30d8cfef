package store

import (
	"analyst/internal/content"
)

// ArticleRef names an article as the store keeps it: its issue's slug and
// its own. Its Key is the article's content.Article.Key: "2026-01/cutler".
type ArticleRef struct {
	Issue   string // "2026-01"
	Article string // "cutler"
}

// RefOf names a loaded article.
func RefOf(a *content.Article) ArticleRef {
	return ArticleRef{Issue: a.Issue.Slug, Article: a.Slug}
}

// Key is the article's key, "2026-01/cutler" (content.ArticleKey).
func (r ArticleRef) Key() string { return content.ArticleKey(r.Issue, r.Article) }

// ParseKey reads a key (content.SplitKey); ok is false when it names no
// article.
func ParseKey(key string) (r ArticleRef, ok bool) {
	issue, article, ok := content.SplitKey(key)
	return ArticleRef{Issue: issue, Article: article}, ok
}
