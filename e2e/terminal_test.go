package e2e

// The reader in terminals that are not what it expects.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDumbTerminalSaysWhyThereIsNoReader: with TERM=dumb, a terminal that
// cannot draw a screen, analyst prints instead of opening the reader, and
// says why, once, on stderr.
func TestDumbTerminalSaysWhyThereIsNoReader(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{nil, {"read", "2"}, {"2"}} {
		errFile := filepath.Join(t.TempDir(), "stderr")
		command := paneCommand("EXIT", []string{"TERM=dumb", "ANALYST_STATE=" + filepath.Join(t.TempDir(), "state.json"), analystBin}, args...)
		command = strings.Replace(command, "; echo EXIT", " 2>"+shellQuote(errFile)+"; echo EXIT", 1)
		tm := startPane(t, 100, 30, "EXIT", command)
		if code, s := tm.waitExit(screenDeadline); code != "0" {
			t.Fatalf("analyst %q with TERM=dumb exited %s:\n%s", args, code, s)
		}
		stderr, err := os.ReadFile(errFile)
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(stderr), "TERM=dumb"); n != 1 {
			t.Errorf("analyst %q with TERM=dumb: stderr names TERM=dumb %d times, want once:\n%s", args, n, stderr)
		}
		if !strings.Contains(string(stderr), "reader") {
			t.Errorf("analyst %q with TERM=dumb does not say the reader did not open:\n%s", args, stderr)
		}
	}
}
