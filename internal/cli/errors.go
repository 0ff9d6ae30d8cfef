package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

// usageError is a mistake in how a command was called: exit status 2, and
// the command's usage line is shown with it.
type usageError struct {
	cmd *cobra.Command
	err error
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usagef(cmd *cobra.Command, format string, args ...any) error {
	return &usageError{cmd: cmd, err: fmt.Errorf(format, args...)}
}

// cobraUsagePrefixes are the starts of the usage errors that cobra makes
// before any of our code runs.
var cobraUsagePrefixes = []string{
	"unknown command", "unknown flag", "unknown shorthand flag",
	"flag needs an argument", "invalid argument", "bad flag syntax",
	"accepts ", "requires ", "required flag",
}

// exitCode maps an error to the process exit status.
func exitCode(err error) int {
	switch {
	case err == nil:
		return 0
	case isUsage(err):
		return 2
	default:
		return 1
	}
}

func isUsage(err error) bool {
	var ue *usageError
	if errors.As(err, &ue) {
		return true
	}
	for _, p := range cobraUsagePrefixes {
		if strings.HasPrefix(err.Error(), p) {
			return true
		}
	}
	return false
}

// printError writes an error for a person: "analyst: message", and for a
// usage error the usage line and where to find help. Never a stack trace.
func printError(w io.Writer, err error) { printErrorFor(w, err, "analyst") }

// printErrorFor is printError for a reader who runs the commands as prog:
// "analyst" here, "ssh HOST" over SSH, so that the commands it points to
// are ones they can run.
func printErrorFor(w io.Writer, err error, prog string) {
	fmt.Fprintf(w, "analyst: %v\n", err)
	var ue *usageError
	if errors.As(err, &ue) && ue.cmd != nil {
		root := ue.cmd.Root().Name()
		fmt.Fprintf(w, "usage: %s%s\nrun '%s%s --help' for more\n",
			prog, strings.TrimPrefix(ue.cmd.UseLine(), root), prog, strings.TrimPrefix(ue.cmd.CommandPath(), root))
	} else if isUsage(err) {
		fmt.Fprintf(w, "run '%s --help' for usage\n", prog)
	}
}
