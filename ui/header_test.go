package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestHeaderSaysArticleAndSection: the top line says which article of
// the issue this is in words, then the section, and keeps both as the
// terminal narrows, giving up the publication and the date first.
func TestHeaderSaysArticleAndSection(t *testing.T) {
	for _, c := range []struct {
		w    int
		want string
	}{
		{120, "Article 2 of 4 · Implications"},
		{80, "Article 2 of 4 · Implications"},
		{40, "Article 2 of 4 · Implications"},
		{30, "2 of 4 · Implications"},
	} {
		hs := newHarness(t, Options{Cache: sharedCache()}, c.w, 24)
		hs.keys("2", "]", "]")
		header := strings.Split(hs.screen(), "\n")[0]
		if !strings.HasSuffix(header, c.want) {
			t.Errorf("at %d columns the header is %q, want it to end %q", c.w, header, c.want)
		}
		if strings.Contains(header, "…") {
			t.Errorf("at %d columns the header is cut: %q", c.w, header)
		}
		if w := ansi.StringWidth(header); w > c.w {
			t.Errorf("at %d columns the header is %d wide", c.w, w)
		}
	}
	hs := newHarness(t, Options{Cache: sharedCache()}, 120, 24)
	hs.keys("2")
	if header := strings.Split(hs.screen(), "\n")[0]; !strings.HasPrefix(header, " Central Asia-Caucasus Analyst · January 2026") {
		t.Errorf("a wide header names the publication and the issue: %q", header)
	}
}
