// Package cli is analyst's command line: the cobra/fang commands, the app
// they share, exit codes, printed tables, signals and the reader's state.
// main hands it what the process has (Run) and exits with what it returns.
package cli

import (
	"context"
	"io"
	"io/fs"
	"os"
	"syscall"

	"charm.land/fang/v2"
)

// Process is what the command line gets from the process that runs it.
type Process struct {
	Args           []string // the arguments, without the program's name
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Environ        []string // KEY=value, as os.Environ gives them
	Library        fs.FS    // the embedded library, read unless --dir names another
}

// Run executes the command line and returns the process exit status:
// 0 success, 1 runtime error, 2 usage error.
func Run(ctx context.Context, p Process) int {
	return run(ctx, p.Args, newApp(p.Stdin, p.Stdout, p.Stderr, p.Environ, p.Library))
}

// run executes the command line for an app.
func run(ctx context.Context, args []string, a *app) int {
	ctx, stop := notifySignals(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	out := a.output() // cobra's output: help and --version, whose failed writes fang does not report
	help := newHelpWriter(out)
	root := newRootCmd(a, help)
	help.fixUsageLines(root)
	root.SetArgs(args)
	err := fang.Execute(ctx, root,
		fang.WithVersion(version()),
		fang.WithErrorHandler(func(w io.Writer, _ fang.Styles, err error) { printError(w, err) }),
	)
	help.Flush()
	if err == nil && out.Err() != nil {
		err = out.Err()
		printError(a.stderr, err)
	}
	return exitCode(err)
}
