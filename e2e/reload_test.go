package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// replaceIn replaces old by new, once, in a file.
func replaceIn(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q", path, old)
	}
	writeFile(t, path, strings.Replace(string(data), old, new, 1))
}

// SIGHUP reloads the --dir library: a reader in the middle of the article
// that changed keeps its text; new sessions get the new one. A broken
// library is refused, with its problems logged by file and line, and the
// one before it served on.
func TestServeReloadsOnSIGHUP(t *testing.T) {
	t.Parallel()
	needTools(t, "ssh", "tmux")
	dir := t.TempDir()
	copyDir(t, "articles", dir)
	srv := startServer(t, "--dir", dir)
	const before, after = "In late December 2025,", "In RELOADED December 2025,"

	tm := srv.sshTerm(t)
	tm.waitFor("the issue list over ssh", listShown)
	tm.keys("2")
	tm.waitFor("the reader at article 2", func(s screen) bool { return readerAt(2)(s) && s.has(before) })
	tm.keys("]")
	tm.waitFor("the next section", func(s screen) bool { return s.top() == "Background" })

	cutler := filepath.Join(dir, "2026-01", "02-cutler.md")
	replaceIn(t, cutler, before, after)
	if err := srv.cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	srv.waitLog(t, "library reloaded")
	if !strings.Contains(srv.log.String(), "articles_changed=2026-01/cutler") {
		t.Errorf("the log does not say which article changed:\n%s", srv.log)
	}

	// The reader under way keeps the text it began with.
	tm.keys("g")
	s := tm.waitFor("the top of article 2", func(s screen) bool { return s.has(before) })
	if s.has("RELOADED") {
		t.Errorf("the reader under way shows the reloaded text:\n%s", s)
	}
	tm.keys("Escape")
	tm.waitFor("the list", listShown)
	tm.keys("2")
	s = tm.waitFor("article 2 again", func(s screen) bool { return readerAt(2)(s) && s.has(before) })
	if s.has("RELOADED") {
		t.Errorf("the reader under way, reopening the article, shows the reloaded text:\n%s", s)
	}

	// New sessions read the new text.
	if r := srv.ssh(t, nil, "read", "2"); r.code != 0 || !strings.Contains(r.stdout, "RELOADED") {
		t.Errorf("a new session after the reload: exit %d, without the new text:\n%s", r.code, r.stdout)
	}

	// A broken library is refused as a whole.
	jamal := filepath.Join(dir, "2026-01", "03-jamal.md")
	replaceIn(t, jamal, "author:", "autor:")
	if err := srv.cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	srv.waitLog(t, "reload refused")
	if !strings.Contains(srv.log.String(), jamal+":") {
		t.Errorf("the refusal does not name the file and line:\n%s", srv.log)
	}
	r := srv.ssh(t, nil, "list")
	r.wantCode(t, 0)
	if !strings.Contains(r.stdout, "Umair Jamal") {
		t.Errorf("after a refused reload, the article of the broken file is gone:\n%s", r.stdout)
	}
	if r := srv.ssh(t, nil, "read", "2"); !strings.Contains(r.stdout, "RELOADED") {
		t.Errorf("after a refused reload, the library before it is not served:\n%s", r.stdout)
	}
	tm.quit()
	srv.stop(t)
}

// Without --dir, SIGHUP changes nothing, says so, and does not stop the
// server.
func TestServeSIGHUPWithoutDir(t *testing.T) {
	t.Parallel()
	needTools(t, "ssh")
	srv := startServer(t)
	if err := srv.cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	srv.waitLog(t, "nothing to reload")
	srv.ssh(t, nil, "list").wantCode(t, 0)
	srv.stop(t)
}
