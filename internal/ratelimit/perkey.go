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
// cost however many it holds. A key forgotten comes back with a full
// bucket, which is what a pause of burst/rate seconds gives anyone. Safe
// for many goroutines.
type PerKey struct {
	limit rate.Limit
	burst int

	mu      sync.Mutex
	buckets *simplelru.LRU[string, *rate.Limiter]
}

// NewPerKey allows each key burst at once, then perSecond a second, and
// remembers at most keys keys (at least one). It holds about 100 bytes a
// key.
func NewPerKey(perSecond float64, burst, keys int) *PerKey {
	buckets, _ := simplelru.NewLRU[string, *rate.Limiter](max(keys, 1), nil) // fails only for a size below 1
	return &PerKey{limit: rate.Limit(perSecond), burst: max(burst, 1), buckets: buckets}
}

// Allow takes one token from key's bucket, at now; false when it is empty.
func (p *PerKey) Allow(key string, now time.Time) bool {
	p.mu.Lock()
	b, ok := p.buckets.Get(key)
	if !ok {
		b = rate.NewLimiter(p.limit, p.burst)
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
