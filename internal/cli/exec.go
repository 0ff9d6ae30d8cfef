package cli

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"analyst/internal/content"
	"analyst/internal/keeper"
	"analyst/internal/server"
)

// execCommand runs a command for an SSH session (list, read, search,
// cite, glossary; highlights and forget of the reader's own things), as
// the local command line does but with no access to the server's files
// (no --dir, no import) and no terminal (so the text is plain). It reads
// the library the session began with (lib before the server has one to
// give), and tells the server of each article it prints. keepers is the
// server's store of its keyed readers' things, or nil.
func execCommand(lib *content.Library, keepers *keeper.Shared) server.ExecFunc {
	return func(ctx context.Context, args []string, width int, stdin io.Reader, stdout, stderr io.Writer) int {
		a := newApp(stdin, stdout, stderr, nil, nil)
		a.lib, a.prog, a.fitWidth = lib, "ssh HOST", width
		owner, _ := server.Owner(ctx)
		a.remote = &remoteReader{keepers: keepers, owner: owner}
		if sessionLib := server.LibraryFor(ctx); sessionLib != nil {
			a.lib = sessionLib
		}
		a.printed = func(art *content.Article) { server.ArticleServed(ctx, art) }
		root := &cobra.Command{Use: "analyst", SilenceErrors: true, SilenceUsage: true}
		root.CompletionOptions.DisableDefaultCmd = true
		root.SetFlagErrorFunc(flagError)
		root.AddCommand(newListCmd(a), newReadCmd(a), newSearchCmd(a), newCiteCmd(a), newGlossaryCmd(a),
			newHighlightsCmd(a), newForgetCmd(a))
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
