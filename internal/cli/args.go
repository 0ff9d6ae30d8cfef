package cli

import (
	"strings"

	"github.com/spf13/cobra"
)

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

func maxArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > n {
			return usagef(cmd, "too many arguments (%d): give %s", len(args), what)
		}
		return nil
	}
}

// rootArgs checks the reader's arguments: at most one reference. With
// more, a first word that is no article but looks like a mistyped command
// gets the suggestion ("analyst serach x": did you mean `analyst search`?),
// as it would alone.
func rootArgs(a *app) cobra.PositionalArgs {
	tooMany := maxArgs(1, "at most one article reference")
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < 2 {
			return nil
		}
		if lib, err := a.library(); err == nil {
			if _, ferr := lib.Find(args[0]); ferr != nil {
				if s := a.commandSuggestion(cmd, args[0]); s != nil {
					return s
				}
			}
		}
		return tooMany(cmd, args)
	}
}
