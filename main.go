// Command analyst reads an issue of the Central Asia-Caucasus Analyst in a
// terminal: a table of contents, a reader with the author's bio and the
// article's sections beside the text, a pipe-friendly command line, and an
// SSH server that gives the same reader to anyone with an SSH client.
package main

import (
	"context"
	"os"
	"runtime/debug"

	"analyst/internal/cli"
)

// shortRunGCPercent is the garbage collector's target while the binary runs
// a short command: a run of `analyst read` allocates a few megabytes and is
// over in milliseconds, so collecting on the way is wasted work. The reader
// and the server, which run for long, set their own. A GOGC in the
// environment is the operator's choice and wins.
const shortRunGCPercent = 400

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(shortRunGCPercent)
	}
	os.Exit(cli.Run(context.Background(), cli.Process{
		Args:  os.Args[1:],
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
		Environ: os.Environ(),
		Library: embeddedLibrary(),
	}))
}
