package ui

import (
	"testing"

	"analyst/internal/content"
	"analyst/internal/render"
	"analyst/internal/testlib"
)

// TestPrerenderSurvivesARenderingThatPanics: Prerender's rendering runs
// on a goroutine of its own, outside Bubble Tea's recovery; a rendering
// that panics there must not end the process (leaving the terminal raw).
// The reader meets the same panic when it asks for the text, inside a
// command, where Bubble Tea restores the terminal and reports it.
func TestPrerenderSurvivesARenderingThatPanics(t *testing.T) {
	lib := testlib.Library(t)
	panicky := render.NewCacheOf(render.DefaultCacheBytes, func(*content.Article, int, string) (*render.Doc, error) {
		panic("a rendering that panics")
	})
	m := New(Options{Library: lib, Cache: panicky, Article: testlib.Article(t, lib, "cutler")})
	m.Prerender(100, 30).Wait()
	if s := panicky.Stats(); s.Misses != 1 || s.Entries != 0 {
		t.Errorf("the prerendering did not run or kept something: %+v", s)
	}
}
