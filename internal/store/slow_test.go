package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"
)

// holdOwnerLock takes, from a connection of the test's own, the lock that
// the owner's changes wait for, as a slow change in another process
// would hold it: SQLite's write lock, or PostgreSQL's advisory lock on the
// owner. The returned function lets go.
func holdOwnerLock(t *testing.T, e engine, s *Store, dsn, owner string) (release func()) {
	t.Helper()
	var db *sql.DB
	var hold, free string
	if e.postgres() {
		db = pgDB(t, dsn)
		hold = "SELECT pg_advisory_lock(1634623852, hashtext($1))"
		free = "SELECT pg_advisory_unlock(1634623852, hashtext($1))"
		if !strings.Contains(s.d.lockWrites, "1634623852, hashtext(") {
			t.Fatalf("the test takes another lock than the store's: %s", s.d.lockWrites)
		}
	} else {
		var err error
		if db, err = sql.Open("sqlite", sqliteDSN(dsn, false)); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		hold, free = "BEGIN IMMEDIATE", "ROLLBACK"
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	args := []any{owner}
	if !e.postgres() {
		args = nil
	}
	if _, err := conn.ExecContext(ctx, hold, args...); err != nil {
		t.Fatal(err)
	}
	return func() {
		if _, err := conn.ExecContext(ctx, free, args...); err != nil {
			t.Error(err)
		}
		conn.Close()
	}
}

// A change that waits for a lock held elsewhere (a slow database) returns
// when the caller's ctx ends, as Unavailable, in words for the reader;
// reads go on meanwhile, and once the lock is let go changes are kept
// again. The store's write lock wait (busy_timeout, 10 s) never holds a
// caller past its ctx.
func TestSlowDatabaseReturnsWithTheCallersContext(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		dsn := e.newDSN(t)
		s := openAt(t, dsn, Limits{})
		a := article(t, loadLibrary(t, nil), "cutler")
		owner := "SHA256:slow"
		if _, _, err := s.Toggle(ctx, owner, a, "lead", 0); err != nil {
			t.Fatal(err)
		}
		release := holdOwnerLock(t, e, s, dsn, owner)
		for range 2 { // and a second time: the first left nothing in the way
			wait, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
			start := time.Now()
			_, _, err := s.Toggle(wait, owner, a, "background", 0)
			took := time.Since(start)
			cancel()
			if !errors.Is(err, ErrUnavailable) || !strings.HasPrefix(err.Error(), "your changes are not being kept: ") ||
				!strings.Contains(err.Error(), "did not answer in time") {
				t.Fatalf("a change held up: %v", err)
			}
			if took >= busyTimeout {
				t.Errorf("the change waited %v, past its ctx", took)
			}
			t.Logf("%v after %v", err, took.Round(time.Millisecond))
		}
		if hs, err := s.Highlights(ctx, owner); err != nil || len(hs) != 1 {
			t.Errorf("reading while a change is held up: %d, %v", len(hs), err)
		}
		release()
		if _, on, err := s.Toggle(ctx, owner, a, "background", 0); err != nil || !on {
			t.Errorf("the change once the lock is let go: %v", err)
		}
	})
}
