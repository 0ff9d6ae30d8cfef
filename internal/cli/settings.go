package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"analyst/internal/atomicfile"
)

// readerSettings are the reader's preferences kept between runs, beside
// the state file: the text's measure, when the reader changed it.
type readerSettings struct {
	Measure int `json:"measure,omitempty"`
}

// settingsPath is settings.json in the state file's folder.
func (a *app) settingsPath() (string, error) {
	p, err := a.statePath()
	if err != nil {
		return "", err
	}
	return filepath.Join(filepath.Dir(p), "settings.json"), nil
}

// loadSettings reads the settings; missing ones are the defaults, and
// broken ones are said and ignored, never in the way of reading.
func (a *app) loadSettings() readerSettings {
	var s readerSettings
	path, err := a.settingsPath()
	if err != nil {
		return s
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s
	}
	if err == nil {
		err = json.Unmarshal(data, &s)
	}
	if err != nil {
		fmt.Fprintf(a.stderr, "analyst: warning: ignoring the settings in %s: %v\n", path, err)
		return readerSettings{}
	}
	return s
}

// saveSettings writes the settings atomically.
func (a *app) saveSettings(s readerSettings) error {
	path, err := a.settingsPath()
	if err != nil {
		return err
	}
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return atomicfile.Write(path, append(data, '\n'), 0o600)
}

// keepMeasure keeps the text's measure, as the reader changes it, for
// the next run: a kill after the change does not lose it.
func (a *app) keepMeasure(measure int) error {
	return a.saveSettings(readerSettings{Measure: measure})
}
