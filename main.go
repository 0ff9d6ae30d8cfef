// Command analyst reads an issue of the Central Asia-Caucasus Analyst in a
// terminal: a table of contents, a reader with the author's bio and the
// article's sections beside the text, a pipe-friendly command line, and an
// SSH server that gives the same reader to anyone with an SSH client.
package main

import (
	"context"
	"io"
	"os"
	"runtime/debug"
	"syscall"

	"charm.land/fang/v2"
)

// shortRunGCPercent is the garbage collector's target while the binary runs
// a short command: a run of `analyst read` allocates a few megabytes and is
// over in milliseconds, so collecting on the way is wasted work. The reader
// and the server, which run for long, set their own (longRun). A
// GOGC in the environment is the operator's choice and wins.
const shortRunGCPercent = 400

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(shortRunGCPercent)
	}
	os.Exit(run(context.Background(), os.Args[1:], newApp(os.Stdin, os.Stdout, os.Stderr, os.Environ())))
}

// run executes the command line and returns the process exit status:
// 0 success, 1 runtime error, 2 usage error.
func run(ctx context.Context, args []string, a *app) int {
	ctx, stop := notifySignals(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	out := a.output() // cobra's output: help and --version, whose failed writes fang does not report
	root := newRootCmd(a, out)
	root.SetArgs(args)
	err := fang.Execute(ctx, root,
		fang.WithVersion(version()),
		fang.WithErrorHandler(func(w io.Writer, _ fang.Styles, err error) { printError(w, err) }),
	)
	if err == nil && out.Err() != nil {
		err = out.Err()
		printError(a.stderr, err)
	}
	return exitCode(err)
}

// longRun sets the garbage collector's target for the modes that run long
// enough for memory to matter more than start-up time: the reader (Go's
// default, 100) and the server (serverGCPercent). GOGC in the environment
// wins.
func longRun(percent int) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(percent)
	}
}

// serverGCPercent keeps the server's heap close to what its sessions use:
// a reader's live heap is about 0.75 MiB, and at Go's default the process
// holds up to twice its live heap. At 25, 500 readers measured 1.1 MiB of
// RSS each instead of 1.5, for no measurable CPU or latency (see README).
const serverGCPercent = 25
