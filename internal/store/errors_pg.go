package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
)

// serverDatabase is how a reader's messages name a PostgreSQL store: never
// by its address, which is the server's business (and is in Error.Path).
const serverDatabase = "the server's database"

// failPG builds the *Error for an operation on PostgreSQL that failed with
// err.
func failPG(op, path string, err error) *Error {
	var se *Error
	if errors.As(err, &se) {
		return se
	}
	p := classifyPG(err)
	r := reasonPG(p, err)
	if op == opOpen && p == Broken {
		r += " (the database is left as it is)"
	}
	return &Error{Op: op, Path: path, Problem: p, Reason: r, Err: err}
}

// classifyPG tells the problem behind an error from PostgreSQL, pgx or
// the network: a server that went away, or cannot be reached, or did not
// answer within the caller's ctx, is Unavailable.
func classifyPG(err error) Problem {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return classifySQLState(pe.Code)
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	switch {
	case errors.As(err, &ce), errors.As(err, &ne), pgconn.Timeout(err),
		errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled),
		errors.Is(err, driver.ErrBadConn), errors.Is(err, pgconn.ErrConnClosed),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, syscall.EPIPE), errors.Is(err, syscall.ENOENT):
		return Unavailable
	}
	return Failed
}

// classifySQLState tells the problem from an error's SQLSTATE (see
// PostgreSQL's "Error codes" appendix).
func classifySQLState(code string) Problem {
	switch code {
	case "25006": // read_only_sql_transaction: a standby, or default_transaction_read_only
		return ReadOnly
	case "53100": // disk_full
		return Full
	case "40001", "40P01", "55P03", "57014": // serialization, deadlock, lock not available, statement timeout
		return Busy
	case "57P01", "57P02", "57P03", "53300": // shutting down, crashed, starting up; too many connections
		return Unavailable
	case "3D000", "42501": // no such database; no permission
		return Unreadable
	case "XX001", "XX002": // data_corrupted, index_corrupted
		return Broken
	}
	switch {
	case strings.HasPrefix(code, "08"): // connection exceptions
		return Unavailable
	case strings.HasPrefix(code, "28"): // authentication failed
		return Unreadable
	}
	return Failed
}

// reasonPG says a problem in words for a reader: what it means for them,
// with the server's own message where it helps the person running it.
func reasonPG(p Problem, err error) string {
	switch p {
	case Unavailable:
		if pgconn.Timeout(err) || errors.Is(err, context.DeadlineExceeded) {
			return serverDatabase + " did not answer in time"
		}
		return serverDatabase + " is unavailable"
	case ReadOnly:
		return serverDatabase + " is read-only"
	case Full:
		return serverDatabase + " has no room left"
	case Busy:
		return serverDatabase + " is busy"
	}
	msg := err.Error()
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		msg = pe.Message
	}
	switch p {
	case Unreadable:
		return fmt.Sprintf("%s cannot be opened (%s)", serverDatabase, msg)
	case Broken:
		return fmt.Sprintf("%s is damaged (%s)", serverDatabase, msg)
	}
	return fmt.Sprintf("%s failed (%s)", serverDatabase, msg)
}
