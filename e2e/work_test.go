package e2e

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"analyst/internal/store"
)

// workCommand is a pane's command that keeps what the reader keeps in dir,
// so that a second run (or `analyst highlights`) finds it.
func workCommand(dir string, args ...string) string {
	vars := []string{"TERM=xterm-256color", "ANALYST_STATE=" + filepath.Join(dir, "state.json"),
		"ANALYST_DB=" + filepath.Join(dir, "analyst.db"), "XDG_DATA_HOME=" + dir}
	return paneCommand("EXIT", append(vars, analystBin), args...)
}

// TestSIGHUPKeepsThePlace closes the reader's terminal (tmux kills the
// session, and the reader gets SIGHUP as from a closed window), then opens
// the article again: it opens where the reader was.
func TestSIGHUPKeepsThePlace(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tm := startPane(t, 100, 30, "EXIT", workCommand(dir, "2"))
	tm.waitFor("the reader at article 2", readerAt(2))
	tm.nextSectionUntil("Implications")
	tm.keys("j", "j", "j")
	s := tm.waitFor("three lines down", func(s screen) bool { return strings.HasPrefix(s.header(), " ") && s.top() != "Implications" })
	where := s.top()
	pid := tm.flag("#{pane_pid}")
	tm.run("kill-session", "-t", "s")
	waitGone(t, pid)

	again := startPane(t, 100, 30, "EXIT", workCommand(dir, "2"))
	s = again.waitFor("the reader at article 2, where it was", func(s screen) bool { return readerAt(2)(s) && s.top() == where })
	if !strings.Contains(s.header(), "Implications") {
		t.Errorf("reopened at %q", s.header())
	}
	again.quit()
}

// waitGone waits for the pane's shell, and so the reader in it, to end.
func waitGone(t *testing.T, pid string) {
	t.Helper()
	deadline := time.Now().Add(screenDeadline)
	for time.Now().Before(deadline) {
		if _, err := os.Stat("/proc/" + pid); err != nil {
			return
		}
		time.Sleep(pollInterval)
	}
	t.Fatalf("the reader (in process %s) did not end after its terminal closed", pid)
}

// TestHighlightsEndToEnd is reading as work, as a reader does it, in tmux
// with set-clipboard on: open an article, point at a paragraph, move,
// highlight it, write a note, copy the quote; tmux's buffer holds the
// quotation and its citation; after quitting, `analyst highlights` has
// the highlight and the note, and opening the article again shows them.
func TestHighlightsEndToEnd(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tm := startPane(t, 120, 40, "EXIT", workCommand(dir, "2"))
	tm.run("set-option", "-g", "set-clipboard", "on")
	tm.waitFor("the reader at article 2", readerAt(2))

	tm.keys("v", "j", "m")
	tm.waitFor("the highlight counted in the sidebar", func(s screen) bool {
		return strings.Contains(s.sidebar(), "1 highlight") && s.has("┃Early in 2025, Armenia and Azerbaijan")
	})
	tm.keys("a")
	tm.typeText("check the March date")
	tm.keys("Enter")
	tm.waitFor("the note under its paragraph", func(s screen) bool {
		return s.has("✎ check the March date") && strings.Contains(s.status(), "Note saved")
	})
	tm.keys("y")
	tm.waitFor("the copy said on the status line", func(s screen) bool {
		return strings.Contains(s.status(), "Copied the quote (") && strings.Contains(s.status(), "words) with its citation")
	})
	var buffer string
	deadline := time.Now().Add(screenDeadline)
	for !strings.Contains(buffer, "Cutler, Robert M. 2026.") && time.Now().Before(deadline) {
		out, _ := tm.cmd("show-buffer").Output()
		buffer = string(out)
		time.Sleep(pollInterval)
	}
	for _, want := range []string{
		"“Early in 2025, Armenia and Azerbaijan moved the peace process beyond a notional document",
		"” (Cutler 2026, sec. Background)\n\nCutler, Robert M. 2026. “The Armenia–Azerbaijan Peace Process Enters 2026.” Central Asia-Caucasus Analyst, January 2026.",
	} {
		if !strings.Contains(buffer, want) {
			t.Fatalf("tmux's buffer lacks %q:\n%s", want, buffer)
		}
	}
	tm.quit()

	env := runner{env: []string{"ANALYST_DB=" + filepath.Join(dir, "analyst.db")}}
	r := env.analyst(t, "highlights", "--json")
	r.wantCode(t, 0)
	var got []struct {
		Ref, Section, Status, Quote, Note string
		InText                            string `json:"in_text"`
		Paragraph                         int
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("highlights --json: %v\n%s", err, r.stdout)
	}
	if len(got) != 1 || got[0].Ref != "2026-01/cutler" || got[0].Section != "Background" || got[0].Paragraph != 1 ||
		got[0].Status != "here" || got[0].Note != "check the March date" || !strings.HasPrefix(got[0].Quote, "Early in 2025") ||
		got[0].InText != "(Cutler 2026, sec. Background)" {
		t.Errorf("highlights --json: %+v", got)
	}
	r = env.analyst(t, "highlights")
	r.wantCode(t, 0)
	for _, want := range []string{"# Highlights", "\n> Early in 2025, Armenia and Azerbaijan", "\nNote: check the March date\n", "(Cutler 2026, sec. Background)"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("highlights (Markdown) lacks %q:\n%s", want, r.stdout)
		}
	}

	again := startPane(t, 120, 40, "EXIT", workCommand(dir, "2"))
	again.waitFor("the highlight and its note, drawn again", func(s screen) bool {
		return readerAt(2)(s) && s.has("┃Early in 2025") && s.has("✎ check the March date") && strings.Contains(s.sidebar(), "1 highlight")
	})
	again.quit()
}

// TestABrokenStoreStillReads opens the reader over a file that is not a
// database: it reads, says at once on its top line that nothing will be
// kept and why, and leaves the file as it was.
func TestABrokenStoreStillReads(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "analyst.db")
	junk := []byte("these are somebody's notes, not a database\n")
	if err := os.WriteFile(db, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	tm := startPane(t, 160, 30, "EXIT", workCommand(dir, "2"))
	s := tm.waitFor("the notice and the article", func(s screen) bool {
		return strings.Contains(s.row(0), "Nothing will be kept") && s.top() != "" && strings.Contains(s.sidebar(), "Robert M. Cutler")
	})
	if !strings.Contains(s.row(0), "is not an SQLite database") {
		t.Errorf("the notice says why: %q", s.row(0))
	}
	tm.keys("v", "m")
	tm.waitFor("the highlight, for this session", func(s screen) bool { return s.has("┃") })
	tm.keys("q")
	if code, s := tm.waitExit(screenDeadline); code != "0" || !s.has("analyst: warning: nothing will be kept") {
		t.Errorf("after the reader, the warning stays on stderr (exit %s):\n%s", code, s)
	}
	if got, _ := os.ReadFile(db); string(got) != string(junk) {
		t.Errorf("the broken file was changed: %q", got)
	}
}

// TestAKilledReaderKeepsItsPlace kills the reader with SIGKILL a while
// after the reader stopped scrolling: the place was written then, not at
// quit, so the next run finds it.
func TestAKilledReaderKeepsItsPlace(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tm := startPane(t, 100, 30, "EXIT", workCommand(dir, "3"))
	tm.waitFor("the reader at article 3", readerAt(3))
	s := tm.nextSectionUntil("Implications")
	where := s.top()
	// The place is written a second after the last move: wait until the
	// database has it, reading it as analyst highlights does (read only,
	// beside the reader), rather than for a time that a loaded machine
	// may not keep to.
	waitPlace(t, filepath.Join(dir, "analyst.db"), "2026-01/jamal", "implications")
	out, err := exec.Command("pgrep", "-P", tm.flag("#{pane_pid}")).Output() // the pane's shell runs the reader
	if err != nil {
		t.Fatalf("no reader process: %v", err)
	}
	pid := strings.TrimSpace(string(out))
	if err := exec.Command("kill", "-KILL", pid).Run(); err != nil {
		t.Fatal(err)
	}
	tm.waitExit(screenDeadline)

	again := startPane(t, 100, 30, "EXIT", workCommand(dir, "3"))
	again.waitFor("the reader where it was killed", func(s screen) bool { return readerAt(3)(s) && s.top() == where })
	again.quit()
}

// waitPlace waits until the database at path keeps the reader's place in
// the article (its key, "2026-01/jamal") at the section (its slug).
func waitPlace(t *testing.T, path, key, section string) {
	t.Helper()
	var last store.Place
	deadline := time.Now().Add(screenDeadline)
	for time.Now().Before(deadline) {
		if st, err := store.OpenReadOnly(context.Background(), path); err == nil {
			r, err := st.Load(context.Background(), store.LocalOwner)
			st.Close()
			if last = r.Places[key]; err == nil && last.Section == section {
				return
			}
		}
		time.Sleep(pollInterval)
	}
	t.Fatalf("the database never kept the place in %s at %s (last: %+v)", key, section, last)
}

// TestPrintingCommandsLeaveTheStoreAlone runs the commands that only
// print: none of them makes (or opens) the reader's database.
func TestPrintingCommandsLeaveTheStoreAlone(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "data", "analyst.db")
	env := runner{env: []string{"ANALYST_DB=" + db}}
	for _, args := range [][]string{{"list"}, {"read", "2"}, {"2"}, {"search", "Baku"}, {"cite", "2"}, {"glossary"}} {
		env.analyst(t, args...).wantCode(t, 0)
	}
	if _, err := os.Stat(filepath.Dir(db)); !os.IsNotExist(err) {
		t.Errorf("a printing command made the store's folder: %v", err)
	}
	// highlights reads the store when there is one, and makes none: a
	// reader who has kept nothing yet has no folder for it either.
	env = runner{env: []string{"XDG_DATA_HOME=" + filepath.Join(dir, "data")}}
	r := env.analyst(t, "highlights")
	r.wantCode(t, 0)
	if !strings.Contains(r.stdout, "No highlights yet") {
		t.Errorf("highlights without a store:\n%s", r.stdout)
	}
	if out := env.analyst(t, "highlights", "--json"); strings.TrimSpace(out.stdout) != "[]" || out.code != 0 {
		t.Errorf("highlights --json without a store: exit %d\n%s", out.code, out.stdout)
	}
	if _, err := os.Stat(filepath.Dir(db)); !os.IsNotExist(err) {
		t.Errorf("highlights made the store's folder: %v", err)
	}
}

// TestHighlightsWithAWrongPath: an ANALYST_DB in a folder that does not
// exist is an error (exit 1) that names it, and makes nothing; a file
// there that is not a database is refused and left as it was.
func TestHighlightsWithAWrongPath(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	wrong := filepath.Join(dir, "nonexistent", "dir", "x.db")
	r := runner{env: []string{"ANALYST_DB=" + wrong}}.analyst(t, "highlights")
	r.wantCode(t, 1)
	r.wantNoStdout(t)
	r.wantStderr(t, "cannot read your highlights", "there is no folder "+filepath.Dir(wrong))
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("highlights made %v", entries)
	}

	notes := filepath.Join(dir, "notes.txt")
	writeFile(t, notes, "my notes\n")
	r = runner{env: []string{"ANALYST_DB=" + notes}}.analyst(t, "highlights", "--json")
	r.wantCode(t, 1)
	r.wantNoStdout(t)
	r.wantStderr(t, notes+" is not an SQLite database")
	if data, _ := os.ReadFile(notes); string(data) != "my notes\n" {
		t.Errorf("the file was changed: %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files beside it: %v", entries)
	}
}
