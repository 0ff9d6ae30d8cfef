package store

import (
	"sync"
	"time"

	"github.com/hashicorp/golang-lru/v2/simplelru"
	"golang.org/x/time/rate"
)

// rateOwners is how many owners' write rates a Store remembers: the most
// recently active. Anyone can make keys, so the memory is bounded (about
// 100 bytes an owner). An owner forgotten comes back with a full bucket,
// which is what a pause of WriteBurst/WriteRate seconds gives anyone.
const rateOwners = 10_000

// ownerRates are the owners' token buckets. Safe for many goroutines.
type ownerRates struct {
	limit rate.Limit
	burst int

	mu     sync.Mutex
	owners *simplelru.LRU[string, *rate.Limiter]
}

func newOwnerRates(perSecond float64, burst int) *ownerRates {
	owners, _ := simplelru.NewLRU[string, *rate.Limiter](rateOwners, nil) // only fails for a size below 1
	return &ownerRates{limit: rate.Limit(perSecond), burst: burst, owners: owners}
}

// allow takes one change from the owner's bucket, at now; false when it
// is empty.
func (r *ownerRates) allow(owner string, now time.Time) bool {
	r.mu.Lock()
	l, ok := r.owners.Get(owner)
	if !ok {
		l = rate.NewLimiter(r.limit, r.burst)
		r.owners.Add(owner, l)
	}
	r.mu.Unlock()
	return l.AllowN(now, 1)
}

// len is how many owners' rates are remembered.
func (r *ownerRates) len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.owners.Len()
}
