package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const stateJSON = `{"version":1,"last_read":"2026-01/cutler","places":{
	"2026-01/cutler":{"section":"implications","fraction":0.42,"end":false},
	"2026-01/jamal":{"section":"conclusions","fraction":1,"end":true},
	"nonsense":{"section":"lead","fraction":0.5}}}`

func TestImportStateOnce(t *testing.T) {
	s := openTemp(t)
	path := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(path, []byte(stateJSON), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := s.ImportState(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Imported{Places: 2, Skipped: 1, Renamed: path + ".imported"}); got != want {
		t.Errorf("ImportState = %+v, want %+v", got, want)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("state.json is still there: %v", err)
	}
	if data, err := os.ReadFile(path + ".imported"); err != nil || string(data) != stateJSON {
		t.Errorf("the renamed file: %q, %v", data, err)
	}
	want := Reading{
		Last: ArticleRef{Issue: "2026-01", Article: "cutler"},
		Places: map[string]Place{
			"2026-01/cutler": {Section: "implications", Fraction: 0.42},
			"2026-01/jamal":  {Section: "conclusions", Fraction: 1, End: true},
		},
		Progress: map[string]Progress{
			"2026-01/cutler": {},
			"2026-01/jamal":  {Furthest: 1, Finished: true},
		},
	}
	r, err := s.Load(ctx, LocalOwner)
	if err != nil || !reflect.DeepEqual(r, want) {
		t.Errorf("Load = %+v, %v\nwant %+v", r, err, want)
	}
	// The second run finds no file and does nothing.
	if got, err := s.ImportState(ctx, path); err != nil || got != (Imported{}) {
		t.Errorf("second ImportState = %+v, %v", got, err)
	}
	if r2, _ := s.Load(ctx, LocalOwner); !reflect.DeepEqual(r2, want) {
		t.Errorf("after the second run: %+v", r2)
	}
}

// The store's own places are newer than the file's: an import adds what
// is missing and changes nothing else. A file imported again (restored
// from a backup) takes the next free name.
func TestImportStateKeepsTheStoresPlaces(t *testing.T) {
	s := openTemp(t)
	cutler := ArticleRef{Issue: "2026-01", Article: "cutler"}
	if err := s.SavePlace(ctx, LocalOwner, cutler, Place{Section: "conclusions", Fraction: 0.9}, 0.95); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	for _, name := range []string{path, path + ".imported"} {
		if err := os.WriteFile(name, []byte(stateJSON), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.ImportState(ctx, path)
	if err != nil || got.Places != 1 || got.Renamed != path+".imported.2" {
		t.Fatalf("ImportState = %+v, %v", got, err)
	}
	r, _ := s.Load(ctx, LocalOwner)
	if r.Places[cutler.Key()] != (Place{Section: "conclusions", Fraction: 0.9}) || r.Last != cutler || r.Progress[cutler.Key()].Furthest != 0.95 {
		t.Errorf("the store's place changed: %+v", r)
	}
	if _, ok := r.Places["2026-01/jamal"]; !ok {
		t.Errorf("jamal's place was not added: %+v", r.Places)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("files: %v", entries)
	}
}

// A broken state.json is reported and left exactly as it is.
func TestImportBrokenStateIsLeftAlone(t *testing.T) {
	s := openTemp(t)
	for name, body := range map[string]string{
		"not json":      `{"version":1,"places":{`,
		"wrong version": `{"version":2,"places":{}}`,
		"not an object": `[1,2,3]`,
		"null":          `null`,
		"wrong types":   `{"version":1,"places":{"2026-01/cutler":{"fraction":"half"}}}`,
		"binary":        "\x00\x01\x02\xff",
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "state.json")
			if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := s.ImportState(ctx, path)
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("ImportState: %v, want ErrInvalid", err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "cannot import "+path+": ") || !strings.Contains(msg, "left as it is") {
				t.Errorf("message %q", msg)
			}
			if data, err := os.ReadFile(path); err != nil || string(data) != body {
				t.Errorf("the file changed: %q, %v", data, err)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("files: %v", entries)
			}
			if r, _ := s.Load(ctx, LocalOwner); len(r.Places) != 0 {
				t.Errorf("places imported: %+v", r.Places)
			}
		})
	}
}

// A state.json that is a directory is reported, not imported.
func TestImportUnreadableState(t *testing.T) {
	s := openTemp(t)
	path := filepath.Join(t.TempDir(), "state.json")
	if err := os.Mkdir(path, 0o700); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportState(ctx, path); err == nil || !strings.Contains(err.Error(), "left as it is") {
		t.Errorf("ImportState of a directory: %v", err)
	}
	if fi, err := os.Stat(path); err != nil || !fi.IsDir() {
		t.Errorf("the directory: %v", err)
	}
}

// Two readers starting at once import the file once between them.
func TestImportStateTwiceAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "analyst.db")
	state := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(state, []byte(stateJSON), 0o600); err != nil {
		t.Fatal(err)
	}
	results := make(chan Imported, 2)
	for range 2 {
		go func() {
			s, err := Open(ctx, path)
			if err != nil {
				t.Error(err)
				results <- Imported{}
				return
			}
			defer s.Close()
			got, err := s.ImportState(ctx, state)
			if err != nil {
				t.Error(err)
			}
			results <- got
		}()
	}
	a, b := <-results, <-results
	if a.Places+b.Places != 2 || a.Skipped > 1 || b.Skipped > 1 {
		t.Errorf("imported %+v and %+v; want 2 places between them", a, b)
	}
	if a.Renamed+b.Renamed != state+".imported" {
		t.Errorf("renamed to %q and %q", a.Renamed, b.Renamed)
	}
	if entries, _ := os.ReadDir(filepath.Dir(state)); len(entries) != 1 || entries[0].Name() != "state.json.imported" {
		t.Errorf("files: %v", entries)
	}
}
