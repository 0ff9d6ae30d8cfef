package render

import (
	"errors"
	"testing"
	"time"

	"analyst/internal/content"
	"analyst/internal/testlib"
)

// hangAfter is how long a Get may take in these tests before it is taken
// for a hang: far beyond a rendering's milliseconds.
const hangAfter = 10 * time.Second

// A rendering that panics ends the Get that made it with that panic (for
// the session's recover to log), gives the readers waiting for it an
// error instead of leaving them blocked, and leaves nothing behind: the
// next Get renders again.
func TestCachePanicReleasesWaiters(t *testing.T) {
	a := testlib.Library(t).Articles()[0]
	c := NewCache(DefaultCacheBytes)
	entered, release := make(chan struct{}), make(chan struct{})
	c.render = func(*content.Article, int, string) (*Doc, error) {
		close(entered)
		<-release
		panic("boom")
	}

	repanicked := make(chan any, 1)
	go func() {
		defer func() { repanicked <- recover() }()
		c.Get(a, 80, NoTTY)
	}()
	<-entered
	waited := make(chan error, 1)
	go func() {
		_, err := c.Get(a, 80, NoTTY)
		waited <- err
	}()
	for c.Stats().Hits == 0 { // the second Get has joined the first
		time.Sleep(time.Millisecond)
	}
	close(release)

	select {
	case r := <-repanicked:
		if r != "boom" {
			t.Errorf("the rendering Get ended with %v, want the panic boom", r)
		}
	case <-time.After(hangAfter):
		t.Fatal("the Get whose rendering panicked did not return")
	}
	select {
	case err := <-waited:
		if !errors.Is(err, ErrRenderPanicked) {
			t.Errorf("the waiting Get returned %v, want ErrRenderPanicked", err)
		}
	case <-time.After(hangAfter):
		t.Fatal("a Get waiting for a rendering that panicked is blocked")
	}

	c.render = RenderDoc
	done := make(chan error, 1)
	go func() {
		d, err := c.Get(a, 80, NoTTY)
		if err == nil && d.Article != a {
			err = errors.New("the wrong article")
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("a Get after the panic: %v", err)
		}
	case <-time.After(hangAfter):
		t.Fatal("a Get after the panic is blocked on the rendering that panicked")
	}
	if s := c.Stats(); s.Entries != 1 || s.Misses != 2 {
		t.Errorf("after a panic and a rendering: %+v, want 1 entry, 2 renderings made", s)
	}
}
