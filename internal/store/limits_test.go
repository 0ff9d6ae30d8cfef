package store

import (
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// clock is a test's clock, moved by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)} }

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// addHighlights gives the owner n highlights at once, on made-up
// articles, as if made over time.
func addHighlights(t *testing.T, s *Store, owner string, n int) {
	t.Helper()
	a := article(t, loadLibrary(t, nil), "cutler")
	err := s.write(ctx, "the highlights", owner, func(tx *sql.Tx) error {
		for i := range n {
			an, err := anchorAt(a, "lead", 0)
			if err != nil {
				return err
			}
			an.Issue = fmt.Sprintf("2019-%02d", 1+i%12)
			if err := s.insert(ctx, tx, owner, s.newHighlight(an, "")); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The 1,001st highlight of an owner is refused, with a message that says
// why and what to do, by Toggle and by Annotate alike; changing a note,
// or making room, is not; LocalOwner and other owners are not held to it.
func TestHighlightLimit(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		s := openAt(t, e.newDSN(t), DefaultLimits())
		s.limits.rates = nil // this test makes changes faster than a reader does
		a := article(t, loadLibrary(t, nil), "jamal")
		alice := "SHA256:alice"
		addHighlights(t, s, alice, 999)
		last, on, err := s.Toggle(ctx, alice, a, "background", 0)
		if err != nil || !on {
			t.Fatalf("the 1,000th highlight: %v", err)
		}
		_, _, err = s.Toggle(ctx, alice, a, "background", 1)
		want := "the highlight was not kept: you have 1,000 highlights, the most this server keeps for one reader; delete some to make room"
		if !errors.Is(err, ErrTooManyHighlights) || !errors.Is(err, ErrLimit) || err.Error() != want {
			t.Fatalf("the 1,001st highlight: %v\nwant %q", err, want)
		}
		if _, err := s.Annotate(ctx, alice, a, "background", 1, "a note"); !errors.Is(err, ErrTooManyHighlights) ||
			!strings.HasPrefix(err.Error(), "the note was not kept: you have 1,000 highlights") {
			t.Errorf("a note on a 1,001st paragraph: %v", err)
		}
		if _, err := s.Annotate(ctx, alice, a, "background", 0, "a note on one she has"); err != nil {
			t.Errorf("a note on a highlight she has: %v", err)
		}
		if hs, _ := s.Highlights(ctx, alice); len(hs) != 1000 {
			t.Errorf("alice has %d highlights, want 1,000", len(hs))
		}
		if _, err := s.Delete(ctx, alice, last.ID); err != nil {
			t.Fatal(err)
		}
		if _, on, err := s.Toggle(ctx, alice, a, "background", 1); err != nil || !on {
			t.Errorf("a highlight once there is room: %v", err)
		}
		addHighlights(t, s, LocalOwner, 1000)
		if _, _, err := s.Toggle(ctx, LocalOwner, a, "background", 1); err != nil {
			t.Errorf("the local reader's 1,001st highlight: %v", err)
		}
		if _, _, err := s.Toggle(ctx, "SHA256:bob", a, "background", 1); err != nil {
			t.Errorf("bob's first highlight: %v", err)
		}
	})
}

// Highlights made at once through two stores (two instances) by one owner
// stop at the limit exactly: the count and the new highlight are one
// change, under the owner's lock.
func TestHighlightLimitUnderConcurrentChanges(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		dsn := e.newDSN(t)
		lim := Limits{Highlights: 5}
		stores := []*Store{openAt(t, dsn, lim), openAt(t, dsn, lim)}
		paras := allParagraphs(loadLibrary(t, nil))
		var wg sync.WaitGroup
		var mu sync.Mutex
		kept, refused := 0, 0
		for i := range 12 {
			wg.Go(func() {
				p := paras[i]
				_, err := stores[i%2].Annotate(ctx, "SHA256:many", p.article, p.section, p.index, "note")
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err == nil:
					kept++
				case errors.Is(err, ErrTooManyHighlights):
					refused++
				default:
					t.Error(err)
				}
			})
		}
		wg.Wait()
		hs, err := stores[0].Highlights(ctx, "SHA256:many")
		if kept != 5 || refused != 7 || err != nil || len(hs) != 5 {
			t.Errorf("%d kept, %d refused, %d in the store (%v); want 5, 7, 5", kept, refused, len(hs), err)
		}
	})
}

// A note longer than the limit, counted in characters, is refused whole
// by Annotate and SetNote, and nothing is written; one at the limit is
// kept; LocalOwner's notes have no limit.
func TestNoteLimit(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		s := openAt(t, e.newDSN(t), DefaultLimits())
		a := article(t, loadLibrary(t, nil), "cornell")
		owner := "SHA256:writer"
		atLimit := strings.Repeat("Ташкент ", 250) // 2,000 characters, 3,750 bytes
		h, err := s.Annotate(ctx, owner, a, "lead", 0, atLimit)
		if err != nil || h.Note != atLimit {
			t.Fatalf("a note of 2,000 characters: %v", err)
		}
		want := "the note was not kept: it is 2,001 characters long, and this server keeps notes of up to 2,000"
		if _, err := s.Annotate(ctx, owner, a, "background", 1, atLimit+"!"); !errors.Is(err, ErrNoteTooLong) || !errors.Is(err, ErrLimit) || err.Error() != want {
			t.Errorf("Annotate of 2,001 characters: %v\nwant %q", err, want)
		}
		if _, err := s.SetNote(ctx, owner, h.ID, atLimit+"!"); !errors.Is(err, ErrNoteTooLong) || err.Error() != want {
			t.Errorf("SetNote of 2,001 characters: %v", err)
		}
		hs, _ := s.Highlights(ctx, owner)
		if len(hs) != 1 || hs[0].Note != atLimit {
			t.Errorf("after the refusals: %d highlights", len(hs))
		}
		long := strings.Repeat("x", 50_000)
		if _, err := s.Annotate(ctx, LocalOwner, a, "background", 1, long); err != nil {
			t.Errorf("the local reader's long note: %v", err)
		}
	})
}

// An owner's changes past the rate's burst are refused until time has
// refilled the bucket; what is refused is not written; each owner has a
// bucket of their own; LocalOwner has none.
func TestWriteRate(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		s := openAt(t, e.newDSN(t), Limits{WriteRate: 0.5, WriteBurst: 3})
		c := newClock()
		s.now = c.now
		a := article(t, loadLibrary(t, nil), "cutler")
		ref := RefOf(a)
		fast := "SHA256:fast"
		for i := range 3 {
			if err := s.SavePlace(ctx, fast, ref, Place{Section: "lead", Fraction: float64(i) / 10}, 0.1); err != nil {
				t.Fatalf("change %d of the burst: %v", i+1, err)
			}
		}
		_, _, err := s.Toggle(ctx, fast, a, "lead", 0)
		want := "the highlight was not kept: you are making changes faster than this server keeps them (30 a minute at most); wait a moment and try again"
		if !errors.Is(err, ErrTooFast) || !errors.Is(err, ErrLimit) || err.Error() != want {
			t.Fatalf("the change past the burst: %v\nwant %q", err, want)
		}
		if hs, _ := s.Highlights(ctx, fast); len(hs) != 0 {
			t.Errorf("the refused change was written: %+v", hs)
		}
		if err := s.SavePlace(ctx, "SHA256:other", ref, Place{Section: "lead"}, 0.1); err != nil {
			t.Errorf("another owner's change: %v", err)
		}
		for range 10 {
			if err := s.SavePlace(ctx, LocalOwner, ref, Place{Section: "lead"}, 0.1); err != nil {
				t.Fatalf("the local reader's change: %v", err)
			}
		}
		c.add(2 * time.Second) // a token, at half a change a second
		if _, _, err := s.Toggle(ctx, fast, a, "lead", 0); err != nil {
			t.Errorf("a change after two seconds: %v", err)
		}
		if _, _, err := s.Toggle(ctx, fast, a, "lead", 0); !errors.Is(err, ErrTooFast) {
			t.Errorf("the next at once: %v", err)
		}
	})
}

// The rates are remembered for the most recently active owners only: a
// stranger making keys by the thousand cannot grow them.
func TestWriteRatesAreBounded(t *testing.T) {
	r := newLimiter(Limits{WriteRate: 1, WriteBurst: 1}).rates
	now := time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)
	if !r.Allow("first", now) || r.Allow("first", now) {
		t.Fatal("a bucket of one change")
	}
	for i := range rateOwners + 500 {
		r.Allow(fmt.Sprintf("SHA256:%d", i), now)
	}
	if n := r.Len(); n != rateOwners {
		t.Errorf("%d owners remembered, want %d", n, rateOwners)
	}
	// "first" was the least recently active, and was let go; back at
	// once, it takes over the bucket of the owner it pushes out, spent in
	// the same instant: letting it go made no change it had not earned.
	// A second later, at a change a second, it has one.
	if r.Allow("first", now) {
		t.Error("an owner let go and back at once got a change no one earned")
	}
	if !r.Allow("first", now.Add(time.Second)) {
		t.Error("an owner let go was refused a second later")
	}
}

// Past Limits.StoreBytes, an owner the store keeps nothing of reads but
// is refused every change, and Keeps says so at once; owners it keeps
// something of keep writing. The size is measured again after sizeEvery.
func TestStoreFull(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		dsn := e.newDSN(t)
		a := article(t, loadLibrary(t, nil), "cutler")
		known, stranger := "SHA256:known", "SHA256:stranger"
		open := openAt(t, dsn, Limits{})
		if err := open.SavePlace(ctx, known, RefOf(a), Place{Section: "lead"}, 0.1); err != nil {
			t.Fatal(err)
		}
		full := openAt(t, dsn, Limits{StoreBytes: 1}) // any store is over a byte
		if err := full.Keeps(ctx, known); err != nil {
			t.Errorf("Keeps of a known owner: %v", err)
		}
		if _, _, err := full.Toggle(ctx, known, a, "lead", 0); err != nil {
			t.Errorf("a known owner's change: %v", err)
		}
		err := full.Keeps(ctx, stranger)
		if want := "nothing you change will be kept: this server is full, and keeps nothing for new readers (you can read as before)"; !errors.Is(err, ErrStoreFull) || err.Error() != want {
			t.Errorf("Keeps of a new owner: %v\nwant %q", err, want)
		}
		_, _, err = full.Toggle(ctx, stranger, a, "lead", 0)
		if want := "the highlight was not kept: this server is full, and keeps nothing for new readers (you can read as before)"; !errors.Is(err, ErrStoreFull) || !errors.Is(err, ErrLimit) || err.Error() != want {
			t.Errorf("a new owner's change: %v\nwant %q", err, want)
		}
		if err := full.SavePlace(ctx, stranger, RefOf(a), Place{Section: "lead"}, 0.1); !errors.Is(err, ErrStoreFull) {
			t.Errorf("a new owner's place: %v", err)
		}
		if r, err := full.Load(ctx, stranger); err != nil || len(r.Places) != 0 {
			t.Errorf("a new owner's reading: %+v, %v", r, err)
		}
		if err := full.Keeps(ctx, LocalOwner); err != nil {
			t.Errorf("the local reader: %v", err)
		}

		// A store under its size takes new owners until it is measured
		// over it, sizeEvery after the last measure.
		var size int64
		if err := open.db.QueryRow(open.d.size).Scan(&size); err != nil {
			t.Fatal(err)
		}
		roomy := openAt(t, dsn, Limits{StoreBytes: size + 64<<10})
		c := newClock()
		roomy.now = c.now
		if err := roomy.Keeps(ctx, stranger); err != nil {
			t.Errorf("Keeps under the size: %v", err)
		}
		addHighlights(t, open, known, 400) // half a megabyte of quotes
		if err := roomy.Keeps(ctx, stranger); err != nil {
			t.Errorf("Keeps before the size is measured again: %v", err)
		}
		c.add(sizeEvery)
		if err := roomy.Keeps(ctx, stranger); !errors.Is(err, ErrStoreFull) {
			t.Errorf("Keeps once the size is measured again: %v", err)
		}
	})
}

// Only the refusals of limits match ErrLimit.
func TestErrLimitMatchesOnlyLimits(t *testing.T) {
	for p := Failed; p <= StoreFull; p++ {
		err := &Error{Op: "the note", Problem: p, Reason: "r"}
		want := p == TooManyHighlights || p == NoteTooLong || p == TooFast || p == StoreFull
		if got := errors.Is(err, ErrLimit); got != want {
			t.Errorf("problem %d matches ErrLimit: %v", p, got)
		}
		if !errors.Is(err, sentinels[p]) {
			t.Errorf("problem %d does not match its sentinel", p)
		}
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 12345: "12,345", 1234567: "1,234,567"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q", n, got)
		}
	}
}

// A server that keeps one highlight a reader says so in words, not
// "1 highlights".
func TestHighlightLimitOfOne(t *testing.T) {
	lim := Limits{Highlights: 1}
	s := openAt(t, filepath.Join(t.TempDir(), "one.db"), lim)
	a := article(t, loadLibrary(t, nil), "jamal")
	if _, _, err := s.Toggle(ctx, "SHA256:bob", a, "background", 0); err != nil {
		t.Fatal(err)
	}
	_, _, err := s.Toggle(ctx, "SHA256:bob", a, "background", 1)
	want := "the highlight was not kept: you have a highlight, the most this server keeps for one reader; delete some to make room"
	if err == nil || err.Error() != want {
		t.Fatalf("the 2nd highlight: %v\nwant %q", err, want)
	}
}
