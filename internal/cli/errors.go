package cli

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
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

// flagError turns cobra's flag parsing errors into usage errors, and says
// what is wrong with a flag's value without Go's parser messages:
// `--width: "abc" is not a number` rather than
// `invalid argument "abc" for "-w, --width" flag: strconv.ParseInt: …`.
func flagError(cmd *cobra.Command, err error) error {
	var ive *pflag.InvalidValueError
	if errors.As(err, &ive) && ive.GetFlag() != nil {
		err = fmt.Errorf("--%s: %q %s", ive.GetFlag().Name, ive.GetValue(), notA(ive.GetFlag().Value.Type(), ive.Unwrap()))
	}
	return &usageError{cmd: cmd, err: err}
}

// notA says what a flag's value should have been, by the flag's type.
func notA(typ string, cause error) string {
	if errors.Is(cause, strconv.ErrRange) {
		return "is out of range"
	}
	switch {
	case strings.HasPrefix(typ, "int") || strings.HasPrefix(typ, "uint") || strings.HasPrefix(typ, "float"):
		return "is not a number"
	case typ == "bool":
		return "is not true or false"
	case typ == "duration":
		return "is not a duration, such as 30s or 5m"
	default:
		return "is not a valid " + typ
	}
}

// exactArgs, noArgs and maxArgs are cobra's argument checks, as usage errors.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef(cmd, "%s expects %s", cmd.Name(), what)
		}
		return nil
	}
}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef(cmd, "%s takes no arguments (got %q)", cmd.Name(), strings.Join(args, " "))
	}
	return nil
}
