package glossary

import (
	"sync"
	"testing"
	"testing/fstest"

	"analyst/internal/content"
	"analyst/internal/testlib"
)

// Each issue of a library has its own glossary: the same abbreviation
// means what its issue says.
func TestLibraryOneGlossaryPerIssue(t *testing.T) {
	fsys := fstest.MapFS{}
	fixtureFS(fsys, "2025-12", "Lead.\n\n## One\n\nThe International Stabilization Force (ISF) and the ISF.\n")
	fixtureFS(fsys, "2026-01", "Lead.\n\n## One\n\nThe Islamic Security Forces (ISF), then the ISF and the CIS.\n")
	lib, err := content.Load(fsys, "fixture")
	if err != nil {
		t.Fatal(err)
	}
	gl := NewLibrary(lib)
	older, newer := gl.Issue(lib.Issues[0]), gl.Issue(lib.Issues[1])
	if older == newer || older.Issue != lib.Issues[0] || newer.Issue != lib.Issues[1] {
		t.Fatal("two issues share a glossary")
	}
	for _, tc := range []struct {
		g    *Glossary
		long string
	}{{older, "International Stabilization Force"}, {newer, "Islamic Security Forces"}} {
		e := tc.g.Lookup("ISF")
		if e == nil || len(e.Definitions) != 1 || e.Definitions[0].Long != tc.long || e.Uses != 1 {
			t.Errorf("%s: ISF is %v, want %q used once", tc.g.Issue.Slug, e, tc.long)
		}
	}
	if older.Lookup("CIS") != nil {
		t.Error("the older issue has the newer one's CIS")
	}
	if gl.Article(lib.Issues[1].Articles()[0]) != newer {
		t.Error("an article's glossary is not its issue's")
	}
	// An issue from another library gets a glossary, not kept.
	stray := issueOf(t, "Lead.\n\n## One\n\nThe CSTO.\n")
	if g := gl.Issue(stray); g.Lookup("CSTO") == nil || g == gl.Issue(stray) {
		t.Error("an issue from elsewhere: wrong or kept glossary")
	}
	if !NewLibrary(nil).Issue(nil).Empty() {
		t.Error("no library, yet a glossary")
	}
}

// Readers asking at once get one glossary, built once (run with -race).
func TestLibraryConcurrentReaders(t *testing.T) {
	lib := testlib.Library(t)
	gl := NewLibrary(lib)
	const readers = 8
	got := make([]*Glossary, readers)
	var wg sync.WaitGroup
	for i := range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g := gl.Issue(lib.Latest())
			g.Between(Place{Article: lib.Latest().Articles()[0]}, Place{Article: lib.Latest().Articles()[0], Section: lib.Latest().Articles()[0].Sections[0], Offset: 1 << 30})
			got[i] = g
		}()
	}
	wg.Wait()
	for _, g := range got[1:] {
		if g != got[0] {
			t.Fatal("readers got different glossaries of one issue")
		}
	}
	if got[0].Lookup("OTS") == nil {
		t.Error("the shared glossary has no OTS")
	}
}
