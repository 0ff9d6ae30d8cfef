package store

import (
	"context"
	"database/sql"
)

// write runs fn in a transaction of its own and commits it before
// returning: the change is on the disk when write returns nil. The
// transaction holds the database's write lock from its first statement
// (BEGIN IMMEDIATE), so what fn reads stays true until it commits, and
// another process's writer waits for it (busy timeout) instead of failing.
// In this process writers queue on s.writing first, so that they wait in
// turn, as long as ctx lets them, rather than in SQLite's busy loop. op
// names the change in errors ("the highlight"); owner, whose change it
// is.
func (s *Store) write(ctx context.Context, op, owner string, fn func(tx *sql.Tx) error) error {
	if s.readOnly != nil {
		return &Error{Op: op, Path: s.path, Problem: ReadOnly, Reason: s.readOnlyWhy, Err: s.readOnly.Err}
	}
	select {
	case s.writing <- struct{}{}:
	case <-ctx.Done():
		return fail(op, s.path, ctx.Err())
	}
	defer func() { <-s.writing }()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fail(op, s.path, err)
	}
	if s.d.lockWrites != "" {
		if _, err := tx.ExecContext(ctx, s.d.bind(s.d.lockWrites), owner); err != nil {
			tx.Rollback()
			return fail(op, s.path, err)
		}
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return fail(op, s.path, err)
	}
	if err := tx.Commit(); err != nil {
		return fail(op, s.path, err)
	}
	return nil
}
