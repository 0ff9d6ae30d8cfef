package store

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
)

// withMigration is the schema's migrations and one more, as a later
// release would have them.
func withMigration(statements ...string) []migration {
	next := append([]migration(nil), migrations...)
	return append(next, migration{version: next[len(next)-1].version + 1, statements: statements})
}

// A database of the first release reaches a later schema when a later
// analyst opens it, its data kept, each migration applied once; this
// analyst then refuses it as too new and leaves it as it is.
func TestMigrationFromTheFirstRelease(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		dsn := e.newDSN(t)
		fillStore(t, dsn)
		next := withMigration(
			"ALTER TABLE highlights ADD COLUMN colour TEXT NOT NULL DEFAULT ''",
			"CREATE TABLE tags (owner TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (owner, name))",
		)
		for range 2 {
			s, err := openWith(ctx, dsn, next)
			if err != nil {
				t.Fatal(err)
			}
			v, _, err := version(ctx, s.db, s.d)
			if err != nil || v != 2 {
				t.Errorf("version %d, %v; want 2", v, err)
			}
			var coloured int
			if err := s.db.QueryRow("SELECT COUNT(*) FROM highlights WHERE colour = ''").Scan(&coloured); err != nil || coloured != 4 {
				t.Errorf("after migrating: %d highlights with the new column, %v", coloured, err)
			}
			if n := migrationRows(t, s); n != 2 {
				t.Errorf("%d migrations recorded, want 2", n)
			}
			if hs, err := s.Highlights(ctx, LocalOwner); err != nil || len(hs) != 4 {
				t.Errorf("highlights after migrating: %d, %v", len(hs), err)
			}
			s.Close()
		}
		var data []byte
		if !e.postgres() {
			data, _ = os.ReadFile(dsn)
		}
		s, err := OpenDSN(ctx, dsn, Limits{})
		if s != nil || !errors.Is(err, ErrTooNew) {
			t.Fatalf("this analyst on the newer database: %v, %v", s, err)
		}
		if !strings.Contains(err.Error(), "left as it is") {
			t.Errorf("the message does not say the database is untouched: %v", err)
		}
		if after, _ := os.ReadFile(dsn); !e.postgres() && !bytes.Equal(after, data) {
			t.Error("the newer file changed")
		}
		if e.postgres() {
			var n int
			if err := pgDB(t, dsn).QueryRow("SELECT COUNT(*) FROM schema_migrations").Scan(&n); err != nil || n != 2 {
				t.Errorf("the newer database has %d migrations recorded (%v), want 2", n, err)
			}
		}
	})
}

// A migration that fails changes nothing: its statements run in one
// transaction with the version's row (PostgreSQL's DDL is transactional
// too).
func TestFailedMigrationChangesNothing(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		dsn := e.newDSN(t)
		fillStore(t, dsn)
		bad := withMigration(
			"CREATE TABLE tags (owner TEXT NOT NULL, name TEXT NOT NULL)",
			"ALTER TABLE no_such_table ADD COLUMN x TEXT",
		)
		if s, err := openWith(ctx, dsn, bad); s != nil || err == nil {
			t.Fatalf("a failing migration opened: %v", err)
		}
		s := openAt(t, dsn, Limits{})
		if v, _, _ := version(ctx, s.db, s.d); v != 1 {
			t.Errorf("version %d after a failed migration", v)
		}
		if _, err := s.db.Exec("SELECT COUNT(*) FROM tags"); err == nil {
			t.Error("the failed migration left its table")
		}
	})
}
