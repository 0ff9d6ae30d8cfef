package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// longestLine is the most characters on a row of the text, left of the
// sidebar, between the header and the status line.
func longestLine(s screen) int {
	n := 0
	for _, row := range s[1 : len(s)-1] {
		left, _, _ := strings.Cut(row, "│")
		n = max(n, len([]rune(strings.TrimSpace(left))))
	}
	return n
}

// TestMeasureIsKeptAndSet: - narrows the text; the measure is kept in
// settings.json, beside the state file, for the next run; --width sets it
// for one run.
func TestMeasureIsKeptAndSet(t *testing.T) {
	t.Parallel()
	state := filepath.Join(t.TempDir(), "state.json")
	run := func(args ...string) *pane {
		return startPane(t, 140, 40, "EXIT", paneCommand("EXIT", []string{"TERM=xterm-256color", "HOME=" + filepath.Dir(state), "ANALYST_STATE=" + state, analystBin}, args...))
	}
	tm := run("2")
	s := tm.waitFor("the reader", readerAt(2))
	wide := longestLine(s)
	if wide < 66 || wide > 72 {
		t.Errorf("the text runs %d characters a line, want 66 to 72:\n%s", wide, s)
	}
	tm.keys("-", "-")
	tm.waitFor("the text narrowed", func(s screen) bool { return readerAt(2)(s) && longestLine(s) <= wide-6 })
	tm.quit()
	var saved struct{ Measure int }
	data, err := os.ReadFile(filepath.Join(filepath.Dir(state), "settings.json"))
	if err == nil {
		err = json.Unmarshal(data, &saved)
	}
	if err != nil || saved.Measure != 66 {
		t.Errorf("the settings keep measure %d (%v), want 66:\n%s", saved.Measure, err, data)
	}

	tm = run("2")
	tm.waitFor("the narrower text again", func(s screen) bool { return readerAt(2)(s) && longestLine(s) <= 62 && longestLine(s) >= 56 })
	tm.quit()

	tm = run("--width", "50", "2")
	tm.waitFor("the text at --width 50", func(s screen) bool { return readerAt(2)(s) && longestLine(s) <= 46 && longestLine(s) >= 40 })
	tm.quit()
}

// TestMeasureIsKeptBeforeAKill: the measure is kept when it changes, so a
// reader killed right after starts the next run at it.
func TestMeasureIsKeptBeforeAKill(t *testing.T) {
	t.Parallel()
	state := filepath.Join(t.TempDir(), "state.json")
	settings := filepath.Join(filepath.Dir(state), "settings.json")
	run := func(args ...string) *pane {
		return startPane(t, 140, 40, "EXIT", paneCommand("EXIT", []string{"TERM=xterm-256color", "HOME=" + filepath.Dir(state), "ANALYST_STATE=" + state, analystBin}, args...))
	}
	tm := run("2")
	wide := longestLine(tm.waitFor("the reader", readerAt(2)))
	tm.keys("-", "-")
	tm.waitFor("the text narrowed", func(s screen) bool { return readerAt(2)(s) && longestLine(s) <= wide-6 })
	deadline := time.Now().Add(screenDeadline)
	for {
		data, _ := os.ReadFile(settings)
		var saved struct{ Measure int }
		if json.Unmarshal(data, &saved) == nil && saved.Measure == 66 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("settings.json does not keep measure 66 while the reader runs: %q", data)
		}
		time.Sleep(pollInterval)
	}
	out, err := exec.Command("pgrep", "-P", tm.flag("#{pane_pid}")).Output()
	if err != nil {
		t.Fatalf("no reader process: %v", err)
	}
	if err := exec.Command("kill", "-KILL", strings.TrimSpace(string(out))).Run(); err != nil {
		t.Fatal(err)
	}
	tm.waitExit(screenDeadline)

	tm = run("2")
	tm.waitFor("the narrower text after the kill", func(s screen) bool { return readerAt(2)(s) && longestLine(s) <= 62 && longestLine(s) >= 56 })
	tm.quit()
}
