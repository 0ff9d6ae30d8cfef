package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
)

// Store is a reader's database. One Store is shared by every goroutine and
// every session of a process; each call names the owner it acts for.
type Store struct {
	db          *sql.DB
	d           dialect
	path        string
	readOnly    *Error        // Open's error when the store was opened for reading only
	readOnlyWhy string        // why, for the errors of refused changes
	writing     chan struct{} // holds the token of the one writer in this process
	checked     *checked      // the file's check before the first change; guarded by writing
	now         func() time.Time
	newID       func() int64
}

// How long a write waits for another process's write lock before giving
// up with Busy. A write holds the lock for a few milliseconds.
const busyTimeout = 10 * time.Second

// maxConns bounds the SQLite connections one Store opens: reads run side
// by side (WAL), writes one at a time anyway.
const maxConns = 4

// sqliteMagic is how every SQLite database file starts.
const sqliteMagic = "SQLite format 3\x00"

// Open opens the database file at path, creating it (and its folder, 0700;
// the file 0600) when it does not exist, and migrating its schema when it
// is behind. Open is cheap when the schema is current: one connection and
// two small reads.
//
// When the file cannot be used, Open returns nil and an *Error whose
// message says, for the reader's status line, that nothing will be kept
// and why; the file is then left exactly as it was. The one exception is a
// file that can be read but not written (a read-only file or disk): Open
// returns a Store that reads (what it holds is shown) with an *Error of
// Problem ReadOnly, and every change on it fails with that error.
func Open(ctx context.Context, path string) (*Store, error) {
	if err := prepareFile(path); err != nil {
		return nil, err
	}
	s := newStore(sqliteDialect, path, sqliteDSN(path, false))
	err := s.start(ctx)
	if err == nil {
		return s, s.ReadOnly()
	}
	s.db.Close()
	var se *Error
	if !errors.As(err, &se) || se.Problem != Unreadable {
		return nil, err
	}
	// The file could be read (prepareFile read its first bytes) but SQLite
	// could not open it: in WAL mode it must create its -wal and -shm files
	// beside the database, which a read-only folder or disk refuses. Nobody
	// can be writing it then, so read it as an immutable file.
	ro := newStore(sqliteDialect, path, sqliteDSN(path, true))
	if v, verr := ro.checkVersion(ctx); verr != nil || v != schemaVersion() {
		ro.db.Close()
		return nil, err
	}
	ro.setReadOnly(fmt.Sprintf("the folder holding %s cannot be written", path), se.Err)
	return ro, ro.readOnly
}

// newStore makes a Store over a DSN; no connection is opened yet.
func newStore(d dialect, path, dsn string) *Store {
	db, _ := sql.Open("sqlite", dsn) // only fails for an unknown driver
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	return &Store{
		db: db, d: d, path: path,
		writing: make(chan struct{}, 1),
		now:     time.Now,
		newID:   randomID,
	}
}

// randomID is a new highlight's id: random, so that no engine needs a
// sequence, and below 2^53 so that JSON readers keep it exact.
func randomID() int64 { return 1 + rand.Int64N(1<<53-1) }

// sqliteDSN is the modernc.org/sqlite DSN for the file: every connection
// waits for the write lock (busy_timeout), syncs each commit to the disk
// (synchronous=FULL: in WAL mode a commit survives a power cut once it
// returns), and begins every transaction with the write lock
// (_txlock=immediate), so that a transaction never fails halfway because
// another process wrote first. The store only begins transactions to
// write; reads are single statements.
func sqliteDSN(path string, immutable bool) string {
	q := fmt.Sprintf("_pragma=busy_timeout(%d)&_pragma=synchronous(FULL)&_txlock=immediate", busyTimeout.Milliseconds())
	if immutable {
		q += "&mode=ro&immutable=1"
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q
}

// start opens the first connection, checks that the file is analyst's
// database, migrates it when behind, and checks that it can be written.
func (s *Store) start(ctx context.Context) error {
	v, err := s.checkVersion(ctx)
	if err != nil {
		return err
	}
	if v == 0 {
		// A new database: WAL, so that readers never wait for a writer and a
		// commit is one append and one sync. The mode is kept in the file.
		if _, err := s.db.ExecContext(ctx, "PRAGMA journal_mode=WAL"); err != nil {
			return fail(opOpen, s.path, err)
		}
	}
	if v < schemaVersion() {
		return s.migrate(ctx) // a change like any other: the file is checked first
	}
	// Write a row as it is, and roll it back: a read-only file or disk
	// says so now, not at the reader's first highlight. (Taking the write
	// lock is not enough: in WAL mode a read-only file grants it.)
	tx, err := s.db.BeginTx(ctx, nil)
	if err == nil {
		_, err = tx.ExecContext(ctx, s.d.sql("UPDATE schema_migrations SET applied_ms = applied_ms WHERE version = ?"), v)
		tx.Rollback()
	}
	if err != nil {
		e := fail(opOpen, s.path, err)
		if e.Problem != ReadOnly {
			return e
		}
		s.setReadOnly(fmt.Sprintf("%s is read-only", s.path), err)
	}
	return nil
}

// setReadOnly makes the store refuse changes, saying why.
func (s *Store) setReadOnly(why string, err error) {
	s.readOnlyWhy = why
	s.readOnly = &Error{Op: opOpen, Path: s.path, Problem: ReadOnly, Err: err, readable: true,
		Reason: why + "; what it holds is shown"}
}

// checkVersion reads the schema version, refusing a file that is not
// analyst's database: not SQLite, damaged, another program's, or newer.
func (s *Store) checkVersion(ctx context.Context) (int, error) {
	v, err := version(ctx, s.db, s.d)
	if err != nil {
		return 0, fail(opOpen, s.path, err)
	}
	if v > schemaVersion() {
		return 0, tooNew(s.path, v)
	}
	if v == 0 {
		var tables int
		if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM sqlite_master").Scan(&tables); err != nil {
			return 0, fail(opOpen, s.path, err)
		}
		if tables > 0 {
			return 0, &Error{Op: opOpen, Path: s.path, Problem: Broken,
				Reason: leftAsIs(fmt.Sprintf("%s is another program's database, not analyst's", s.path))}
		}
	}
	return v, nil
}

// quickCheck runs SQLite's check of the file's structure.
func (s *Store) quickCheck(ctx context.Context) error {
	var res string
	if err := s.db.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&res); err != nil {
		return fail(opOpen, s.path, err)
	}
	if res != "ok" {
		return &Error{Op: opOpen, Path: s.path, Problem: Broken,
			Reason: leftAsIs(fmt.Sprintf("%s is damaged (%s)", s.path, res))}
	}
	return nil
}

// prepareFile makes sure path is a file SQLite may open: it creates the
// folder (0700) and an empty file (0600) when there is none, and refuses,
// without touching it, a directory, a device or a file that does not start
// as an SQLite database does. An empty file is a new database.
func prepareFile(path string) error {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return create(path)
	}
	if err != nil {
		return fail(opOpen, path, err)
	}
	if fi.IsDir() {
		return &Error{Op: opOpen, Path: path, Problem: Unreadable,
			Reason: leftAsIs(fmt.Sprintf("%s is a directory, not a database file", path))}
	}
	if !fi.Mode().IsRegular() {
		return &Error{Op: opOpen, Path: path, Problem: Unreadable,
			Reason: leftAsIs(fmt.Sprintf("%s is not a regular file", path))}
	}
	if fi.Size() == 0 {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return fail(opOpen, path, err)
	}
	defer f.Close()
	head := make([]byte, 100) // the database header
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return fail(opOpen, path, err)
	}
	if n < len(sqliteMagic) || string(head[:len(sqliteMagic)]) != sqliteMagic {
		return &Error{Op: opOpen, Path: path, Problem: Broken,
			Reason: leftAsIs(fmt.Sprintf("%s is not an SQLite database", path))}
	}
	// SQLite writes whole pages: a file that ends within one was cut short.
	page := int64(binary.BigEndian.Uint16(head[16:18]))
	if page == 1 {
		page = 65536
	}
	if n < len(head) || page < 512 || page&(page-1) != 0 || fi.Size()%page != 0 {
		return &Error{Op: opOpen, Path: path, Problem: Broken,
			Reason: leftAsIs(fmt.Sprintf("%s is not a whole SQLite database (cut short?)", path))}
	}
	return nil
}

// create makes the folder and an empty database file, private to the
// reader. Two processes creating it at once both succeed.
func create(path string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		e := fail(opOpen, path, err)
		e.Reason = fmt.Sprintf("cannot create the folder %s (%s)", dir, short(err))
		return e
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		e := fail(opOpen, path, err)
		if e.Problem != Full {
			e.Reason = fmt.Sprintf("cannot create %s (%s)", path, short(err))
		}
		return e
	}
	return f.Close()
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// ReadOnly returns why changes are refused (an *Error of Problem
// ReadOnly), or nil when the store can be written.
func (s *Store) ReadOnly() error {
	if s.readOnly == nil {
		return nil
	}
	return s.readOnly
}

// Close closes the database. Everything was already committed when it was
// made; Close only lets go of the file (and, the last one out, folds the
// WAL back into it).
func (s *Store) Close() error { return s.db.Close() }
