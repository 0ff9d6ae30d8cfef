package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestOpenCreatesAPrivateFileAndFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", "analyst", "analyst.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for p, want := range map[string]os.FileMode{path: 0o600, filepath.Dir(path): 0o700 | os.ModeDir} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode() != want {
			t.Errorf("%s: mode %v, want %v", p, fi.Mode(), want)
		}
	}
	// The WAL and its index are as private as the file.
	a := article(t, loadLibrary(t, nil), "cutler")
	if _, _, err := s.Toggle(ctx, LocalOwner, a, "lead", 0); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if fi, err := os.Stat(path + suffix); err != nil || fi.Mode() != 0o600 {
			t.Errorf("%s: %v, %v", suffix, fi.Mode(), err)
		}
	}
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	// Every connection of the pool syncs each commit and waits for locks.
	conns := make([]interface{ Close() error }, 0, maxConns)
	for range maxConns {
		c, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		var sync, timeout int
		if err := c.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync); err != nil || sync != 2 {
			t.Errorf("synchronous = %d, %v; want 2 (FULL)", sync, err)
		}
		if err := c.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&timeout); err != nil || timeout != int(busyTimeout.Milliseconds()) {
			t.Errorf("busy_timeout = %d, %v", timeout, err)
		}
	}
	for _, c := range conns {
		c.Close()
	}
	if v, _, err := version(ctx, s.db, s.d); err != nil || v != s.latest() {
		t.Errorf("version = %d, %v; want %d", v, err, s.latest())
	}
}

// A path with characters that mean something in a URI is still the file.
func TestOpenPathWithURICharacters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a?b#c%20d e.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	fi, err := os.Stat(path)
	if err != nil || fi.Size() == 0 {
		t.Fatalf("the database is not at %s: %v", path, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("files beside it: %v", entries)
	}
}

// Opening again migrates nothing: schema_migrations keeps one row per
// version, applied once.
func TestReopenDoesNotMigrateAgain(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		dsn := e.newDSN(t)
		for range 3 {
			s, err := OpenDSN(context.Background(), dsn, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
		}
		s := openAt(t, dsn, Limits{})
		if n := migrationRows(t, s); n != len(migrations) {
			t.Errorf("schema_migrations has %d rows; want %d", n, len(migrations))
		}
	})
}

// migrationRows counts the migrations recorded in the store.
func migrationRows(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow("SELECT COUNT(*) FROM schema_migrations").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// First starts at once, each with a Store of its own, as several
// processes or instances would start: all open, one migrates, none fails
// on the others' tables.
func TestConcurrentFirstOpen(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		dsn := e.newDSN(t)
		const starts = 8
		errs := make(chan error, starts)
		for range starts {
			go func() {
				s, err := OpenDSN(context.Background(), dsn, Limits{})
				if err == nil {
					err = s.Close()
				}
				errs <- err
			}()
		}
		for range starts {
			if err := <-errs; err != nil {
				t.Error(err)
			}
		}
		if !e.postgres() {
			integrity(t, dsn)
		}
		if n := migrationRows(t, openAt(t, dsn, Limits{})); n != len(migrations) {
			t.Errorf("schema_migrations has %d rows; want %d", n, len(migrations))
		}
	})
}

func TestDialectBindsDollarPlaceholders(t *testing.T) {
	pg := dialect{dollarPlaceholders: true, greatest: "GREATEST"}
	got := pg.sql("UPDATE t SET a = GREATEST(a, ?) WHERE b = ? AND c = ?")
	if want := "UPDATE t SET a = GREATEST(a, $1) WHERE b = $2 AND c = $3"; got != want {
		t.Errorf("postgres: %q, want %q", got, want)
	}
	if got := sqliteDialect.sql("SET a = GREATEST(a, ?)"); got != "SET a = MAX(a, ?)" {
		t.Errorf("sqlite: %q", got)
	}
}
