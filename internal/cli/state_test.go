package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"analyst/ui"
)

func stateApp(t *testing.T, path string) (*app, *bytes.Buffer) {
	var stderr bytes.Buffer
	return newApp(strings.NewReader(""), &bytes.Buffer{}, &stderr, []string{"ANALYST_STATE=" + path}, nil), &stderr
}

func TestStateRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deep", "state.json")
	a, stderr := stateApp(t, path)
	if st := a.loadState(); len(st.Places) != 0 || st.LastRead != "" || stderr.Len() != 0 {
		t.Fatalf("a missing state file is an empty state, quietly: %+v %q", st, stderr)
	}
	want := readerState{LastRead: "2026-01/cutler", Places: map[string]ui.Place{
		"2026-01/cutler": {Section: "implications", Fraction: 0.25},
	}}
	if err := a.saveState(want); err != nil {
		t.Fatal(err)
	}
	got := a.loadState()
	if got.LastRead != want.LastRead || got.Places["2026-01/cutler"] != want.Places["2026-01/cutler"] {
		t.Errorf("state came back as %+v", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("saving leaves %d files in the folder, want only the state file", len(entries))
	}
}

func TestBrokenStateIsIgnoredWithAWarning(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(path, []byte(`{"version": 1, "places": {`), 0o600); err != nil {
		t.Fatal(err)
	}
	a, stderr := stateApp(t, path)
	st := a.loadState()
	if len(st.Places) != 0 || !strings.Contains(stderr.String(), path) {
		t.Errorf("a broken state file must be ignored and named: %+v %q", st, stderr)
	}
	if err := a.saveState(readerState{Places: map[string]ui.Place{"x/y": {Section: "lead"}}}); err != nil {
		t.Fatal(err)
	}
	if st := a.loadState(); st.Places["x/y"].Section != "lead" {
		t.Errorf("saving over a broken file must repair it")
	}
}
