package cli

import (
	"strings"
	"testing"
	"time"

	"analyst/internal/store"
	"analyst/internal/testlib"
)

// The Markdown lists articles as the reader's highlights screen does
// (store.Arrange): each article by its newest highlight, newest first,
// and the highlights of an article the library no longer has last, even
// the newest of all.
func TestHighlightsMarkdownOrder(t *testing.T) {
	lib := testlib.Library(t)
	at := func(min int) time.Time { return time.Date(2026, 2, 1, 12, min, 0, 0, time.UTC) }
	found := func(slug string, min int, quote string) foundHighlight {
		h := store.Highlight{Anchor: store.Anchor{Issue: "2026-01", Article: slug, Section: "lead", Quote: quote}, Created: at(min)}
		return foundHighlight{h, store.Locate(lib, h)}
	}
	md := highlightsMarkdown([]foundHighlight{
		found("gone", 59, "A quote of an article gone."),
		found("cutler", 10, "An old quote of Cutler's."),
		found("jamal", 40, "A quote of Jamal's."),
		found("cutler", 50, "A new quote of Cutler's."),
	})
	var order []string
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "## ") || strings.HasPrefix(line, "> ") {
			order = append(order, line)
		}
	}
	want := []string{
		"## Robert M. Cutler: The Armenia–Azerbaijan Peace Process Enters 2026 (2026-01/cutler)",
		"> A new quote of Cutler's.",
		"> An old quote of Cutler's.",
		`## Umair Jamal: \[Pakistan, the Abraham Accords and Central Asian Connectivity\] (2026-01/jamal)`,
		"> A quote of Jamal's.",
		"## 2026-01/gone (not in this library)",
		"> A quote of an article gone.",
	}
	if strings.Join(order, "\n") != strings.Join(want, "\n") {
		t.Errorf("order:\n%s\nwant\n%s", strings.Join(order, "\n"), strings.Join(want, "\n"))
	}
}
