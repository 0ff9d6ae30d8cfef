package server

import (
	"slices"
	"strings"

	"analyst/internal/content"
)

// libraryChanges is what a reload changed: issues by slug, articles as
// "issue/slug", each list in the new library's order (removed ones in
// the old one's).
type libraryChanges struct {
	issuesAdded, issuesChanged, issuesRemoved       []string
	articlesAdded, articlesChanged, articlesRemoved []string
	articlesKept                                    int
}

// diffLibraries compares two libraries. An issue changed when its
// issue.md says something else (publication, date, about); an article
// changed when anything a reader sees of it did: its place, title, title
// source, author, image credit, or any section.
func diffLibraries(old, new *content.Library) libraryChanges {
	var ch libraryChanges
	oldIssues := map[string]*content.Issue{}
	oldArticles := map[string]*content.Article{}
	for _, is := range old.Issues {
		oldIssues[is.Slug] = is
		for _, a := range is.Articles() {
			oldArticles[a.Key()] = a
		}
	}
	newArticles := map[string]bool{}
	for _, is := range new.Issues {
		switch was, ok := oldIssues[is.Slug]; {
		case !ok:
			ch.issuesAdded = append(ch.issuesAdded, is.Slug)
		case !sameIssue(was, is):
			ch.issuesChanged = append(ch.issuesChanged, is.Slug)
		}
		delete(oldIssues, is.Slug)
		for _, a := range is.Articles() {
			key := a.Key()
			newArticles[key] = true
			switch was, ok := oldArticles[key]; {
			case !ok:
				ch.articlesAdded = append(ch.articlesAdded, key)
			case !sameArticle(was, a):
				ch.articlesChanged = append(ch.articlesChanged, key)
			default:
				ch.articlesKept++
			}
		}
	}
	for _, is := range old.Issues {
		if _, gone := oldIssues[is.Slug]; gone {
			ch.issuesRemoved = append(ch.issuesRemoved, is.Slug)
		}
		for _, a := range is.Articles() {
			if !newArticles[a.Key()] {
				ch.articlesRemoved = append(ch.articlesRemoved, a.Key())
			}
		}
	}
	return ch
}

func sameIssue(a, b *content.Issue) bool {
	return a.Publication == b.Publication && a.Date.Equal(b.Date) && a.About == b.About
}

func sameArticle(a, b *content.Article) bool {
	return a.Number == b.Number && a.Title == b.Title && a.TitleSource == b.TitleSource &&
		a.Author == b.Author && a.ImageCredit == b.ImageCredit &&
		slices.EqualFunc(a.Sections, b.Sections, sameSection)
}

func sameSection(a, b *content.Section) bool {
	return a.Kind == b.Kind && a.Name == b.Name && a.Markdown == b.Markdown
}

// logFields are the changes as key-value pairs for the log: only the
// lists that are not empty, and the count of articles unchanged.
func (ch libraryChanges) logFields() []any {
	var out []any
	for _, f := range []struct {
		key  string
		list []string
	}{
		{"issues_added", ch.issuesAdded},
		{"issues_changed", ch.issuesChanged},
		{"issues_removed", ch.issuesRemoved},
		{"articles_added", ch.articlesAdded},
		{"articles_changed", ch.articlesChanged},
		{"articles_removed", ch.articlesRemoved},
	} {
		if len(f.list) > 0 {
			out = append(out, f.key, strings.Join(f.list, ","))
		}
	}
	return append(out, "articles_unchanged", ch.articlesKept)
}
