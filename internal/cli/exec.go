package cli

import (
	"context"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"analyst/internal/content"
	"analyst/internal/server"
)

// execCommand runs list, read or search for an SSH session, as the local
// command line does but with no access to the server's files (no --dir,
// no import) and no terminal (so the text is plain). It reads the library
// the session began with (lib before the server has one to give), and
// tells the server of each article it prints.
func execCommand(lib *content.Library) server.ExecFunc {
	return func(ctx context.Context, args []string, width int, _ io.Reader, stdout, stderr io.Writer) int {
		a := newApp(strings.NewReader(""), stdout, stderr, nil, nil)
		a.lib, a.prog, a.fitWidth = lib, "ssh HOST", width
		if sessionLib := server.LibraryFor(ctx); sessionLib != nil {
			a.lib = sessionLib
		}
		a.printed = func(art *content.Article) { server.ArticleServed(ctx, art) }
		root := &cobra.Command{Use: "analyst", SilenceErrors: true, SilenceUsage: true}
		root.CompletionOptions.DisableDefaultCmd = true
		root.SetFlagErrorFunc(flagError)
		root.AddCommand(newListCmd(a), newReadCmd(a), newSearchCmd(a))
		root.SetArgs(args)
		root.SetOut(stdout)
		root.SetErr(stderr)
		err := root.ExecuteContext(ctx)
		if err != nil {
			printErrorFor(stderr, err, a.prog)
		}
		return exitCode(err)
	}
}
