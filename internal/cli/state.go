package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"analyst/internal/atomicfile"
	"analyst/ui"
)

// readerState is what the reader keeps between runs: where the reader left
// each article, and which was read last.
type readerState struct {
	Version  int                 `json:"version"`
	LastRead string              `json:"last_read,omitempty"`
	Places   map[string]ui.Place `json:"places"`
}

const stateVersion = 1

// statePath is the reader's state file: $XDG_STATE_HOME/analyst/state.json,
// or ~/.local/state/analyst/state.json. ANALYST_STATE names another file.
func (a *app) statePath() (string, error) {
	if p := a.getenv("ANALYST_STATE"); p != "" {
		return p, nil
	}
	dir := a.getenv("XDG_STATE_HOME")
	if dir == "" {
		home := a.getenv("HOME")
		if home == "" {
			return "", errors.New("no HOME to keep the reading positions in")
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "analyst", "state.json"), nil
}

// loadState reads the saved state. A missing file is an empty state; a
// broken one is reported and ignored, so that it never keeps anyone from
// reading.
func (a *app) loadState() readerState {
	empty := readerState{Version: stateVersion, Places: map[string]ui.Place{}}
	path, err := a.statePath()
	if err != nil {
		return empty
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return empty
	}
	var st readerState
	if err == nil {
		err = json.Unmarshal(data, &st)
	}
	if err != nil || st.Version != stateVersion {
		fmt.Fprintf(a.stderr, "analyst: warning: ignoring the saved reading positions in %s: %v\n", path, errOr(err, "unknown version"))
		return empty
	}
	if st.Places == nil {
		st.Places = map[string]ui.Place{}
	}
	return st
}

// saveState writes the state atomically: to a temporary file beside the
// state file, synced, then renamed over it, so that a crash or a second
// reader never leaves half a file.
func (a *app) saveState(st readerState) error {
	path, err := a.statePath()
	if err != nil {
		return err
	}
	st.Version = stateVersion
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return atomicfile.Write(path, append(data, '\n'), 0o600)
}

func errOr(err error, msg string) error {
	if err != nil {
		return err
	}
	return errors.New(msg)
}
