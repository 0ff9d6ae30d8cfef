package ui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"analyst/internal/content"
	"analyst/internal/render"
	"analyst/internal/testlib"
)

// sweeper drives a reader through window sizes as the server passes them:
// the renderings a size asks for finish before the next size comes (one
// takes milliseconds; the server passes a size at most every 250 ms), and
// nothing that waits for time (for the size to settle, or for the render
// budget) comes due until passTime says that time has passed.
type sweeper struct {
	*harness
	now   time.Time
	later []tea.Msg // what waits for time, in the order asked
}

func newSweeper(t *testing.T, opt Options) *sweeper {
	s := &sweeper{harness: &harness{tb: t, m: New(opt)}, now: time.Unix(1_700_000_000, 0)}
	s.m.c.renders.after = func(_ time.Duration, msg tea.Msg) tea.Cmd {
		s.later = append(s.later, msg)
		return nil
	}
	s.m.c.renders.now = func() time.Time { return s.now }
	return s
}

// passTime lets d go by: what waited comes due.
func (s *sweeper) passTime(d time.Duration) {
	s.now = s.now.Add(d)
	due := s.later
	s.later = nil
	for _, msg := range due {
		s.send(msg)
	}
}

// sweep sends n sizes whose text widths all differ, after a first size of
// 100x30, and returns the renderings made during the sweep.
func (s *sweeper) sweep(n int) int64 {
	s.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	for w := range n {
		s.send(tea.WindowSizeMsg{Width: 34 + w, Height: 30}) // folded: the text is as wide as the window
	}
	return s.m.c.cache.Stats().Misses
}

// allRenderedAt says whether every article of the issue is cached at the
// reader's width and style.
func (s *sweeper) allRenderedAt() bool {
	for _, a := range s.m.list.currentIssue().Articles() {
		if _, ok := s.m.c.cache.Peek(a, s.m.reader.lay.textWidth, s.m.c.style); !ok {
			return false
		}
	}
	return true
}

func sweepArticle(t *testing.T) (*content.Library, *content.Article) {
	lib := testlib.Library(t)
	return lib, testlib.Article(t, lib, "cutler")
}

// TestAResizeSweepRendersTheTextOnScreenOnly: while the size keeps
// changing, each size renders the article on screen and nothing else; the
// other articles of the issue are rendered once the size has held still.
// Before, every size rendered the whole issue: 4 renderings a size.
func TestAResizeSweepRendersTheTextOnScreenOnly(t *testing.T) {
	const n = 40
	lib, a := sweepArticle(t)
	s := newSweeper(t, Options{Library: lib, Article: a}) // a cache of its own: no budget
	made := s.sweep(n)
	// The first size: the article and its 3 neighbours; then one a size.
	if want := int64(4 + n); made > want {
		t.Errorf("a sweep of %d sizes made %d renderings, want at most %d", n, made, want)
	}
	if s.allRenderedAt() {
		t.Errorf("the neighbours were rendered at the last width before the size held still")
	}
	s.passTime(settleDelay)
	if d := s.m.reader.doc; d == nil || d.Width != s.m.reader.lay.textWidth {
		t.Fatalf("after the sweep the article is not on screen at the last width")
	}
	if !s.allRenderedAt() {
		t.Errorf("once the size held still, the issue is not rendered at its width")
	}
	t.Logf("a sweep of %d sizes: %d renderings, then %d once the size held still", n, made, s.m.c.cache.Stats().Misses-made)
}

// TestAReaderSharingTheCacheHasARenderBudget: a reader that shares the
// cache with other sessions makes at most renderBurst renderings at once,
// then one every renderEvery, however many sizes it is sent; the text at
// the last size still comes, and the neighbours after it.
func TestAReaderSharingTheCacheHasARenderBudget(t *testing.T) {
	const n = 80
	lib, a := sweepArticle(t)
	s := newSweeper(t, Options{Library: lib, Article: a, Cache: render.NewCache(render.DefaultCacheBytes)})
	made := s.sweep(n)
	if made > renderBurst {
		t.Errorf("a sweep of %d sizes made %d renderings in the shared cache, want at most %d", n, made, renderBurst)
	}
	for i := 0; i < 10 && !(s.allRenderedAt() && s.m.reader.doc.Width == s.m.reader.lay.textWidth); i++ {
		s.passTime(renderEvery)
	}
	if d := s.m.reader.doc; d == nil || d.Width != s.m.reader.lay.textWidth {
		t.Fatalf("10 s after the sweep the article is not on screen at the last width")
	}
	if !s.allRenderedAt() {
		t.Errorf("10 s after the sweep the issue is not rendered at its width")
	}
	if all := s.m.c.cache.Stats().Misses; all > made+4 {
		t.Errorf("after the sweep %d more renderings were made, want at most the 4 of the last width", all-made)
	}
}

// TestARenderForAnOldWidthIsSkipped: a rendering asked for at a width the
// reader has left before it started is not made.
func TestARenderForAnOldWidthIsSkipped(t *testing.T) {
	lib, a := sweepArticle(t)
	m := newSweeper(t, Options{Library: lib, Article: a}).m // nothing waits for time
	_, first := m.Update(tea.WindowSizeMsg{Width: 60, Height: 30})
	old := m.reader.lay.textWidth
	_, second := m.Update(tea.WindowSizeMsg{Width: 50, Height: 30})
	runOnly(first)
	if _, ok := m.c.cache.Peek(a, old, m.c.style); ok {
		t.Errorf("the article was rendered at %d columns after the reader had gone to %d", old, m.reader.lay.textWidth)
	}
	runOnly(second)
	if _, ok := m.c.cache.Peek(a, m.reader.lay.textWidth, m.c.style); !ok {
		t.Errorf("the article was not rendered at the current width")
	}
}

// TestASweepThroughNoWidthIsNoFirstSize: a client that sends a width of
// 0 between its widths does not make each of them a first size, settled
// at once: the neighbours still wait for the size to hold still. Before,
// every width after a 0 rendered the whole issue.
func TestASweepThroughNoWidthIsNoFirstSize(t *testing.T) {
	const n = 20
	lib, a := sweepArticle(t)
	s := newSweeper(t, Options{Library: lib, Article: a}) // a cache of its own: no budget
	s.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	for w := range n {
		s.send(tea.WindowSizeMsg{Width: 0, Height: 30})
		s.send(tea.WindowSizeMsg{Width: 34 + w, Height: 30})
	}
	made := s.m.c.cache.Stats().Misses
	if want := int64(4 + n); made > want {
		t.Errorf("a sweep of %d sizes, each after a width of 0, made %d renderings, want at most %d", n, made, want)
	}
	if s.allRenderedAt() {
		t.Errorf("the neighbours were rendered at the last width before the size held still")
	}
	s.passTime(settleDelay)
	if !s.allRenderedAt() {
		t.Errorf("once the size held still, the issue is not rendered at its width")
	}
}
