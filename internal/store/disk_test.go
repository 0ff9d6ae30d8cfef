package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A read-only disk: the store opens for reading, says at once that nothing
// new will be kept and why, refuses every change with that reason, and
// leaves the file as it is.
func TestReadOnlyDisk(t *testing.T) {
	if !inMountNamespace(t) {
		return
	}
	dir := t.TempDir()
	mount(t, "tmpfs", dir, "tmpfs", 0, "size=4m")
	path := filepath.Join(dir, "analyst.db")
	data := goodDatabase(t, path)
	remountReadOnly(t, dir, false)

	s, err := Open(ctx, path)
	if s == nil || !errors.Is(err, ErrReadOnly) {
		t.Fatalf("Open: %v, %v; want a store that reads and ErrReadOnly", s, err)
	}
	defer s.Close()
	want := "nothing new will be kept: the folder holding " + path + " cannot be written; what it holds is shown"
	if err.Error() != want || s.ReadOnly() == nil {
		t.Errorf("Open's error %q, want %q", err, want)
	}
	checkReadsButRefuses(t, s, "the folder holding "+path+" cannot be written")
	if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, data) {
		t.Errorf("the file changed: %v", err)
	}

	// No database yet, and nowhere to make one.
	fresh := filepath.Join(dir, "new", "analyst.db")
	s2, err := Open(ctx, fresh)
	if s2 != nil || !errors.Is(err, ErrReadOnly) ||
		err.Error() != "nothing will be kept: cannot create the folder "+filepath.Dir(fresh)+" (read-only file system)" {
		t.Errorf("Open on a read-only disk: %v, %v", s2, err)
	}
}

// A read-only file in a folder that can be written.
func TestReadOnlyFile(t *testing.T) {
	if !inMountNamespace(t) {
		return
	}
	path := filepath.Join(t.TempDir(), "analyst.db")
	data := goodDatabase(t, path)
	mount(t, path, path, "", syscall.MS_BIND, "")
	remountReadOnly(t, path, true)
	if err := os.WriteFile(path, nil, 0o600); !errors.Is(err, syscall.EROFS) {
		t.Fatalf("the file can still be written: %v", err)
	}
	s, err := Open(ctx, path)
	if s == nil || !errors.Is(err, ErrReadOnly) {
		t.Fatalf("Open: %v, %v; want a store that reads and ErrReadOnly", s, err)
	}
	defer s.Close()
	if want := "nothing new will be kept: " + path + " is read-only; what it holds is shown"; err.Error() != want {
		t.Errorf("Open's error %q, want %q", err, want)
	}
	checkReadsButRefuses(t, s, path+" is read-only")
	if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, data) {
		t.Errorf("the file changed: %v", err)
	}
}

// checkReadsButRefuses reads what goodDatabase wrote and tries every kind
// of change, each refused with the reason.
func checkReadsButRefuses(t *testing.T, s *Store, why string) {
	t.Helper()
	r, err := s.Load(ctx, LocalOwner)
	if err != nil || len(r.Places) != 1 {
		t.Errorf("Load: %+v, %v", r, err)
	}
	if c, err := s.Counts(ctx, LocalOwner); err != nil || c["2026-01/cutler"] != 4 {
		t.Errorf("Counts: %v, %v", c, err)
	}
	hs, err := s.Highlights(ctx, LocalOwner)
	if err != nil || len(hs) != 4 {
		t.Fatalf("Highlights: %d, %v", len(hs), err)
	}
	a := article(t, loadLibrary(t, nil), "cutler")
	changes := map[string]error{
		"the place": s.SavePlace(ctx, LocalOwner, RefOf(a), Place{Section: "lead"}, 0),
	}
	_, _, changes["the highlight"] = s.Toggle(ctx, LocalOwner, a, "lead", 0)
	_, changes["the note"] = s.Annotate(ctx, LocalOwner, a, "implications", 0, "x")
	_, changes["the deletion"] = s.Delete(ctx, LocalOwner, hs[0].ID)
	for what, err := range changes {
		if !errors.Is(err, ErrReadOnly) || err.Error() != what+" was not kept: "+why {
			t.Errorf("%s: %v", what, err)
		}
	}
}

// A full disk: the change that does not fit fails, saying so; what was
// kept before stays, reads go on, and once there is room again changes
// are kept again.
func TestFullDisk(t *testing.T) {
	if !inMountNamespace(t) {
		return
	}
	dir := t.TempDir()
	mount(t, "tmpfs", dir, "tmpfs", 0, "size=1m")
	path := filepath.Join(dir, "analyst.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := article(t, loadLibrary(t, nil), "jamal")
	if _, err := s.Annotate(ctx, LocalOwner, a, "lead", 0, "kept before the disk filled"); err != nil {
		t.Fatal(err)
	}
	filler := filepath.Join(dir, "filler")
	fill(t, filler)

	big := strings.Repeat("a long note that will not fit ", 10000)
	_, err = s.Annotate(ctx, LocalOwner, a, "background", 0, big)
	if !errors.Is(err, ErrFull) || err.Error() != "the note was not kept: the disk holding "+path+" is full" {
		t.Fatalf("Annotate on a full disk: %v", err)
	}
	hs, err := s.Highlights(ctx, LocalOwner)
	if err != nil || len(hs) != 1 || hs[0].Note != "kept before the disk filled" {
		t.Fatalf("after the failed change: %+v, %v", hs, err)
	}
	if c, err := s.Counts(ctx, LocalOwner); err != nil || c[RefOf(a).Key()] != 1 {
		t.Errorf("Counts on a full disk: %v, %v", c, err)
	}

	// A new database on the full disk: nothing will be kept, and why.
	s2, err := Open(ctx, filepath.Join(dir, "other.db"))
	if s2 != nil || !errors.Is(err, ErrFull) || !strings.HasPrefix(err.Error(), "nothing will be kept: ") || !strings.HasSuffix(err.Error(), " is full") {
		t.Errorf("Open on a full disk: %v, %v", s2, err)
	}

	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	h, err := s.Annotate(ctx, LocalOwner, a, "background", 0, big)
	if err != nil || h.Note != big {
		t.Fatalf("Annotate once there is room: %v", err)
	}
	s.Close()
	integrity(t, path)
}

// fill writes a file until the disk is full.
func fill(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 4096)
	for {
		if _, err := f.Write(chunk); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			return
		}
	}
}
