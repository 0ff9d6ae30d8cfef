package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"syscall"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Problem is why the store could not do what it was asked.
type Problem int

// The problems a caller may tell apart (with errors.Is and the sentinels
// below, or by Error.Problem).
const (
	Failed      Problem = iota // any other failure: a disk error, a bug
	Broken                     // the file is not a database, or a damaged one
	Unreadable                 // the file cannot be opened: permissions, a directory in its place
	ReadOnly                   // the file or its disk cannot be written
	Full                       // the disk is full
	TooNew                     // the file was written by a newer analyst
	Busy                       // another process kept the database locked too long
	Invalid                    // the caller's input was refused (a note with a control character)
	NotFound                   // no such highlight for this owner
	Unavailable                // the database cannot be reached, or did not answer in time (the caller's ctx)

	// Refusals of a server's Limits: the change was not kept, and the
	// message says why in words a reader can be shown. errors.Is(err,
	// ErrLimit) matches any of them.
	TooManyHighlights // the owner has as many highlights as the store keeps for one
	NoteTooLong       // the note is longer than the store keeps
	TooFast           // the owner makes changes faster than the store keeps them
	StoreFull         // the store is over its size, and keeps nothing for new owners

	Missing // there is no database at the path (OpenReadOnly, which makes none)
)

// Sentinels for errors.Is: errors.Is(err, store.ErrFull).
var (
	ErrFailed      = errors.New("store failed")
	ErrBroken      = errors.New("store is broken")
	ErrUnreadable  = errors.New("store is unreadable")
	ErrReadOnly    = errors.New("store is read-only")
	ErrFull        = errors.New("disk is full")
	ErrTooNew      = errors.New("store is from a newer analyst")
	ErrBusy        = errors.New("store is busy")
	ErrInvalid     = errors.New("input refused")
	ErrNotFound    = errors.New("no such highlight")
	ErrUnavailable = errors.New("the database is unavailable")

	ErrTooManyHighlights = errors.New("too many highlights")
	ErrNoteTooLong       = errors.New("note too long")
	ErrTooFast           = errors.New("changes too fast")
	ErrStoreFull         = errors.New("store full for new readers")
	ErrLimit             = errors.New("over a limit of the store") // any of the four above

	ErrMissing = errors.New("no database")
)

var sentinels = [...]error{
	Failed: ErrFailed, Broken: ErrBroken, Unreadable: ErrUnreadable,
	ReadOnly: ErrReadOnly, Full: ErrFull, TooNew: ErrTooNew, Busy: ErrBusy,
	Invalid: ErrInvalid, NotFound: ErrNotFound, Unavailable: ErrUnavailable,
	TooManyHighlights: ErrTooManyHighlights, NoteTooLong: ErrNoteTooLong, TooFast: ErrTooFast, StoreFull: ErrStoreFull,
	Missing: ErrMissing,
}

// limited reports whether a problem is the refusal of a limit.
func (p Problem) limited() bool { return p >= TooManyHighlights && p <= StoreFull }

// Error is every error the store returns. Its message is written for a
// person and fits a status line: from Open, "nothing will be kept: …"
// ("nothing new will be kept: …" with a Store that reads); from a change,
// "the note was not kept: …" ("your changes are not being kept: …" when
// the database is Unavailable); from a read, "cannot read the
// highlights: …". Only Err and Path say more, for a log: the messages of a
// server's database never name it.
type Error struct {
	Op      string  // "open", what was being kept ("the highlight", "the note", "the place"), "read …" or "import …"
	Path    string  // the file concerned (the database, or a state.json being imported), or the PostgreSQL URL without its password
	Problem Problem // why, for callers that act on it
	Reason  string  // the why in words, naming the file where it helps
	Err     error   // the underlying error, when there is one

	readable bool // Open returned a Store that reads what the file holds
}

func (e *Error) Error() string {
	switch {
	case e.Op == opOpen && e.readable:
		return "nothing new will be kept: " + e.Reason
	case e.Op == opOpen:
		return "nothing will be kept: " + e.Reason
	case strings.HasPrefix(e.Op, "read "), strings.HasPrefix(e.Op, "import "):
		return "cannot " + e.Op + ": " + e.Reason
	case e.Problem == Unavailable:
		return "your changes are not being kept: " + e.Reason
	case e.Op == opKeeps:
		return "nothing you change will be kept: " + e.Reason
	}
	return e.Op + " was not kept: " + e.Reason
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Is matches the sentinel of the error's Problem, and ErrLimit for the
// refusal of any limit.
func (e *Error) Is(target error) bool {
	if target == ErrLimit {
		return e.Problem.limited()
	}
	return int(e.Problem) < len(sentinels) && sentinels[e.Problem] == target
}

// The Op of errors from Open, and from Keeps.
const (
	opOpen  = "open"
	opKeeps = "keep"
)

// fail builds the *Error for an operation that failed with err, telling
// the problem from SQLite's result code or the system's errno.
func fail(op, path string, err error) *Error {
	var se *Error
	if errors.As(err, &se) {
		return se
	}
	p := classify(err)
	r := reason(p, path, err)
	if op == opOpen && (p == Broken || p == Unreadable) {
		r = leftAsIs(r)
	}
	return &Error{Op: op, Path: path, Problem: p, Reason: r, Err: err}
}

// classify tells the problem behind an error from SQLite or the system.
func classify(err error) Problem {
	var le *sqlite.Error
	if errors.As(err, &le) {
		switch le.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
			return Broken
		case sqlite3.SQLITE_FULL:
			return Full
		case sqlite3.SQLITE_READONLY:
			return ReadOnly
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return Busy
		case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH:
			return Unreadable
		case sqlite3.SQLITE_INTERRUPT: // the caller's ctx ended the statement
			return Unavailable
		}
		return Failed
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return Unavailable
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return Full
	case errors.Is(err, syscall.EROFS):
		return ReadOnly
	case errors.Is(err, fs.ErrPermission):
		return Unreadable
	}
	return Failed
}

// reason says a problem in words for a person.
func reason(p Problem, path string, err error) string {
	switch p {
	case Broken:
		var le *sqlite.Error
		if errors.As(err, &le) && le.Code()&0xff == sqlite3.SQLITE_NOTADB {
			return fmt.Sprintf("%s is not an SQLite database", path)
		}
		return fmt.Sprintf("%s is damaged (%s)", path, short(err))
	case Full:
		return fmt.Sprintf("the disk holding %s is full", path)
	case ReadOnly:
		return fmt.Sprintf("%s cannot be written (%s)", path, short(err))
	case Busy:
		return fmt.Sprintf("%s is busy: another analyst kept it locked", path)
	case Unreadable:
		return fmt.Sprintf("%s cannot be opened (%s)", path, short(err))
	case Unavailable:
		return fmt.Sprintf("%s did not answer in time (another analyst may be writing it)", path)
	}
	return fmt.Sprintf("%s: %s", path, short(err))
}

// leftAsIs tells the reader that a file the store refused is untouched.
func leftAsIs(reason string) string { return reason + " (the file is left as it is)" }

// short is an error's message without what the path already says: a
// *fs.PathError's operation and path are dropped, and so is the number
// that ends SQLite's messages ("database disk image is malformed (11)").
func short(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *sqlite.Error
	if errors.As(err, &le) {
		msg := le.Error()
		if i := strings.LastIndex(msg, " ("); i > 0 && strings.HasSuffix(msg, ")") {
			if _, err := strconv.Atoi(msg[i+2 : len(msg)-1]); err == nil {
				return msg[:i]
			}
		}
		return msg
	}
	return err.Error()
}
