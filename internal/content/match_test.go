package content_test

import (
	"testing"

	"analyst/internal/content"
)

// A query matches as Search matches: whatever the case, the quotes and
// dashes, and the spaces, typed or in the text.
func TestQueryIn(t *testing.T) {
	for _, c := range []struct {
		query, text string
		want        bool
	}{
		{"baku's", "Baku’s position", true},
		{"peace  process", "the peace\u00a0process", true},
		{"peace process", "the peace  process", true},
		{" peace ", "peace", true},
		{"peace-process", "peace – process", false},
		{"tbilisi", "Baku", false},
	} {
		if got := content.NewQuery(c.query).In(c.text); got != c.want {
			t.Errorf("%q in %q: %v, want %v", c.query, c.text, got, c.want)
		}
	}
	if !content.NewQuery("  ").Empty() || content.NewQuery("a").Empty() {
		t.Errorf("a query of spaces alone is empty, one of a letter is not")
	}
}
