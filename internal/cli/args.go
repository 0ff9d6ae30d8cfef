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
