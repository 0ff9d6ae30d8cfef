package ratelimit

import (
	"fmt"
	"testing"
	"time"
)

// Each key has a burst, then a rate, whatever the others do.
func TestPerKeyBurstThenRate(t *testing.T) {
	p := NewPerKey(2, 3, 100) // 2 a second, bursts of 3
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 3 {
		if !p.Allow("a", now) {
			t.Fatalf("%d of a burst of 3 refused", i+1)
		}
	}
	if p.Allow("a", now) {
		t.Fatal("a fourth at once allowed")
	}
	if !p.Allow("b", now) {
		t.Fatal("another key shares the first's bucket")
	}
	if p.Allow("a", now.Add(250*time.Millisecond)) {
		t.Fatal("allowed after a quarter second (half a token)")
	}
	if !p.Allow("a", now.Add(500*time.Millisecond)) {
		t.Fatal("refused after half a second (one token)")
	}
	later := now.Add(time.Hour) // a long pause fills the bucket to the burst, no more
	for i := range 3 {
		if !p.Allow("a", later) {
			t.Fatalf("after an hour: %d of 3 refused", i+1)
		}
	}
	if p.Allow("a", later) {
		t.Fatal("after an hour: more than the burst allowed")
	}
}

// The keys remembered are the most recently used: a stranger making keys
// by the thousand cannot grow them, and the least recent is let go.
func TestPerKeyRemembersTheMostRecent(t *testing.T) {
	const keys = 100
	p := NewPerKey(1, 1, keys)
	now := time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)
	if !p.Allow("first", now) || p.Allow("first", now) {
		t.Fatal("a bucket of one")
	}
	if !p.Allow("kept", now) {
		t.Fatal("kept refused")
	}
	for i := range keys + 50 {
		p.Allow(fmt.Sprint(i), now)
		p.Allow("kept", now) // used again and again: never the least recent
	}
	if n := p.Len(); n != keys {
		t.Errorf("%d keys remembered, want %d", n, keys)
	}
	if p.Allow("kept", now) {
		t.Error("a key in use was forgotten: its empty bucket is full again")
	}
	if p.buckets.Contains("first") {
		t.Error("the least recently used key is still remembered")
	}
}

// Keys pushed out of the memory by a flood do not come back with fresh
// bursts: forgetting makes no tokens, so cycling through more keys than
// are remembered gets no more than a memory without bound would allow.
// Before, an address that had spent its burst got a new one as soon as
// enough other keys (its own /64s, say) had been seen, however little
// time had passed: every round of this flood got every burst again.
func TestPerKeyFloodingDoesNotRefillBuckets(t *testing.T) {
	const keys, burst, rounds = 100, 3, 5
	p := NewPerKey(1.0/3600, burst, keys) // one an hour
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	allowed := 0
	for r := range rounds {
		for i := range 2 * keys { // twice as many keys as remembered
			for range burst {
				if p.Allow(fmt.Sprint("flood", i), now.Add(time.Duration(r)*time.Second)) {
					allowed++
				}
			}
		}
	}
	if most := 2 * keys * burst; allowed > most {
		t.Errorf("%d rounds of %d keys in %d s: %d allowed, more than their %d bursts", rounds, 2*keys, rounds, allowed, most)
	}
	if p.Len() != keys {
		t.Errorf("%d keys remembered, want %d", p.Len(), keys)
	}
}

// Once the memory is full, a new key whose predecessor's bucket has had
// time to fill still gets a whole burst, as on an unloaded server.
func TestPerKeyNewKeyWhenFullGetsAFullBurst(t *testing.T) {
	const keys = 10
	p := NewPerKey(1, 3, keys) // one a second, bursts of 3
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for i := range keys {
		for range 3 {
			p.Allow(fmt.Sprint("old", i), now)
		}
	}
	later := now.Add(3 * time.Second)
	for i := range 3 {
		if !p.Allow("new", later) {
			t.Fatalf("a new key after the oldest's bucket refilled: %d of a burst of 3 refused", i+1)
		}
	}
	if p.Allow("new", later) {
		t.Error("a new key got more than a burst")
	}
	if n := p.Len(); n != keys {
		t.Errorf("%d keys remembered, want %d", n, keys)
	}
}

// A new key costs the same however many are remembered: measured with
// the table full, every key new.
func BenchmarkPerKeyNewKeyWhenFull(b *testing.B) {
	for _, keys := range []int{1_000, 10_000} {
		b.Run(fmt.Sprint(keys), func(b *testing.B) {
			p := NewPerKey(1, 1, keys)
			now := time.Now()
			for i := range keys {
				p.Allow(fmt.Sprint("old", i), now)
			}
			names := make([]string, b.N)
			for i := range names {
				names[i] = fmt.Sprint("new", i)
			}
			b.ResetTimer()
			for i := range b.N {
				p.Allow(names[i], now)
			}
		})
	}
}
