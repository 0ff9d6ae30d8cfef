package render_test

import (
	"sync"
	"testing"

	"analyst/internal/render"
	"analyst/internal/testlib"
)

// The cache counts a rendering made as a miss and every lookup that finds
// one, made or under way, as a hit; it reports what it holds.
func TestCacheStats(t *testing.T) {
	lib := testlib.Library(t)
	a, b := lib.Articles()[0], lib.Articles()[1]
	c := render.NewCache(render.DefaultCacheBytes)
	if s := c.Stats(); s != (render.CacheStats{}) {
		t.Fatalf("a new cache: %+v", s)
	}
	if _, ok := c.Peek(a, 80, render.NoTTY); ok {
		t.Fatal("Peek found a rendering in a new cache")
	}
	// Eight readers ask for one article at once: one renders, seven wait.
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := c.Get(a, 80, render.NoTTY); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if s := c.Stats(); s.Misses != 1 || s.Hits != 7 || s.Entries != 1 || s.Bytes <= 0 {
		t.Fatalf("after 8 Gets of one rendering: %+v, want 1 miss, 7 hits, 1 entry", s)
	}
	if _, ok := c.Peek(a, 80, render.NoTTY); !ok {
		t.Fatal("Peek did not find the rendering")
	}
	if _, err := c.Get(b, 60, render.NoTTY); err != nil {
		t.Fatal(err)
	}
	s := c.Stats()
	if s.Misses != 2 || s.Hits != 8 || s.Entries != 2 {
		t.Errorf("after a Peek hit and a new rendering: %+v, want 2 misses, 8 hits, 2 entries", s)
	}
	if n, size := c.Len(); n != s.Entries || size != s.Bytes {
		t.Errorf("Len says %d, %d; Stats %d, %d", n, size, s.Entries, s.Bytes)
	}
}
