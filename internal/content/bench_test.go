package content_test

import (
	"os"
	"testing"

	"analyst/internal/content"
	"analyst/internal/testlib"
)

// BenchmarkLoadEmbedded measures loading the whole January 2026 issue:
// reading, front matter, sections, paragraphs and word counts.
func BenchmarkLoadEmbedded(b *testing.B) {
	fsys := os.DirFS(articlesDir)
	// Read once so that the benchmark measures parsing, not the disk cache.
	if _, err := content.Load(fsys, "articles"); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := content.Load(fsys, "articles"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSearch(b *testing.B) {
	lib := testlib.Library(b)
	for b.Loop() {
		if len(lib.Search("central asia")) == 0 {
			b.Fatal("no matches")
		}
	}
}
