package server

import (
	"net"
	"time"

	"analyst/internal/ratelimit"
)

// rateLimiter allows each address (by addrKey: an IPv6 address with its
// /64) a burst of new connections and then a steady rate. It remembers the
// maxAddrs addresses most recently seen, at the same cost for a new one
// however many it holds: under a flood from many addresses, each
// connection's admission takes no longer.
type rateLimiter struct {
	perAddr *ratelimit.PerKey // nil: no limit
	now     func() time.Time
}

// newRateLimiter makes the limiter; a rate of zero or less turns it off.
func newRateLimiter(perSecond float64, burst, maxAddrs int) *rateLimiter {
	l := &rateLimiter{now: time.Now}
	if perSecond > 0 {
		l.perAddr = ratelimit.NewPerKey(perSecond, burst, maxAddrs)
	}
	return l
}

// allow takes a token for a connection from addr, if there is one.
func (l *rateLimiter) allow(addr net.Addr) bool {
	return l.perAddr == nil || l.perAddr.Allow(addrKey(addr), l.now())
}
