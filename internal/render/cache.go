package render

import (
	"container/list"
	"errors"
	"fmt"
	"sync"

	"analyst/internal/content"
)

// DefaultCacheBytes is a cache budget that holds every article of an issue
// at a dozen widths in two styles.
const DefaultCacheBytes = 64 << 20

// ErrRenderPanicked is what the callers waiting for a rendering get when
// it panicked; the caller that was making it gets the panic itself.
var ErrRenderPanicked = errors.New("the rendering failed with an internal error")

// Cache keeps rendered documents by (article, width, style), least recently
// used first out once its byte budget is spent. It is safe for concurrent
// use: readers in many SSH sessions share one, and two readers asking for
// the same rendering at once wait for a single render.
type Cache struct {
	mu       sync.Mutex
	budget   int64
	size     int64
	order    *list.List // of *Doc, most recently used at the front
	items    map[docKey]*list.Element
	inflight map[docKey]*pending
	hits     int64 // lookups that found their rendering, made or under way
	misses   int64 // renderings made
	// render is RenderDoc, or a test's.
	render func(*content.Article, int, string) (*Doc, error)
}

type docKey struct {
	article *content.Article
	width   int
	style   string
}

// pending is a render in progress that other callers wait for.
type pending struct {
	done chan struct{}
	doc  *Doc
	err  error
}

// NewCache makes a cache that holds up to budget bytes of rendered text.
func NewCache(budget int64) *Cache { return NewCacheOf(budget, RenderDoc) }

// NewCacheOf is NewCache over another renderer than RenderDoc, for the
// tests of those who use a cache: a rendering that fails, or panics.
func NewCacheOf(budget int64, render func(a *content.Article, width int, style string) (*Doc, error)) *Cache {
	return &Cache{
		budget:   budget,
		order:    list.New(),
		items:    map[docKey]*list.Element{},
		inflight: map[docKey]*pending{},
		render:   render,
	}
}

// Peek returns a cached rendering without rendering on a miss.
func (c *Cache) Peek(a *content.Article, width int, style string) (*Doc, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[docKey{a, width, style}]; ok {
		c.order.MoveToFront(el)
		c.hits++
		return el.Value.(*Doc), true
	}
	return nil, false
}

// Get returns the rendering of an article, rendering it on a miss.
func (c *Cache) Get(a *content.Article, width int, style string) (*Doc, error) {
	key := docKey{a, width, style}
	c.mu.Lock()
	if el, ok := c.items[key]; ok {
		c.order.MoveToFront(el)
		c.hits++
		c.mu.Unlock()
		return el.Value.(*Doc), nil
	}
	if p, ok := c.inflight[key]; ok {
		c.hits++
		c.mu.Unlock()
		<-p.done
		return p.doc, p.err
	}
	p := &pending{done: make(chan struct{})}
	c.inflight[key] = p
	c.misses++
	c.mu.Unlock()
	return c.make(key, p)
}

// make renders for key and hands the result to those waiting in p. A panic
// while rendering is theirs as an error, and the caller's as the same
// panic, for its session's recover to log with the stack; either way the
// rendering is no longer under way, so the next Get renders again.
func (c *Cache) make(key docKey, p *pending) (*Doc, error) {
	defer func() {
		r := recover()
		if r != nil {
			p.doc, p.err = nil, fmt.Errorf("%w (%s at %d columns: %v)", ErrRenderPanicked, key.article.Slug, key.width, r)
		}
		c.mu.Lock()
		delete(c.inflight, key)
		if p.err == nil {
			c.add(key, p.doc)
		}
		c.mu.Unlock()
		close(p.done)
		if r != nil {
			panic(r)
		}
	}()
	p.doc, p.err = c.render(key.article, key.width, key.style)
	return p.doc, p.err
}

// add stores a document and evicts the least recently used ones until the
// cache fits its budget (the newest always stays). c.mu must be held.
func (c *Cache) add(key docKey, d *Doc) {
	c.items[key] = c.order.PushFront(d)
	c.size += d.size
	for c.size > c.budget && c.order.Len() > 1 {
		last := c.order.Back()
		old := last.Value.(*Doc)
		c.order.Remove(last)
		delete(c.items, docKey{old.Article, old.Width, old.Style})
		c.size -= old.size
	}
}

// Len returns how many renderings the cache holds, and their bytes.
func (c *Cache) Len() (int, int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len(), c.size
}

// CacheStats is what a cache has done since it was made, and what it holds.
type CacheStats struct {
	// Hits are lookups that found their rendering, in the cache or under
	// way for another caller; a Peek that finds nothing is not counted,
	// as the Get that follows it is.
	Hits    int64
	Misses  int64 // renderings made
	Entries int
	Bytes   int64
}

// Stats returns the cache's counts.
func (c *Cache) Stats() CacheStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return CacheStats{Hits: c.hits, Misses: c.misses, Entries: c.order.Len(), Bytes: c.size}
}
