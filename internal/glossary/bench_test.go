package glossary

import (
	"testing"

	"analyst/internal/content"
	"analyst/internal/testlib"
)

// BenchmarkBuild measures building the January 2026 issue's glossary:
// every definition, every use, and the definition each use is explained
// by. The reader builds it on first need (Library).
func BenchmarkBuild(b *testing.B) {
	is := testlib.Library(b).Latest()
	b.ReportAllocs()
	for b.Loop() {
		if g := Build(is); len(g.Definitions()) == 0 {
			b.Fatal("no definitions")
		}
	}
}

// BenchmarkBetween measures what the sidebar asks for each screen: here
// the abbreviations of a whole section, Tolipov's Implications.
func BenchmarkBetween(b *testing.B) {
	is := testlib.Library(b).Latest()
	g := Build(is)
	a := is.Articles()[0]
	s := a.Sections[2]
	from, to := Place{Article: a, Section: s}, Place{Article: a, Section: s, Paragraph: len(s.Paragraphs) - 1, Offset: 1 << 30}
	b.ReportAllocs()
	for b.Loop() {
		if len(g.Between(from, to)) == 0 {
			b.Fatal("nothing on screen")
		}
	}
}

// BenchmarkNewLibrary300 measures preparing the glossaries of a library of
// 300 issues: nothing is built until an issue's glossary is needed.
func BenchmarkNewLibrary300(b *testing.B) {
	lib, _ := library300(b)
	b.ReportAllocs()
	for b.Loop() {
		NewLibrary(lib)
	}
}

// BenchmarkLibraryIssue measures asking a 300-issue library for the newest
// issue's glossary once it is built, as every screen after the first does.
func BenchmarkLibraryIssue(b *testing.B) {
	lib, is := library300(b)
	gl := NewLibrary(lib)
	gl.Issue(is)
	b.ReportAllocs()
	for b.Loop() {
		if gl.Issue(is).Empty() {
			b.Fatal("empty")
		}
	}
}

// library300 is a library of 300 issues: 299 copies of the January 2026
// issue, then the issue itself, which it also returns.
func library300(b *testing.B) (*content.Library, *content.Issue) {
	is := testlib.Library(b).Latest()
	lib := &content.Library{}
	for range 299 {
		copied := *is
		lib.Issues = append(lib.Issues, &copied)
	}
	lib.Issues = append(lib.Issues, is)
	return lib, is
}
