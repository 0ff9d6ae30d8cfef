package ui

import (
	"testing"

	"analyst/internal/content"
	"analyst/internal/render"
	"analyst/internal/testlib"
)

// BenchmarkReaderView measures drawing one frame of the reader at 120x40,
// sidebar shown, in the middle of an article.
func BenchmarkReaderView(b *testing.B) {
	hs := newHarness(b, Options{}, 120, 40)
	hs.keys("2", "]", "j", "j")
	for b.Loop() {
		hs.m.frame.valid = false // drawn again, as after a message that changed it
		_ = hs.m.View()
	}
}

// BenchmarkReaderViewFolded is the same at 80x24 with the sidebar folded.
func BenchmarkReaderViewFolded(b *testing.B) {
	hs := newHarness(b, Options{}, 80, 24)
	hs.keys("2", "]", "j", "j")
	for b.Loop() {
		hs.m.frame.valid = false // drawn again, as after a message that changed it
		_ = hs.m.View()
	}
}

// BenchmarkSectionJump is a section jump with the article rendered: the
// Update of "]" (or "[" to come back) and the View that follows.
func BenchmarkSectionJump(b *testing.B) {
	hs := newHarness(b, Options{}, 120, 40)
	hs.keys("2")
	keys := []string{"]", "]", "]", "[", "[", "["}
	i := 0
	for b.Loop() {
		hs.keys(keys[i%len(keys)])
		_ = hs.m.View()
		i++
	}
}

// BenchmarkArticleSwitch is n or p with the neighbours already rendered
// (a warm cache): Update and View.
func BenchmarkArticleSwitch(b *testing.B) {
	hs := newHarness(b, Options{}, 120, 40)
	hs.keys("2")
	keys := []string{"n", "p"}
	i := 0
	for b.Loop() {
		hs.keys(keys[i%2])
		_ = hs.m.View()
		i++
	}
}

// BenchmarkFirstRender renders the longest article for the 120x40 reader's
// text column in the dark style, with nothing cached: what a reader waits
// for the first time an article opens.
func BenchmarkFirstRender(b *testing.B) {
	lib := testlib.Library(b)
	a := longestArticle(lib)
	width := computeLayout(120, 40, false, defaultMeasure).textWidth
	for b.Loop() {
		if _, err := render.NewCache(render.DefaultCacheBytes).Get(a, width, render.Dark); err != nil {
			b.Fatal(err)
		}
	}
}

func longestArticle(lib *content.Library) *content.Article {
	var best *content.Article
	for _, a := range lib.Articles() {
		if best == nil || a.Words > best.Words {
			best = a
		}
	}
	return best
}
