package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A folder of the database's path that is a file is named in the message,
// not the database inside it, which cannot exist.
func TestAFolderThatIsAFileIsNamed(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "analyst")
	if err := os.WriteFile(folder, []byte("a file"), 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(folder, "analyst.db")
	for name, open := range map[string]func() (*Store, error){
		"Open":         func() (*Store, error) { return Open(ctx, path) },
		"OpenReadOnly": func() (*Store, error) { return OpenReadOnly(ctx, path) },
	} {
		s, err := open()
		var e *Error
		if s != nil || !errors.As(err, &e) || e.Problem != Unreadable {
			t.Fatalf("%s: %v", name, err)
		}
		if want := folder + " is a file, not a folder, so analyst.db cannot be in it"; !strings.Contains(err.Error(), want) {
			t.Errorf("%s says %q, want %q", name, err, want)
		}
	}
	if data, _ := os.ReadFile(folder); string(data) != "a file" {
		t.Errorf("the file in the folder's place changed")
	}
}
