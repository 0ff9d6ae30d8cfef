package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"analyst/internal/content"
)

func newCheckCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Check the library's files and report every problem",
		Long: `Load the library (the embedded one, or --dir) and report every problem with
its file and line: missing titles or authors, articles without sections,
duplicate slugs, unknown front matter keys, broken YAML. Exits 1 when there
is any problem.`,
		Example: "  analyst --dir articles check",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fsys, name, err := a.libraryFS()
			if err != nil {
				return err
			}
			lib, err := content.Load(fsys, name)
			if err != nil {
				fmt.Fprintln(a.stderr, err)
				return fmt.Errorf("%s: %d problem(s)", name, len(err.(content.Problems)))
			}
			out := a.output()
			fmt.Fprintf(out, "%s: %d issue(s), %d article(s), no problems\n", name, len(lib.Issues), len(lib.Articles()))
			return out.Err()
		},
	}
}
