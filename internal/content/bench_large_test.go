package content_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"analyst/internal/content"
	"analyst/tools/genlibrary/generate"
)

// largeIssues is the size of the generated library the scale benchmarks
// read: tools/genlibrary makes it from the embedded issue.
const largeIssues = 300

// generateLibrary writes a library of n issues made from the embedded
// one (tools/genlibrary) into a temporary folder and returns it.
func generateLibrary(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "library")
	if err := generate.Write(dir, filepath.Join(articlesDir, "2026-01"), n); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkOpenLarge opens the generated library of 300 issues: every
// issue.md and folder listing, no article; what the reader's first
// screen waits for.
func BenchmarkOpenLarge(b *testing.B) {
	fsys := os.DirFS(generateLibrary(b, largeIssues))
	for b.Loop() {
		if lib := content.Open(fsys, "lib"); len(lib.Issues) != largeIssues {
			b.Fatalf("%d issues", len(lib.Issues))
		}
	}
}

// BenchmarkLoadLarge loads the whole generated library of 300 issues,
// and reports the memory it holds once loaded (MB-loaded) and once
// prepared for searches too (MB-prepared): live heap after a collection.
func BenchmarkLoadLarge(b *testing.B) {
	fsys := os.DirFS(generateLibrary(b, largeIssues))
	for b.Loop() {
		if _, err := content.Load(fsys, "lib"); err != nil {
			b.Fatal(err)
		}
	}
	before := liveHeap()
	lib, _ := content.Load(fsys, "lib")
	loaded := liveHeap()
	lib.Prepare()
	prepared := liveHeap()
	runtime.KeepAlive(lib)
	b.ReportMetric(float64(loaded-before)/(1<<20), "MB-loaded")
	b.ReportMetric(float64(prepared-before)/(1<<20), "MB-prepared")
}

// liveHeap is the heap in use after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// BenchmarkSearchPassagesLarge is a library-wide search of the generated
// library of 300 issues, read and prepared beforehand as the reader
// prepares it in the background: a rare word (600 paragraphs), a phrase
// (10 000) and the commonest word (30 000), the best 200 of each.
func BenchmarkSearchPassagesLarge(b *testing.B) {
	lib, err := content.Load(os.DirFS(generateLibrary(b, largeIssues)), "lib")
	if err != nil {
		b.Fatal(err)
	}
	lib.Prepare()
	for _, q := range []string{"gwadar", "central asia", "the"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				if res, err := lib.SearchPassages(context.Background(), q, 200); err != nil || res.Total == 0 {
					b.Fatal(res.Total, err)
				}
			}
		})
	}
}
