package cli

import (
	"errors"
	"path/filepath"
)

// statePath is the state file earlier versions kept the reading places
// in, which the store imports once: $XDG_STATE_HOME/analyst/state.json, or
// ~/.local/state/analyst/state.json. ANALYST_STATE names another file.
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
