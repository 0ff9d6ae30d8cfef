package cli

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"

	"analyst/internal/testlib"
)

// repoRoot is the repository's top folder, seen from this package's tests.
const repoRoot = "../../"

// embeddedCopy is the repository's articles folder held in memory, as the
// binary holds it embedded: what main passes to Run as the library.
func embeddedCopy(tb testing.TB) fs.FS { return testlib.MapFS(tb) }

// runArgs runs the command line in this process with stdout and stderr
// given, and a clean environment.
func runArgs(tb testing.TB, stdout, stderr io.Writer, args ...string) int {
	tb.Helper()
	return Run(context.Background(), Process{
		Args: args, Stdin: strings.NewReader(""), Stdout: stdout, Stderr: stderr,
		Environ: []string{"PATH=/usr/bin"}, Library: embeddedCopy(tb),
	})
}

// fullDisk is stdout on a full disk: every write fails as a write to
// /dev/full does.
type fullDisk struct{}

func (fullDisk) Write([]byte) (int, error) {
	return 0, &fs.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.ENOSPC}
}

// TestWriteFailureExits1 runs the command line in this process with a
// stdout whose writes fail, as on a full disk.
func TestWriteFailureExits1(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"2"},
		{"list"},
		{"list", "--json"},
		{"read", "2"},
		{"read", "2", "--style", "markdown"},
		{"search", "armenia"},
		{"search", "armenia", "--json"},
		{"glossary"},
		{"glossary", "--json"},
		{"glossary", "2"},
		{"import", repoRoot + "testdata/seed/000_39dc9ad1225c2275.txt", "--dry-run", "--date", "2026-01"},
		{"--dir", repoRoot + "articles", "check"},
		{"check"},
		{"version"},
		{"--version"},
		{"--help"},
		{"read", "--help"},
	} {
		var stderr bytes.Buffer
		code := runArgs(t, fullDisk{}, &stderr, args...)
		if code != 1 || stderr.String() != "analyst: could not write the output: no space left on device\n" {
			t.Errorf("analyst %q: exit %d, stderr:\n%s\nwant 1 and one line saying the write failed", args, code, stderr.String())
		}
	}
}

// TestRunReadsTheLibraryItIsGiven checks that Run reads the library main
// passes it, not one of its own: an article that only the given library
// holds is printed.
func TestRunReadsTheLibraryItIsGiven(t *testing.T) {
	lib := fstest.MapFS{
		"2030-05/issue.md":   {Data: []byte("---\npublication: Test Journal\ndate: 2030-05\n---\n\nAbout.\n")},
		"2030-05/01-solo.md": {Data: []byte("---\ntitle: A Single Article\ntitle_source: journal\nauthor: Ann Author\n---\n\nThe lead.\n\n## Background\n\nOnly here.\n")},
	}
	var stdout, stderr bytes.Buffer
	code := Run(context.Background(), Process{
		Args: []string{"list"}, Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr,
		Environ: []string{"PATH=/usr/bin"}, Library: lib,
	})
	if code != 0 || !strings.Contains(stdout.String(), "A Single Article") || strings.Contains(stdout.String(), "Armenia") {
		t.Fatalf("list of the given library: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout.String(), stderr.String())
	}
}
