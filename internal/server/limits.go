package server

import (
	"net"
	"sync"
	"time"
)

// rateLimiter allows each remote address a burst of new connections and
// then a steady rate: a token bucket per address. It remembers at most
// maxAddrs addresses, forgetting those that have been quiet longest.
type rateLimiter struct {
	mu       sync.Mutex
	rate     float64 // tokens per second
	burst    float64
	maxAddrs int
	buckets  map[string]*bucket
	now      func() time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newRateLimiter(perSecond float64, burst, maxAddrs int) *rateLimiter {
	return &rateLimiter{
		rate: perSecond, burst: float64(max(burst, 1)), maxAddrs: max(maxAddrs, 1),
		buckets: map[string]*bucket{}, now: time.Now,
	}
}

// allow takes a token for a connection from addr, if there is one. A rate
// of zero or less turns the limiter off.
func (l *rateLimiter) allow(addr net.Addr) bool {
	if l.rate <= 0 {
		return true
	}
	host := addr.String()
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b, ok := l.buckets[host]
	if !ok {
		if len(l.buckets) >= l.maxAddrs {
			l.forgetOldest()
		}
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[host] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// forgetOldest drops the address seen longest ago. l.mu must be held.
func (l *rateLimiter) forgetOldest() {
	var oldest string
	var at time.Time
	for host, b := range l.buckets {
		if oldest == "" || b.last.Before(at) {
			oldest, at = host, b.last
		}
	}
	delete(l.buckets, oldest)
}
