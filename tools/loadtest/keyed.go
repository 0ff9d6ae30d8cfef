package main

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"analyst/internal/pgtest"
)

// highlightKeys is what a reader presses to highlight a paragraph: the
// cursor on (at the paragraph on top), m, the cursor off, so that its j
// and k go on scrolling as every reader's do. One measured press.
const highlightKeys = "vmv"

// storeReport is what the readers' store did, with -keyed.
type storeReport struct {
	DB             string        `json:"db"` // sqlite, postgres, or the -db given
	HighlightEvery string        `json:"highlight_every"`
	Highlights     int           `json:"highlights"` // highlight presses made
	Latency        durationStats `json:"highlight_latency"`
	BytesPerPress  byteStats     `json:"bytes_per_highlight"`
	// The server's counts of the readers' changes (places, highlights),
	// scraped once the readers have quit.
	WritesOK      float64 `json:"writes_ok"`
	WritesRefused float64 `json:"writes_refused"`
	WritesFailed  float64 `json:"writes_failed"`
	ScrapeError   string  `json:"scrape_error,omitempty"`
}

// readerKeys are the readers' keys, one each, made up front so that
// making them is not measured.
func readerKeys(n int, seed uint64) ([]gossh.Signer, error) {
	rng := rand.New(rand.NewPCG(seed, seed^0x5851f42d4c957f2d))
	keys := make([]gossh.Signer, n)
	for i := range keys {
		var seedBytes [ed25519.SeedSize]byte
		for j := range seedBytes {
			seedBytes[j] = byte(rng.Uint32())
		}
		s, err := gossh.NewSignerFromKey(ed25519.NewKeyFromSeed(seedBytes[:]))
		if err != nil {
			return nil, err
		}
		keys[i] = s
	}
	return keys, nil
}

// keyedConfig logs in with the reader's own key.
func keyedConfig(key gossh.Signer, timeout time.Duration) *gossh.ClientConfig {
	return &gossh.ClientConfig{
		User:            "loadtest",
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         timeout,
	}
}

// storeDSN is the server's --db: a new SQLite file in dir, a throwaway
// PostgreSQL cluster that syncs its commits as a real one does (stopped
// by the returned func), or what -db names.
func storeDSN(db, dir string) (dsn, kind string, stop func(), err error) {
	switch db {
	case "", "sqlite":
		return filepath.Join(dir, "readers.db"), "sqlite", func() {}, nil
	case "postgres":
		c, err := pgtest.StartDurable()
		if err != nil {
			return "", "", nil, fmt.Errorf("starting PostgreSQL: %w", err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := c.CreateDatabase(ctx, "loadtest"); err != nil {
			c.Close()
			return "", "", nil, err
		}
		return c.DSN("loadtest"), "postgres", func() { c.Close() }, nil
	}
	return db, db, func() {}, nil
}

// highlightDue says, for a reader, when its highlights fall: every -highlight from a
// random phase, so that the readers' highlights spread over the run.
type highlightDue struct {
	next  time.Time
	every time.Duration
}

func newHighlightDue(t0 time.Time, every time.Duration, rng *rand.Rand) highlightDue {
	if every <= 0 {
		return highlightDue{}
	}
	return highlightDue{next: t0.Add(time.Duration(rng.Int64N(int64(every)))), every: every}
}

// now reports whether a highlight is due at t, and moves to the next.
func (h *highlightDue) now(t time.Time) bool {
	if h.every <= 0 || t.Before(h.next) {
		return false
	}
	for !t.Before(h.next) {
		h.next = h.next.Add(h.every)
	}
	return true
}
