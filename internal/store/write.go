package store

import (
	"context"
	"database/sql"
	"errors"
)

// write runs fn in a transaction of its own and commits it before
// returning: the change is kept when write returns nil. The transaction
// holds the owner's write lock from its first statement (SQLite: the
// database's, BEGIN IMMEDIATE; PostgreSQL: an advisory lock on the
// owner), so what fn reads stays true until it commits, and another
// process's writer waits for it instead of failing. On SQLite the
// process's writers queue on s.writing first, so that they wait in turn,
// as long as ctx lets them, rather than in SQLite's busy loop. On
// PostgreSQL a change that found its connection stale (the server
// restarted) is made once more, on a new one. op names the change in
// errors ("the highlight"); owner, whose change it is. fn may run twice:
// it sets what it returns afresh each time. write applies no Limits: a
// reader's changes go through change.
func (s *Store) write(ctx context.Context, op, owner string, fn func(tx *sql.Tx) error) error {
	if s.readOnly != nil {
		return &Error{Op: op, Path: s.path, Problem: ReadOnly, Reason: s.readOnlyWhy, Err: s.readOnly.Err}
	}
	if s.d.oneWriter {
		select {
		case s.writing <- struct{}{}:
		case <-ctx.Done():
			return s.fail(op, ctx.Err())
		}
		defer func() { <-s.writing }()
	}
	if s.d.fileChecks {
		if err := s.checkOnce(ctx); err != nil {
			return &Error{Op: op, Path: s.path, Problem: err.Problem, Reason: err.Reason, Err: err.Err}
		}
	}
	sent, err := s.transact(ctx, owner, fn)
	if !sent && s.again(ctx, err) {
		_, err = s.transact(ctx, owner, fn)
	}
	if err != nil {
		return s.failed(op, err)
	}
	return nil
}

// transact runs fn in a transaction that holds the owner's write lock,
// and commits it. sent reports whether COMMIT was sent: a change that
// failed before it was rolled back and may be made again (on PostgreSQL,
// when the connection was stale); after it, it may have been kept.
func (s *Store) transact(ctx context.Context, owner string, fn func(tx *sql.Tx) error) (sent bool, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	if s.d.lockWrites != "" {
		if _, err := tx.ExecContext(ctx, s.d.bind(s.d.lockWrites), owner); err != nil {
			tx.Rollback()
			return false, err
		}
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return false, err
	}
	return true, tx.Commit()
}

// change is write for a reader's change, within the store's Limits: the
// owner's write rate, and the store's size for an owner it keeps nothing
// of yet. The limits on what the change makes (highlights, a note's
// length) are checked by the change itself.
func (s *Store) change(ctx context.Context, op, owner string, fn func(tx *sql.Tx) error) error {
	if err := s.limits.allow(op, owner, s.now()); err != nil {
		return err
	}
	if err := s.admit(ctx, op, owner); err != nil {
		return err
	}
	return s.write(ctx, op, owner, fn)
}

// failed is the error of a change that failed. When SQLite found the file
// damaged, the change wrote nothing, and no change after it will write:
// the verdict is kept as checkOnce's. It runs holding s.writing.
func (s *Store) failed(op string, err error) *Error {
	e := s.fail(op, err)
	if s.d.fileChecks && e.Problem == Broken && (s.checked == nil || s.checked.err == nil) {
		e.Reason = leftAsIs(e.Reason)
		s.checked = &checked{err: e}
	}
	return e
}

// checkOnce checks the whole file (SQLite's quick_check) before the
// store's first change, and remembers a failure: a damaged page that Open
// did not read must not be written around, since SQLite could reuse it
// (a damaged free list hands out pages that hold data). Open stays cheap;
// the first change pays for the check, about a millisecond per megabyte.
// It runs holding s.writing, which guards s.checked.
func (s *Store) checkOnce(ctx context.Context) *Error {
	if s.checked != nil {
		return s.checked.err
	}
	if err := s.quickCheck(ctx); err != nil {
		var e *Error
		if !errors.As(err, &e) || e.Problem != Broken {
			return nil // not a verdict on the file (a cancelled ctx, a busy disk): check again next time
		}
		s.checked = &checked{err: e}
		return e
	}
	s.checked = &checked{}
	return nil
}

// checked is the verdict of checkOnce.
type checked struct{ err *Error }
