package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"io"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
)

// staleConn reports whether err came from a pooled connection that
// PostgreSQL had already closed (it restarted, failed over, or ended idle
// sessions): the connection pool learns it only by using it. What ran on
// it did not happen (a transaction on it was rolled back), so the call
// can be made again on a new connection. A new connection that fails is
// not stale: the database is unavailable.
func staleConn(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "57P01", "57P02", "08003", "08006": // terminated by an administrator, a crash; connection gone
			return true
		}
		return false
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		return false
	}
	return errors.Is(err, pgconn.ErrConnClosed) || errors.Is(err, driver.ErrBadConn) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE)
}

// again reports whether a call that failed with err is made once more: on
// PostgreSQL, when its connection was stale and the caller still waits.
func (s *Store) again(ctx context.Context, err error) bool {
	return s.d.postgres && err != nil && ctx.Err() == nil && staleConn(err)
}

// read runs a read, once more when its connection was stale.
func (s *Store) read(ctx context.Context, f func() error) error {
	err := f()
	if s.again(ctx, err) {
		err = f()
	}
	return err
}
