package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/charmbracelet/x/term"

	"analyst/internal/content"
)

// app is what every command shares: where it reads and writes, the
// environment, and the library, loaded once on first use.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	environ        []string
	embedded       fs.FS  // the library the binary carries
	dir            string // --dir: read the library from this folder instead
	lib            *content.Library
	warnPending    bool                   // lib was opened lazily: its problems are not reported yet (warnLate)
	prog           string                 // how the reader runs the commands, for messages: "analyst", or "ssh HOST"
	fitWidth       int                    // a terminal's width that output should fit, known otherwise than from stdout (ssh -t)
	printed        func(*content.Article) // when set, told of every article read prints (the server counts them)
	saidDumb       bool                   // the reader was told why TERM=dumb prints instead
	holdWarnings   bool                   // the reader will show the library's warnings, and print them when it ends
	warnings       []string               // the library's problems, while they are held
	measure        int                    // --width for the reader: the text's column for this run
	remote         *remoteReader          // over SSH: whose things the reader's commands read and change
}

func newApp(stdin io.Reader, stdout, stderr io.Writer, environ []string, embedded fs.FS) *app {
	return &app{stdin: stdin, stdout: stdout, stderr: stderr, environ: environ, embedded: embedded, prog: "analyst"}
}

// library loads the whole library from --dir or the embedded articles.
// Problems in some files are reported as warnings as long as any article
// loaded.
func (a *app) library() (*content.Library, error) {
	if a.lib != nil {
		return a.lib, nil
	}
	fsys, name, err := a.libraryFS()
	if err != nil {
		return nil, err
	}
	return a.keepWhole(content.Open(fsys, name), name)
}

// keepWhole reads every article of an opened library, warns about the
// problems it found, and keeps it; a library with no article is an error.
func (a *app) keepWhole(lib *content.Library, name string) (*content.Library, error) {
	problems := lib.LoadAll()
	if len(lib.Articles()) == 0 {
		if len(problems) > 0 {
			return nil, problems
		}
		return nil, fmt.Errorf("%s: the library has no articles", name)
	}
	a.warn(problems)
	a.lib = lib
	return lib, nil
}

// readerLibrary is library for a command that may open the reader. When
// it does (lazy), only the newest issue is read at once, so that the
// first screen does not wait for the hundreds of issues before it; the
// reader reads the rest when it needs them, and warnLate reports their
// problems when the command ends.
func (a *app) readerLibrary(lazy bool) (*content.Library, error) {
	if !lazy || a.lib != nil {
		return a.library()
	}
	fsys, name, err := a.libraryFS()
	if err != nil {
		return nil, err
	}
	lib := content.Open(fsys, name)
	if latest := lib.Latest(); latest == nil || len(latest.Articles()) == 0 {
		return a.keepWhole(lib, name) // nothing to show at once: decide as library does
	}
	a.lib, a.warnPending = lib, true
	if a.holdWarnings {
		// The reader shows the problems of what it opens with at once;
		// warnLate prints all of them when the command ends.
		for _, p := range lib.IssueProblems(lib.Latest()) {
			a.warnings = append(a.warnings, p.Error())
		}
	}
	return lib, nil
}

// warnLate prints the problems of a library that readerLibrary opened
// lazily, reading what is not read yet. It does nothing otherwise.
func (a *app) warnLate() {
	if a.warnPending {
		a.warnPending = false
		a.warn(a.lib.LoadAll())
	}
}

// warn prints a library's problems as warnings on stderr, or holds them
// for the reader to show (printWarnings prints them when it ends).
func (a *app) warn(problems content.Problems) {
	for _, p := range problems {
		if a.holdWarnings {
			a.warnings = append(a.warnings, p.Error())
		} else {
			fmt.Fprintf(a.stderr, "analyst: warning: %v\n", p)
		}
	}
}

// libraryFS is where the library is read from, --dir or the embedded
// articles, and the name messages give it.
func (a *app) libraryFS() (fs.FS, string, error) {
	if a.dir == "" {
		return a.embedded, "articles", nil
	}
	info, err := os.Stat(a.dir)
	switch {
	case os.IsNotExist(err):
		return nil, "", fmt.Errorf("--dir %s: no such directory", a.dir)
	case err != nil:
		return nil, "", fmt.Errorf("--dir %s: %v", a.dir, errors.Unwrap(err))
	case !info.IsDir():
		return nil, "", fmt.Errorf("--dir %s: not a directory", a.dir)
	}
	return os.DirFS(a.dir), a.dir, nil
}

// stdoutIsTerminal reports whether output goes to a terminal rather than a
// file or a pipe.
func (a *app) stdoutIsTerminal() bool {
	f, ok := a.stdout.(term.File)
	return ok && term.IsTerminal(f.Fd())
}

// terminalWidth is the width of the output terminal, or 0 when unknown.
func (a *app) terminalWidth() int {
	f, ok := a.stdout.(term.File)
	if !ok {
		return 0
	}
	w, _, err := term.GetSize(f.Fd())
	if err != nil {
		return 0
	}
	return w
}

// fitToWidth is the width that printed tables and lines should fit: the
// output terminal's, or the SSH client's (ssh -t); 0 in files and pipes,
// which get everything.
func (a *app) fitToWidth() int {
	if a.stdoutIsTerminal() {
		return a.terminalWidth()
	}
	return a.fitWidth
}

// getenv reads a variable from the app's environment.
func (a *app) getenv(key string) string {
	for i := len(a.environ) - 1; i >= 0; i-- {
		kv := a.environ[i]
		if len(kv) > len(key) && kv[len(key)] == '=' && kv[:len(key)] == key {
			return kv[len(key)+1:]
		}
	}
	return ""
}
