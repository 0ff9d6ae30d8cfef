package content_test

import (
	"os"
	"path/filepath"
	"testing"

	"analyst/internal/content"
)

// articlesDir is the embedded library's folder in the repository.
var articlesDir = filepath.Join("..", "..", "articles")

// loadEmbedded loads the repository's articles folder and fails the test on
// any problem.
func loadEmbedded(tb testing.TB) *content.Library {
	tb.Helper()
	lib, err := content.Load(os.DirFS(articlesDir), "articles")
	if err != nil {
		tb.Fatalf("loading the embedded library: %v", err)
	}
	return lib
}
