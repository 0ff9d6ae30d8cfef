package content

import "strings"

// Key names an article across the library's issues, as what a reader
// keeps (places, highlights) names it: "2026-01/cutler", its issue's slug
// and its own. Unlike Ref it does not change when a newer issue comes.
func (a *Article) Key() string { return ArticleKey(a.Issue.Slug, a.Slug) }

// ArticleKey is the key (see Article.Key) of the article slug of issue.
func ArticleKey(issue, slug string) string { return issue + "/" + slug }

// SplitKey reads a key made by ArticleKey into its issue's slug and the
// article's; ok is false when key names no article: no slash, more than
// one, or an empty part.
func SplitKey(key string) (issue, slug string, ok bool) {
	issue, slug, ok = strings.Cut(key, "/")
	if !ok || issue == "" || slug == "" || strings.Contains(slug, "/") {
		return "", "", false
	}
	return issue, slug, true
}

// ArticleByKey is the article a key names, or nil when the library (nil
// or not) has none. Only its issue's articles are read.
func (l *Library) ArticleByKey(key string) *Article {
	issue, slug, ok := SplitKey(key)
	if !ok || l == nil {
		return nil
	}
	is := l.Issue(issue)
	if is == nil {
		return nil
	}
	for _, a := range is.Articles() {
		if a.Slug == slug {
			return a
		}
	}
	return nil
}
