package store

import (
	"errors"
	"path/filepath"
)

// DefaultPath is the reader's database file: the file ANALYST_DB names, or
// $XDG_DATA_HOME/analyst/analyst.db, or ~/.local/share/analyst/analyst.db.
// getenv is the caller's environment (os.Getenv, or a test's). A relative
// XDG_DATA_HOME is ignored, as the XDG spec asks.
func DefaultPath(getenv func(string) string) (string, error) {
	if p := getenv("ANALYST_DB"); p != "" {
		return p, nil
	}
	dir := getenv("XDG_DATA_HOME")
	if !filepath.IsAbs(dir) {
		home := getenv("HOME")
		if home == "" {
			return "", errors.New("no HOME to keep highlights and places in (set ANALYST_DB to a file)")
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "analyst", "analyst.db"), nil
}
