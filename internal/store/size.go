package store

import (
	"context"
	"database/sql"
	"sync"
	"time"
)

// sizeEvery is how often the store's size is measured for
// Limits.StoreBytes: a change in between uses the last measure. The store
// grows by a few kilobytes a change, so it can pass the limit by what its
// readers write in that time.
const sizeEvery = 30 * time.Second

// storeSize is the store's last measured size.
type storeSize struct {
	mu    sync.Mutex // held for no I/O: a slow database never holds up another caller here
	bytes int64
	at    time.Time // zero: never measured
}

// overSize reports whether the store is above Limits.StoreBytes, measuring
// it when the last measure is sizeEvery old.
func (s *Store) overSize(ctx context.Context) (bool, error) {
	l := s.limits
	now := s.now()
	l.size.mu.Lock()
	bytes, at := l.size.bytes, l.size.at
	l.size.mu.Unlock()
	if at.IsZero() || now.Sub(at) >= sizeEvery || now.Before(at) {
		// Callers that find it stale at once all measure: it is cheap, and
		// none waits for another's.
		if err := s.db.QueryRowContext(ctx, s.d.size).Scan(&bytes); err != nil {
			return false, err
		}
		l.size.mu.Lock()
		l.size.bytes, l.size.at = bytes, now
		l.size.mu.Unlock()
	}
	return bytes > l.StoreBytes, nil
}

// admit refuses a change of an owner the store keeps nothing of while the
// store is over Limits.StoreBytes.
func (s *Store) admit(ctx context.Context, op, owner string) error {
	if !s.limits.limited(owner) || s.limits.StoreBytes <= 0 {
		return nil
	}
	over, err := s.overSize(ctx)
	if err != nil {
		return s.fail(op, err)
	}
	if !over {
		return nil
	}
	known, err := s.keepsSomething(ctx, s.db, owner)
	if err != nil {
		return s.fail(op, err)
	}
	if known {
		return nil
	}
	return &Error{Op: op, Path: s.path, Problem: StoreFull,
		Reason: "this server is full, and keeps nothing for new readers (you can read as before)"}
}

// keepsSomething reports whether the store holds anything of the owner: a
// place, the article read last, or a highlight.
func (s *Store) keepsSomething(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, owner string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, s.d.sql(`SELECT
		CASE WHEN EXISTS (SELECT 1 FROM readers WHERE owner = ?)
			OR EXISTS (SELECT 1 FROM places WHERE owner = ?)
			OR EXISTS (SELECT 1 FROM highlights WHERE owner = ?) THEN 1 ELSE 0 END`), owner, owner, owner).Scan(&n)
	return n == 1, err
}

// Keeps reports whether the owner's changes are kept: nil, or the *Error
// that every change would return now: ReadOnly, StoreFull (an owner the
// store keeps nothing of, while it is over Limits.StoreBytes), or
// Unavailable. It makes a read or two; a server calls it when a reader
// arrives, to tell them at once rather than at their first change. (A
// reader making changes too fast is told by the change.)
func (s *Store) Keeps(ctx context.Context, owner string) error {
	if err := s.ReadOnly(); err != nil {
		return err
	}
	if err := s.admit(ctx, opKeeps, owner); err != nil {
		return err
	}
	// The database answers (admit may have asked it nothing).
	var one int
	if err := s.db.QueryRowContext(ctx, "SELECT 1").Scan(&one); err != nil {
		return s.fail(opKeeps, err)
	}
	return nil
}
