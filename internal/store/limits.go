package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"analyst/internal/ratelimit"
)

// Limits bound what one owner can make a server's store keep, since
// anyone can make an SSH key: every change past a limit is refused with an
// *Error saying so in words a reader can be shown (errors.Is(err,
// ErrLimit)), never dropped in silence. A zero field is no limit.
// LocalOwner, the reader at their own machine writing their own disk, has
// none: limits protect a server from strangers, and a server never keeps
// anything under LocalOwner (a reader without a key keeps nothing).
type Limits struct {
	// Highlights is the most highlights one owner keeps; a new one past
	// it is refused (TooManyHighlights). Removing one makes room.
	Highlights int
	// NoteChars is the longest note kept, in characters (runes, not
	// bytes); a longer note is refused whole (NoteTooLong).
	NoteChars int
	// WriteRate is how many changes per second one owner makes, sustained
	// (a token bucket); WriteBurst, how many at once before the rate
	// applies (1 when 0). Past it a change is refused (TooFast).
	WriteRate  float64
	WriteBurst int
	// StoreBytes is the size of the store (its tables, indexes included)
	// above which owners it keeps nothing of yet are refused (StoreFull):
	// they read without saving; owners it keeps something of keep writing.
	// Measured at most every sizeEvery.
	StoreBytes int64
}

// DefaultLimits are a public server's limits, for its flags' defaults:
//
//   - 1,000 highlights: the number the store's benchmarks measure a reader
//     at (all of them loaded in about a millisecond); a highlight on every
//     paragraph of 14 issues, or on every fourth of 55. Their quotes are
//     whole paragraphs, so about 1 MB of one reader's rows at most.
//   - 2,000 characters a note: some 300 words, longer than most of the
//     journal's paragraphs; a note is a remark on one, not an essay. With
//     the highlights, at most about 5 MB of one key's notes.
//   - 2 changes a second, 60 at once: a reader's place is written at most
//     about once a second while they scroll, and highlighting is a key per
//     paragraph; 60 covers a flurry, 2 a second a reader never keeps up,
//     and a script with many keys is held to a load the database takes.
//   - 1 GiB for the store: hundreds of readers at every limit, thousands
//     as readers are, on a disk a small server has room for; past it
//     readers already known keep writing, and only new keys are refused.
func DefaultLimits() Limits {
	return Limits{Highlights: 1000, NoteChars: 2000, WriteRate: 2, WriteBurst: 60, StoreBytes: 1 << 30}
}

// rateOwners is how many owners' write rates a Store remembers: the most
// recently active. Anyone can make keys, so the memory is bounded (about
// 100 bytes an owner). Forgetting an owner makes no tokens: a new owner
// takes over the forgotten one's bucket (ratelimit.PerKey).
const rateOwners = 10_000

// limiter applies a Store's Limits.
type limiter struct {
	Limits
	rates *ratelimit.PerKey // by owner; nil without a WriteRate
	size  storeSize
}

// newLimiter is the limiter of Limits; nil when there is no limit.
func newLimiter(l Limits) *limiter {
	if l == (Limits{}) {
		return nil
	}
	lim := &limiter{Limits: l}
	if l.WriteRate > 0 {
		lim.rates = ratelimit.NewPerKey(l.WriteRate, l.WriteBurst, rateOwners)
	}
	return lim
}

// limited reports whether the owner's changes have limits.
func (l *limiter) limited(owner string) bool { return l != nil && owner != LocalOwner }

// allow takes a change from the owner's write rate.
func (l *limiter) allow(op, owner string, now time.Time) error {
	if !l.limited(owner) || l.rates == nil || l.rates.Allow(owner, now) {
		return nil
	}
	return &Error{Op: op, Problem: TooFast, Reason: fmt.Sprintf(
		"you are making changes faster than this server keeps them (%s a minute at most); wait a moment and try again",
		thousands(int64(l.WriteRate*60)))}
}

// checkNote is checkNote, and the note's length within the limits.
func (s *Store) checkNote(owner, note string) (string, error) {
	note, err := checkNote(note)
	if err != nil || !s.limits.limited(owner) || s.limits.NoteChars <= 0 {
		return note, err
	}
	if n := utf8.RuneCountInString(note); n > s.limits.NoteChars {
		return "", &Error{Op: "the note", Problem: NoteTooLong, Reason: fmt.Sprintf(
			"it is %s characters long, and this server keeps notes of up to %s",
			thousands(int64(n)), thousands(int64(s.limits.NoteChars)))}
	}
	return note, nil
}

// roomForHighlight refuses a new highlight of an owner who has as many as
// the limits keep. It runs in the change's transaction, which holds the
// owner's write lock: the count stays true until the highlight is made.
func (s *Store) roomForHighlight(ctx context.Context, tx *sql.Tx, op, owner string) error {
	if !s.limits.limited(owner) || s.limits.Highlights <= 0 {
		return nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, s.d.sql("SELECT COUNT(*) FROM highlights WHERE owner = ?"), owner).Scan(&n); err != nil {
		return err
	}
	if n < s.limits.Highlights {
		return nil
	}
	have := thousands(int64(n)) + " highlights"
	if n == 1 {
		have = "a highlight"
	}
	return &Error{Op: op, Path: s.path, Problem: TooManyHighlights, Reason: fmt.Sprintf(
		"you have %s, the most this server keeps for one reader; delete some to make room", have)}
}

// thousands writes a count with its thousands grouped: 1,000.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
