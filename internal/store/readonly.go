package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
)

// opRead is the Op of OpenReadOnly's errors: "cannot read the database: …".
const opRead = "read the database"

// OpenReadOnly opens the database file at path to read what it holds, for
// a command that only prints it (analyst highlights). Unlike Open it makes
// nothing (neither the file nor its folder), migrates nothing and writes
// nothing: every change on the Store it returns fails as on a read-only
// file (ReadOnly).
//
// A path with no file, or with an empty one (a database made but never
// written), is an *Error of Problem Missing, whose Reason says so, and
// says when the file's folder is missing too. A file that is not
// analyst's database, or is newer, is refused as Open refuses it; one
// written by an older analyst is refused too, since reading it would
// first take a migration, which is the reader's to make.
func OpenReadOnly(ctx context.Context, path string) (*Store, error) {
	if IsPostgres(path) {
		return nil, &Error{Op: opRead, Path: "postgres://…", Problem: Invalid,
			Reason: "a PostgreSQL database is a server's store (analyst serve --db); the reader keeps its own in a file"}
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, missing(path)
	case err != nil:
		return nil, reading(statError(path, err))
	case fi.Mode().IsRegular() && fi.Size() == 0:
		return nil, &Error{Op: opRead, Path: path, Problem: Missing, Reason: fmt.Sprintf("%s holds nothing yet", path)}
	}
	if _, err := checkFile(path, fi); err != nil {
		return nil, reading(err)
	}
	// With no -wal file beside it, no process has the database open and
	// all it holds is in the file: read it as an immutable file, which
	// makes no -wal or -shm files (a reader in WAL mode would, and leave
	// them). With one, a process may be writing: read through the WAL.
	_, werr := os.Stat(path + "-wal")
	s, err := openReading(ctx, path, errors.Is(werr, fs.ErrNotExist))
	var se *Error
	if errors.As(err, &se) && se.Problem == Unreadable {
		// A reader in WAL mode needs the -shm file beside the database,
		// which a read-only folder cannot take: nobody can be writing the
		// file then, so read it as an immutable one.
		s, err = openReading(ctx, path, true)
	}
	if err != nil {
		return nil, reading(err)
	}
	s.setReadOnly(fmt.Sprintf("%s was opened to be read only", path), nil)
	return s, nil
}

// openReading opens the file read-only (or as immutable) and checks that
// it is analyst's database at the schema this analyst writes.
func openReading(ctx context.Context, path string, immutable bool) (*Store, error) {
	dsn := sqliteDSN(path, true)
	if !immutable {
		dsn = "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + fmt.Sprintf("_pragma=busy_timeout(%d)&mode=ro", busyTimeout.Milliseconds())
	}
	s := newSQLite(path, dsn)
	v, err := s.checkVersion(ctx)
	if err == nil && v < s.latest() {
		err = &Error{Op: opRead, Path: path, Problem: Failed,
			Reason: leftAsIs(fmt.Sprintf("%s was written by an older analyst (schema %d); open the reader once, which brings it up to date", path, v))}
	}
	if err != nil {
		s.db.Close()
		return nil, err
	}
	return s, nil
}

// missing is the error for a path with no file: whose folder is missing
// too, when it is, since a mistyped ANALYST_DB is more likely then than a
// reader who has kept nothing yet.
func missing(path string) *Error {
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return &Error{Op: opRead, Path: path, Problem: Missing,
			Reason: fmt.Sprintf("there is no database at %s: there is no folder %s", path, dir)}
	}
	return &Error{Op: opRead, Path: path, Problem: Missing, Reason: fmt.Sprintf("there is no database at %s yet", path)}
}

// reading gives an error of Open's checks the Op of OpenReadOnly.
func reading(err error) error {
	var se *Error
	if errors.As(err, &se) {
		e := *se
		e.Op, e.readable = opRead, false
		return &e
	}
	return err
}
