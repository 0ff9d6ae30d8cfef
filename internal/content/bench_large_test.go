package content_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"analyst/internal/content"
)

// largeIssues is the size of the generated library the scale benchmarks
// read: tools/genlibrary makes it from the embedded issue.
const largeIssues = 300

// generateLibrary writes a library of n issues made from the embedded
// one into a temporary folder and returns it.
func generateLibrary(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "library")
	cmd := exec.Command("go", "run", "./tools/genlibrary", "-n", strconv.Itoa(n), "-out", dir)
	cmd.Dir = filepath.Join("..", "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("generating the library: %v\n%s", err, out)
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

// BenchmarkLoadLarge loads the whole generated library of 300 issues.
func BenchmarkLoadLarge(b *testing.B) {
	fsys := os.DirFS(generateLibrary(b, largeIssues))
	for b.Loop() {
		if _, err := content.Load(fsys, "lib"); err != nil {
			b.Fatal(err)
		}
	}
}
