package content_test

import (
	"testing"
	"testing/fstest"

	"analyst/internal/content"
)

// TestArticleByKey: every article's key finds it again, in whichever
// issue it is, where a slug alone (a returning author) would be two
// articles; a key that names no article finds nothing, and says so.
func TestArticleByKey(t *testing.T) {
	issue := func(date string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\npublication: P\ndate: " + date + "\n---\n\nAbout.\n")}
	}
	article := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\nauthor: Svante E. Cornell\n---\n\nLead.\n\n## Background\n\nText.\n")}
	}
	lib, err := content.Load(fstest.MapFS{
		"2026-01/issue.md": issue("2026-01"), "2026-01/01-cornell.md": article("Turkic States"),
		"2026-02/issue.md": issue("2026-02"), "2026-02/01-cornell.md": article("Georgia's Drift"),
	}, "lib")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range lib.Articles() {
		key := a.Key()
		if got := lib.ArticleByKey(key); got != a {
			t.Errorf("ArticleByKey(%q) = %v, want %q", key, got, a.Title)
		}
		if is, slug, ok := content.SplitKey(key); !ok || is != a.Issue.Slug || slug != a.Slug {
			t.Errorf("SplitKey(%q) = %q, %q, %v", key, is, slug, ok)
		}
	}
	if got := lib.ArticleByKey("2026-01/cornell"); got == nil || got.Title != "Turkic States" {
		t.Errorf("2026-01/cornell is %v", got)
	}
	for _, key := range []string{"", "cornell", "/cornell", "2026-01/", "2026-01/cornell/x", "2027-01/cornell", "2026-01/jamal"} {
		if got := lib.ArticleByKey(key); got != nil {
			t.Errorf("ArticleByKey(%q) = %q, want none", key, got.Title)
		}
		if _, _, ok := content.SplitKey(key); ok && key != "2027-01/cornell" && key != "2026-01/jamal" {
			t.Errorf("SplitKey(%q) takes it for a key", key)
		}
	}
	var none *content.Library
	if got := none.ArticleByKey("2026-01/cornell"); got != nil {
		t.Errorf("no library has %v", got)
	}
}
