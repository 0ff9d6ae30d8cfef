package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
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
	path := filepath.Join(t.TempDir(), "analyst.db")
	goodDatabase(t, path)
	next := withMigration(
		"ALTER TABLE highlights ADD COLUMN colour TEXT NOT NULL DEFAULT ''",
		"CREATE TABLE tags (owner TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (owner, name))",
	)
	for range 2 {
		s, err := open(ctx, path, next)
		if err != nil {
			t.Fatal(err)
		}
		v, _, err := version(ctx, s.db, s.d)
		if err != nil || v != 2 {
			t.Errorf("version %d, %v; want 2", v, err)
		}
		var rows, coloured int
		s.db.QueryRow("SELECT COUNT(*) FROM schema_migrations").Scan(&rows)
		if err := s.db.QueryRow("SELECT COUNT(*) FROM highlights WHERE colour = ''").Scan(&coloured); err != nil || coloured != 4 || rows != 2 {
			t.Errorf("after migrating: %d highlights with the new column (%v), %d migrations recorded", coloured, err, rows)
		}
		if hs, err := s.Highlights(ctx, LocalOwner); err != nil || len(hs) != 4 {
			t.Errorf("highlights after migrating: %d, %v", len(hs), err)
		}
		s.Close()
	}
	data, _ := os.ReadFile(path)
	s, err := Open(ctx, path)
	if s != nil || !errors.Is(err, ErrTooNew) {
		t.Fatalf("this analyst on the newer file: %v, %v", s, err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
		t.Error("the newer file changed")
	}
}

// A migration that fails changes nothing: its statements run in one
// transaction with the version's row.
func TestFailedMigrationChangesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "analyst.db")
	goodDatabase(t, path)
	bad := withMigration(
		"CREATE TABLE tags (owner TEXT NOT NULL, name TEXT NOT NULL)",
		"ALTER TABLE no_such_table ADD COLUMN x TEXT",
	)
	if s, err := open(ctx, path, bad); s != nil || err == nil {
		t.Fatalf("a failing migration opened: %v", err)
	}
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var tags int
	s.db.QueryRow("SELECT COUNT(*) FROM sqlite_master WHERE name = 'tags'").Scan(&tags)
	if v, _, _ := version(ctx, s.db, s.d); v != 1 || tags != 0 {
		t.Errorf("version %d, tags tables %d: the failed migration left a trace", v, tags)
	}
}
