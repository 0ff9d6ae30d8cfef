package cli

import (
	"strings"

	"github.com/spf13/cobra"
)

// fixCompletionCmd makes cobra's completion command refuse a shell it does
// not know: by itself it has no action, so `completion tcsh` printed its
// help and exited 0. It is created here, rather than when it runs, so that
// it can be changed.
func fixCompletionCmd(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		var shells []string
		for _, sh := range c.Commands() {
			shells = append(shells, sh.Name())
		}
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef(cmd, "%q is not a shell analyst completes; give one of %s", args[0], strings.Join(shells, ", "))
			}
			return cmd.Help()
		}
	}
}
