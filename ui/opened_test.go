package ui

import (
	"slices"
	"testing"

	"analyst/internal/content"
	"analyst/internal/testlib"
)

// Options.Opened hears of every article the reader opens: the one it
// starts at, one from the list, and the next and previous ones.
func TestOpenedHearsEveryArticleOpened(t *testing.T) {
	lib := testlib.Library(t)
	var opened []string
	opt := Options{Library: lib, Article: lib.Articles()[2], Opened: func(a *content.Article) {
		opened = append(opened, a.Slug)
	}}
	hs := newHarness(t, opt, 120, 40)
	hs.keys("n", "p", "esc", "1")
	want := []string{"jamal", "cornell", "jamal", "tolipov"}
	if !slices.Equal(opened, want) {
		t.Errorf("opened %q, want %q", opened, want)
	}
	// Without Opened, nothing is told and nothing breaks.
	hs = newHarness(t, Options{Library: lib}, 80, 24)
	hs.keys("2", "n")
	if hs.m.reader.article.Slug != "jamal" {
		t.Errorf("n from article 2 opened %s", hs.m.reader.article.Slug)
	}
}
