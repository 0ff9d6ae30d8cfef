package content_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"analyst/internal/content"
)

// TestContextIsTheTextAsWritten: a match's context is a piece of its
// paragraph as written, and says apart which ends the paragraph goes on
// past, so that a reader who draws another mark than "…" (the ascii
// style) never takes the text's own "…" for a cut, nor a cut for text.
func TestContextIsTheTextAsWritten(t *testing.T) {
	long := "Some " + strings.Repeat("words of the text ", 10) + "and the needle in the middle of them " + strings.Repeat("and more words ", 10) + "to the end."
	short := "…as the minister put it, a needle in a haystack…"
	lib, err := content.Load(fstest.MapFS{
		"2026-01/issue.md": {Data: []byte("---\npublication: P\ndate: 2026-01\n---\n\nAbout.\n")},
		"2026-01/01-a.md":  {Data: []byte("---\ntitle: T\nauthor: A\n---\n\n" + long + "\n\n## Background\n\n" + short + "\n")},
	}, "lib")
	if err != nil {
		t.Fatal(err)
	}
	passages, err := lib.SearchPassages(context.Background(), "needle", 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, found := range [][]content.Match{lib.Search("needle"), matchesOf(passages)} {
		if len(found) != 2 {
			t.Fatalf("%d matches, want 2", len(found))
		}
		for _, m := range found {
			p := m.Section.Paragraphs[m.Paragraph]
			if !strings.Contains(p, m.Context) {
				t.Errorf("context %q is not the text of its paragraph %q", m.Context, p)
			}
			if got := m.Context[m.InContext[0]:m.InContext[1]]; got != "needle" {
				t.Errorf("the match in the context is %q", got)
			}
			wantCut := [2]bool{!strings.HasPrefix(p, m.Context), !strings.HasSuffix(p, m.Context)}
			if m.Cut != wantCut {
				t.Errorf("Cut = %v for %q in %q, want %v", m.Cut, m.Context, p, wantCut)
			}
			marked, in := m.MarkedContext("...")
			if got := marked[in[0]:in[1]]; got != "needle" {
				t.Errorf("the match in the marked context %q is %q", marked, got)
			}
			want := m.Context
			if m.Cut[0] {
				want = "..." + want
			}
			if m.Cut[1] {
				want += "..."
			}
			if marked != want {
				t.Errorf("marked context %q, want %q", marked, want)
			}
		}
		if got := found[0].Cut; got != [2]bool{true, true} {
			t.Errorf("a long paragraph's context is cut at %v", got)
		}
		if got, _ := found[1].MarkedContext("..."); got != short {
			t.Errorf("a short paragraph's own marks were taken for cuts: %q", got)
		}
	}
}

func matchesOf(ps content.Passages) []content.Match {
	var out []content.Match
	for _, p := range ps.Best {
		out = append(out, p.Match)
	}
	// Best first: a whole-word match in either, the lead's first.
	if len(out) == 2 && out[0].Section.Kind != content.KindLead {
		out[0], out[1] = out[1], out[0]
	}
	return out
}
