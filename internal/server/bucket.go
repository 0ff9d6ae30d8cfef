package server

import "time"

// bucket is a token bucket that may go into debt, for the input budget
// (a read larger than the burst passes when the bucket is full) and the
// ration of banners. The limits per address or key are ratelimit.PerKey.
type bucket struct {
	tokens float64
	last   time.Time
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
