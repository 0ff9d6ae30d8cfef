// Package ratelimit rations what strangers can ask for by the key they
// come with (an address, a public key): a token bucket for each key.
package ratelimit

import (
	"sync"
	"time"

	"github.com/hashicorp/golang-lru/v2/simplelru"
	"golang.org/x/time/rate"
)

// PerKey is a token bucket (golang.org/x/time/rate) for each key, of the
// keys most recently used only: anyone can make keys, so it remembers a
// bounded number, and forgets the least recently used first, at the same
// cost however many it holds. Forgetting never makes tokens: a new key,
// once the memory is full, takes over the bucket of the key forgotten,
// with what it holds. That is a full bucket, as a new key gets, unless
// more keys than it remembers came within burst/rate seconds; then a
// flood of many keys cannot give one of them a fresh burst by pushing its
// emptied bucket out. Safe for many goroutines.
type PerKey struct {
	limit rate.Limit
	burst int

	keys    int // the most remembered
	mu      sync.Mutex
	buckets *simplelru.LRU[string, *rate.Limiter]
}

// NewPerKey allows each key burst at once, then perSecond a second, and
// remembers at most keys keys (at least one). It holds about 100 bytes a
// key.
func NewPerKey(perSecond float64, burst, keys int) *PerKey {
	buckets, _ := simplelru.NewLRU[string, *rate.Limiter](max(keys, 1), nil) // fails only for a size below 1
	return &PerKey{limit: rate.Limit(perSecond), burst: max(burst, 1), keys: max(keys, 1), buckets: buckets}
}

// newBucket is a full bucket while keys can be remembered, and then the
// bucket of the key least recently used, which is forgotten. p.mu must be
// held.
func (p *PerKey) newBucket() *rate.Limiter {
	if p.buckets.Len() >= p.keys {
		if _, b, ok := p.buckets.RemoveOldest(); ok {
			return b
		}
	}
	return rate.NewLimiter(p.limit, p.burst)
}

// Allow takes one token from key's bucket, at now; false when it is empty.
func (p *PerKey) Allow(key string, now time.Time) bool {
	p.mu.Lock()
	b, ok := p.buckets.Get(key)
	if !ok {
		b = p.newBucket()
		p.buckets.Add(key, b)
	}
	p.mu.Unlock()
	return b.AllowN(now, 1)
}

// Len is how many keys are remembered.
func (p *PerKey) Len() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.buckets.Len()
}
