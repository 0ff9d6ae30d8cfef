package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// snapshotDir is every file under dir with its contents, to check that
// nothing was made, changed or removed.
func snapshotDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if !fi.IsDir() {
			data, err := os.ReadFile(p)
			files[p] = string(data)
			return err
		}
		files[p+"/"] = ""
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// OpenReadOnly reads what a database holds, and makes, migrates and
// changes nothing: the folder is as it was, byte for byte, and every
// change is refused.
func TestOpenReadOnlyReadsAndWritesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "analyst.db")
	fillStore(t, path)
	before := snapshotDir(t, dir)

	s, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatalf("OpenReadOnly: %v", err)
	}
	hs, err := s.Highlights(ctx, LocalOwner)
	if err != nil || len(hs) != 4 {
		t.Fatalf("Highlights: %d, %v", len(hs), err)
	}
	a := article(t, loadLibrary(t, nil), "cutler")
	if _, _, err := s.Toggle(ctx, LocalOwner, a, "lead", 0); !errors.Is(err, ErrReadOnly) {
		t.Errorf("a change on a store opened to be read: %v", err)
	}
	s.Close()
	after := snapshotDir(t, dir)
	for p, data := range before {
		if after[p] != data {
			t.Errorf("%s changed", p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%s was made", p)
		}
	}
}

// Where there is no database, OpenReadOnly says so, and makes neither
// the file nor its folder.
func TestOpenReadOnlyMakesNothing(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path, says string
	}{
		{filepath.Join(dir, "analyst.db"), "there is no database at " + filepath.Join(dir, "analyst.db") + " yet"},
		{filepath.Join(dir, "no", "such", "x.db"), "there is no folder " + filepath.Join(dir, "no", "such")},
		{empty, empty + " holds nothing yet"},
	} {
		s, err := OpenReadOnly(ctx, c.path)
		var e *Error
		if s != nil || !errors.As(err, &e) || e.Problem != Missing || !errors.Is(err, ErrMissing) || !strings.Contains(e.Reason, c.says) {
			t.Errorf("OpenReadOnly(%s) = %v, %v; want Missing saying %q", c.path, s, err, c.says)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("OpenReadOnly made files: %v", entries)
	}
	if data, _ := os.ReadFile(empty); len(data) != 0 {
		t.Errorf("the empty file was written")
	}
}

// A file that is not analyst's database is refused by OpenReadOnly as
// by Open, and left as it was.
func TestOpenReadOnlyRefusesWhatOpenRefuses(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "analyst.db")
	junk := []byte("somebody's notes\n")
	if err := os.WriteFile(path, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := OpenReadOnly(ctx, path)
	if s != nil || !isProblem(err, Broken) || !strings.HasPrefix(err.Error(), "cannot read the database: ") {
		t.Errorf("OpenReadOnly of a text file: %v", err)
	}
	if data, _ := os.ReadFile(path); !bytes.Equal(data, junk) {
		t.Errorf("the file changed")
	}
}

// While another process has the database open (a reader), what it
// committed is in its WAL, not yet in the file: OpenReadOnly reads it.
func TestOpenReadOnlyReadsWhatAnOpenStoreCommitted(t *testing.T) {
	path := filepath.Join(t.TempDir(), "analyst.db")
	w, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	a := article(t, loadLibrary(t, nil), "jamal")
	if _, _, err := w.Toggle(ctx, LocalOwner, a, "lead", 0); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Fatalf("the writer has no WAL: %v", err)
	}
	s, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if hs, err := s.Highlights(ctx, LocalOwner); err != nil || len(hs) != 1 || hs[0].Article != "jamal" {
		t.Errorf("read %v, %v; want the highlight the writer committed", hs, err)
	}
}
