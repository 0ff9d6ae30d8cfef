package keeper

import (
	"errors"
	"fmt"

	"analyst/internal/store"
	"analyst/ui"
)

// keepErr is a store's error as the reader takes it: its sentence, and
// what it means for the change (ui.ErrUnavailable, ui.ErrRefused).
type keepErr struct {
	err  error
	kind error
}

func (e *keepErr) Error() string   { return e.err.Error() }
func (e *keepErr) Unwrap() []error { return []error{e.err, e.kind} }

// wrap marks a store's error with what it means for the reader's change:
// the database is away (held, and made again when it is back), or a
// limit refused it for good (a control character in a note counts: the
// reader cannot type one), as did a highlight gone from the store (a
// note for one another session deleted): trying again would not do.
func wrap(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, store.ErrUnavailable):
		return &keepErr{err, ui.ErrUnavailable}
	case errors.Is(err, store.ErrLimit), errors.Is(err, store.ErrInvalid), errors.Is(err, store.ErrNotFound):
		return &keepErr{err, ui.ErrRefused}
	}
	return err
}

// opChanges names what an unavailable database stops keeping, in its
// errors: "your changes are not being kept: …".
const opChanges = "your changes"

// notBeingKept is an error of an unavailable database, whatever call met
// it, as the reader is told it: "your changes are not being kept: the
// server's database is unavailable".
func notBeingKept(err error) *store.Error {
	reason := "the database is unavailable"
	var se *store.Error
	if errors.As(err, &se) {
		if se.Op == opChanges {
			return se
		}
		reason = se.Reason
	}
	return &store.Error{Op: opChanges, Problem: store.Unavailable, Reason: reason, Err: err}
}

// noArticle refuses a change to an article the library does not have:
// trying again would not find it either.
func noArticle(key string) error {
	return &keepErr{fmt.Errorf("no article %q", key), ui.ErrRefused}
}
