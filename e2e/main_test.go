package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// analystBin is the binary TestMain builds.
var analystBin string

// TestMain builds analyst once, from the repository's top folder, and runs
// every test there, so that paths such as articles/ and testdata/ read as
// they do in the README.
func TestMain(m *testing.M) {
	if err := os.Chdir(".."); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	dir, err := os.MkdirTemp("", "analyst-e2e-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	analystBin = filepath.Join(dir, "analyst")
	// What the binary keeps by default (a server's readers.db, a reader's
	// store) goes under the run's folder, never the home of whoever runs
	// the tests.
	os.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
	build := exec.Command("go", "build", "-o", analystBin, ".")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintf(os.Stderr, "building analyst: %v\n", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
