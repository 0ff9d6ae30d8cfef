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
	return b.take(now, l.rate, l.burst, 1)
}

// take adds what rate has earned since the last take, up to burst, then
// takes n tokens if there are that many, or if the bucket is full: n may
// be more than a burst, and then leaves a debt for the rate to pay.
func (b *bucket) take(now time.Time, rate, burst, n float64) bool {
	b.tokens = min(burst, b.tokens+now.Sub(b.last).Seconds()*rate)
	b.last = now
	if b.tokens < n && b.tokens < burst {
		return false
	}
	b.tokens -= n
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
