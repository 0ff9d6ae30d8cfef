package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx", for the tests' own connections
)

// pgDB opens a connection pool of the test's own to a PostgreSQL URL.
func pgDB(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestIsPostgres(t *testing.T) {
	for dsn, want := range map[string]bool{
		"postgres://u@h/db":   true,
		"postgresql://u@h/db": true,
		"POSTGRES://u@h/db":   true,
		"/var/lib/analyst.db": false,
		"postgres.db":         false,
		"postgres:/x":         false,
	} {
		if got := IsPostgres(dsn); got != want {
			t.Errorf("IsPostgres(%q) = %v", dsn, got)
		}
	}
}

// A database of another program's is refused, and left as it was.
func TestPostgresForeignDatabaseIsLeftAlone(t *testing.T) {
	dsn := engines[1].newDSN(t)
	db := pgDB(t, dsn)
	if _, err := db.Exec("CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER)"); err != nil {
		t.Fatal(err)
	}
	s, err := OpenDSN(ctx, dsn, Limits{})
	if s != nil || !errors.Is(err, ErrBroken) || !strings.Contains(err.Error(), "another program's database") ||
		!strings.Contains(err.Error(), "the database is left as it is") {
		t.Fatalf("OpenDSN of another program's database: %v", err)
	}
	if strings.Contains(err.Error(), "127.0.0.1") {
		t.Errorf("the message names the server: %v", err)
	}
	var tables int
	if err := db.QueryRow("SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()").Scan(&tables); err != nil || tables != 1 {
		t.Errorf("%d tables after the refusal, %v", tables, err)
	}
}

// A URL that cannot be parsed, a database that does not exist and a
// server nobody runs are told apart, in words, without the password.
func TestOpenDSNErrors(t *testing.T) {
	c := pg.Cluster(t)
	free, err := freeLoopbackPort()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		dsn  string
		want error
		says string
	}{
		{"postgres://u:secret@[::1/db", ErrInvalid, "the database URL is not valid"},
		{c.DSN("no_such_database"), ErrUnreadable, "cannot be opened"},
		{"postgres://u:secret@127.0.0.1:" + free + "/db?sslmode=disable", ErrUnavailable, "the server's database is unavailable"},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		s, err := OpenDSN(ctx, tc.dsn, Limits{})
		cancel()
		if s != nil || !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.says) {
			t.Errorf("OpenDSN(%s): %v; want %v saying %q", tc.dsn, err, tc.want, tc.says)
			continue
		}
		t.Logf("%s: %v", tc.want, err)
		if !strings.HasPrefix(err.Error(), "nothing will be kept: ") || strings.Contains(err.Error(), "secret") {
			t.Errorf("OpenDSN(%s): %q", tc.dsn, err)
		}
		var e *Error
		if errors.As(err, &e) && strings.Contains(e.Path, "secret") {
			t.Errorf("Error.Path holds the password: %q", e.Path)
		}
	}
}

// The URL kept for logs has no password.
func TestPathHasNoPassword(t *testing.T) {
	dsn := engines[1].newDSN(t)
	withPassword := strings.Replace(dsn, "postgres@", "postgres:hunter2@", 1)
	s := openAt(t, withPassword, Limits{})
	if strings.Contains(s.Path(), "hunter2") || !strings.HasPrefix(s.Path(), "postgres://postgres@127.0.0.1:") {
		t.Errorf("Path() = %q", s.Path())
	}
}

// The reader's Open takes a file, never a PostgreSQL URL for one: it
// refuses it, and makes no file of that name.
func TestOpenRefusesAPostgresURL(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	s, err := Open(ctx, "postgres://u:secret@localhost/db")
	if s != nil || !errors.Is(err, ErrInvalid) || strings.Contains(err.Error(), "secret") ||
		!strings.HasPrefix(err.Error(), "nothing will be kept: a PostgreSQL database is a server's store") {
		t.Fatalf("Open of a URL: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("Open made %v", entries)
	}
}
