package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"time"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
)

// Store is a reader's database. One Store is shared by every goroutine and
// every session of a process; each call names the owner it acts for.
type Store struct {
	db          *sql.DB
	d           dialect
	path        string        // the file, or the PostgreSQL URL without its password
	readOnly    *Error        // Open's error when the store was opened for reading only
	readOnlyWhy string        // why, for the errors of refused changes
	writing     chan struct{} // holds the token of the one writer in this process (SQLite)
	checked     *checked      // the file's check before the first change; guarded by writing
	schema      []migration   // the migrations, oldest first
	limits      *limiter      // the server's Limits; nil for none
	now         func() time.Time
	newID       func() int64
}

// How long a write waits for another process's write lock before giving
// up with Busy. A write holds the lock for a few milliseconds.
const busyTimeout = 10 * time.Second

// maxConns bounds the SQLite connections one Store opens: reads run side
// by side (WAL), writes one at a time anyway.
const maxConns = 4

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
// Problem ReadOnly, and every change on it fails with that error. A
// PostgreSQL URL is refused (Invalid): it is a server's store (OpenDSN),
// and would otherwise be taken for a file's name.
func Open(ctx context.Context, path string) (*Store, error) {
	if IsPostgres(path) {
		return nil, &Error{Op: opOpen, Path: "postgres://…", Problem: Invalid,
			Reason: "a PostgreSQL database is a server's store (analyst serve --db); the reader keeps its own in a file"}
	}
	return open(ctx, path, migrations)
}

// OpenDSN opens the store a server names (its --db): a PostgreSQL
// database, by a postgres:// or postgresql:// URL, shared by every
// instance that names it; or else the SQLite file at that path. The
// schema is created or migrated at once, under a lock that makes a second
// instance starting at the same time wait and find it current. Every
// owner but LocalOwner is held to lim (DefaultLimits for a public
// server; Limits{} for none).
//
// A URL's connect_timeout (5 seconds when it sets none) bounds each
// connection attempt; ctx bounds the whole of Open. A PostgreSQL that
// cannot be reached is an *Error of Problem Unavailable: the caller may
// retry later, or serve readers without a store. Errors are Open's.
func OpenDSN(ctx context.Context, dsn string, lim Limits) (*Store, error) {
	s, err := openWith(ctx, dsn, migrations)
	if s != nil {
		s.limits = newLimiter(lim)
	}
	return s, err
}

// openWith opens a DSN with a schema's migrations (the tests' own).
func openWith(ctx context.Context, dsn string, schema []migration) (*Store, error) {
	if IsPostgres(dsn) {
		return openPostgres(ctx, dsn, schema)
	}
	return open(ctx, dsn, schema)
}

// open is Open with a schema's migrations (the tests' own, to migrate).
func open(ctx context.Context, path string, schema []migration) (*Store, error) {
	wal, err := prepareFile(path)
	if err != nil {
		return nil, err
	}
	s := newSQLite(path, sqliteDSN(path, false))
	s.schema = schema
	err = s.start(ctx, wal)
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
	ro := newSQLite(path, sqliteDSN(path, true))
	ro.schema = schema
	if v, verr := ro.checkVersion(ctx); verr != nil || v != ro.latest() {
		ro.db.Close()
		return nil, err
	}
	ro.setReadOnly(fmt.Sprintf("the folder holding %s cannot be written", path), se.Err)
	return ro, ro.readOnly
}

// newSQLite makes a Store over an SQLite DSN; no connection is opened yet.
func newSQLite(path, dsn string) *Store {
	db, _ := sql.Open("sqlite", dsn) // only fails for an unknown driver
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	return newStore(sqliteDialect, path, db)
}

// newStore makes a Store over a database.
func newStore(d dialect, path string, db *sql.DB) *Store {
	return &Store{
		db: db, d: d, path: path,
		writing: make(chan struct{}, 1),
		schema:  migrations,
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
// database, puts it in WAL mode unless it is (wal), migrates it when
// behind, and checks that it can be written.
func (s *Store) start(ctx context.Context, wal bool) error {
	v, err := s.checkVersion(ctx)
	if err != nil {
		return err
	}
	if !wal && s.d.fileChecks {
		s.useWAL(ctx)
	}
	if v < s.latest() {
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
		e := s.fail(opOpen, err)
		if e.Problem != ReadOnly {
			return e
		}
		s.setReadOnly(fmt.Sprintf("%s is read-only", s.name()), err)
	}
	return nil
}

// useWAL puts the database in WAL mode, which the file keeps: readers
// never wait for a writer, and a commit is one append and one sync. It is
// done when the file is new; when another process holds the file at that
// moment (two first starts at once), the switch can fail at once with
// SQLITE_BUSY, whatever the busy timeout. That is no failure: the other
// process switches it, or the next Open does, and until then the rollback
// journal, with synchronous=FULL, keeps every commit as safely.
func (s *Store) useWAL(ctx context.Context) {
	s.db.ExecContext(ctx, "PRAGMA journal_mode=WAL")
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
	v, foreign, err := version(ctx, s.db, s.d)
	if err != nil {
		return 0, s.fail(opOpen, err)
	}
	if foreign {
		return 0, &Error{Op: opOpen, Path: s.path, Problem: Broken,
			Reason: s.leftAsIs(fmt.Sprintf("%s is another program's database, not analyst's", s.name()))}
	}
	if v > s.latest() {
		return 0, s.tooNew(v)
	}
	return v, nil
}

// quickCheck runs SQLite's check of the file's structure.
func (s *Store) quickCheck(ctx context.Context) error {
	var res string
	if err := s.db.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&res); err != nil {
		return s.fail(opOpen, err)
	}
	if res != "ok" {
		return &Error{Op: opOpen, Path: s.path, Problem: Broken,
			Reason: leftAsIs(fmt.Sprintf("%s is damaged (%s)", s.path, res))}
	}
	return nil
}

// Path is the database file, or the PostgreSQL URL without its password
// (for logs: a reader's messages never name a server's database).
func (s *Store) Path() string { return s.path }

// name is the database as a reader's messages name it: the file, or "the
// server's database".
func (s *Store) name() string {
	if s.d.postgres {
		return serverDatabase
	}
	return s.path
}

// fail builds the *Error for an operation that failed with err, in the
// engine's terms.
func (s *Store) fail(op string, err error) *Error {
	if s.d.postgres {
		return failPG(op, s.path, err)
	}
	return fail(op, s.path, err)
}

// leftAsIs tells the reader that a database the store refused is
// untouched.
func (s *Store) leftAsIs(reason string) string {
	if s.d.postgres {
		return reason + " (the database is left as it is)"
	}
	return leftAsIs(reason)
}

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
