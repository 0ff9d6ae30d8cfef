package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// goodDatabase makes a database file with a highlight and a place,
// closed, and returns its bytes.
func goodDatabase(t *testing.T, path string) []byte {
	t.Helper()
	fillStore(t, path)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// fillStore makes a store (a file, or a PostgreSQL URL) with four highlights
// and a place, and closes it.
func fillStore(t *testing.T, dsn string) {
	t.Helper()
	s, err := OpenDSN(ctx, dsn, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	a := article(t, loadLibrary(t, nil), "cutler")
	for i := range 4 {
		if _, err := s.Annotate(ctx, LocalOwner, a, "implications", i, strings.Repeat("a long note ", 500)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SavePlace(ctx, LocalOwner, RefOf(a), Place{Section: "lead"}, 0.1); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// A file that is not analyst's database is refused with a message for the
// status line, and left exactly as it was, with nothing beside it.
func TestBrokenFileIsLeftAsItIs(t *testing.T) {
	good := goodDatabase(t, filepath.Join(t.TempDir(), "good.db"))
	other := func() []byte {
		p := filepath.Join(t.TempDir(), "other.db")
		s := newSQLite(p, sqliteDSN(p, false))
		if _, err := s.db.Exec("CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER)"); err != nil {
			t.Fatal(err)
		}
		s.Close()
		data, _ := os.ReadFile(p)
		return data
	}()
	newer := func() []byte {
		p := filepath.Join(t.TempDir(), "newer.db")
		goodDatabase(t, p)
		s := newSQLite(p, sqliteDSN(p, false))
		if _, err := s.db.Exec("INSERT INTO schema_migrations VALUES (99, 0)"); err != nil {
			t.Fatal(err)
		}
		s.Close()
		data, _ := os.ReadFile(p)
		return data
	}()
	garbage := bytes.Repeat([]byte("not a database\x00\xff"), 700)

	for _, tc := range []struct {
		name    string
		data    []byte
		problem Problem
		says    string
	}{
		{"garbage", garbage, Broken, "is not an SQLite database"},
		{"a text file", []byte("hello\n"), Broken, "is not an SQLite database"},
		{"only the magic", []byte(sqliteMagic), Broken, "is damaged (it ends within a page: cut short?)"},
		{"truncated to 100 bytes", good[:100], Broken, "is damaged (it ends within a page: cut short?)"},
		{"truncated to a page", good[:4096], Broken, "is damaged (database disk image is malformed)"},
		{"truncated to half", good[:len(good)/2], Broken, "is damaged (database disk image is malformed)"},
		{"truncated by a byte", good[:len(good)-1], Broken, "is damaged (it ends within a page: cut short?)"},
		{"another program's database", other, Broken, "another program's database"},
		{"a newer analyst's", newer, TooNew, "written by a newer analyst (schema 99"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "analyst.db")
			if err := os.WriteFile(path, tc.data, 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := Open(context.Background(), path)
			if s != nil {
				s.Close()
			}
			var e *Error
			if !errors.As(err, &e) || e.Problem != tc.problem || s != nil {
				t.Fatalf("Open: %v (%T), store %v; want problem %v", err, err, s, tc.problem)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "nothing will be kept: "+path) || !strings.Contains(msg, tc.says) ||
				!strings.HasSuffix(msg, "(the file is left as it is)") {
				t.Errorf("message %q", msg)
			}
			if data, err := os.ReadFile(path); err != nil || !bytes.Equal(data, tc.data) {
				t.Errorf("the file changed (%d bytes, was %d): %v", len(data), len(tc.data), err)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("files beside it: %v", entries)
			}
		})
	}
}

// A page damaged in the middle of the file goes unseen by Open, which
// reads only what it needs; the first change checks the whole file, is
// refused, and so is every change after it. Reading what can be read goes
// on. The file is left as it is.
func TestDamagedPageIsNeverWritten(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "analyst.db")
	good := goodDatabase(t, path)
	damaged := append([]byte(nil), good...)
	copy(damaged[len(damaged)/2:], bytes.Repeat([]byte{0xA5}, 4096))
	if err := os.WriteFile(path, damaged, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if _, err := s.Load(ctx, LocalOwner); err != nil {
		t.Errorf("Load: %v", err)
	}
	a := article(t, loadLibrary(t, nil), "cutler")
	for range 2 {
		err := s.SavePlace(ctx, LocalOwner, RefOf(a), Place{Section: "background"}, 0.2)
		if !errors.Is(err, ErrBroken) || !strings.HasPrefix(err.Error(), "the place was not kept: "+path+" is damaged") ||
			!strings.HasSuffix(err.Error(), "(the file is left as it is)") {
			t.Errorf("SavePlace: %v", err)
		}
	}
	if _, _, err := s.Toggle(ctx, LocalOwner, a, "lead", 0); !errors.Is(err, ErrBroken) {
		t.Errorf("Toggle: %v", err)
	}
	s.Close()
	if data, err := os.ReadFile(path); err != nil || !bytes.Equal(data, damaged) {
		t.Errorf("the file changed: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files beside it: %v", entries)
	}
}

// A directory, a device or an unreadable file in the database's place.
func TestDatabaseThatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	asDir := filepath.Join(dir, "dir.db")
	if err := os.Mkdir(asDir, 0o700); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for path, says := range map[string]string{
		asDir: "is a directory, not a database file (it is left as it is)",
		fifo:  "is not a regular file (it is left as it is)",
	} {
		s, err := Open(context.Background(), path)
		if s != nil || !errors.Is(err, ErrUnreadable) || !strings.HasSuffix(err.Error(), says) {
			t.Errorf("Open(%s): %v, %v", path, s, err)
		}
	}
	if entries, _ := os.ReadDir(asDir); len(entries) != 0 {
		t.Errorf("files in the directory: %v", entries)
	}
}

// A file damaged behind the store's back, after its first change was
// checked: the change that finds the damage fails, and so does every
// change after it, wherever it writes.
func TestDamageFoundByAChangeStopsAllChanges(t *testing.T) {
	path := filepath.Join(t.TempDir(), "analyst.db")
	goodDatabase(t, path)
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := article(t, loadLibrary(t, nil), "cutler")
	if err := s.SavePlace(ctx, LocalOwner, RefOf(a), Place{Section: "lead"}, 0.1); err != nil {
		t.Fatal(err) // checked, and kept
	}
	// Fold the WAL into the file, then damage the places' page, which
	// SavePlace writes and Annotate does not.
	var root int
	if err := s.db.QueryRow("SELECT rootpage FROM sqlite_master WHERE name = 'places'").Scan(&root); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	s.db.SetMaxIdleConns(0) // no connection keeps pages read before the damage
	s.db.SetMaxIdleConns(maxConns)
	data, _ := os.ReadFile(path)
	copy(data[(root-1)*4096:root*4096], bytes.Repeat([]byte{0xA5}, 4096))
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.SavePlace(ctx, LocalOwner, RefOf(a), Place{Section: "background"}, 0.2); !errors.Is(err, ErrBroken) {
		t.Fatalf("SavePlace on the damaged file: %v", err)
	}
	if _, err := s.Annotate(ctx, LocalOwner, a, "lead", 0, "x"); !errors.Is(err, ErrBroken) {
		t.Errorf("the next change: %v", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, data) {
		t.Error("the damaged file changed")
	}
}
