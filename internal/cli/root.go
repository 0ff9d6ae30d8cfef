package cli

import (
	"io"
	"strings"

	"github.com/spf13/cobra"

	"analyst/internal/content"
	"analyst/internal/render"
	"analyst/ui"
)

// newRootCmd builds the whole command line around one app; help and
// --version are written to out.
func newRootCmd(a *app, out io.Writer) *cobra.Command {
	var (
		style string
		width int
	)
	root := &cobra.Command{
		Use:   "analyst [REF[#section]]",
		Short: "Read the Central Asia-Caucasus Analyst in your terminal",
		Long: `analyst carries an issue of the Central Asia-Caucasus Analyst and lets you
read it in a terminal, pipe it to other programs, or serve it over SSH.

With no arguments it opens the reader at the table of contents; with a
reference it opens that article, at a section if one is named. When the
output is not a terminal it prints instead: the table of contents, or the
article.`,
		Example: `  # open the reader
  analyst
  # open article 3 at its Conclusions
  analyst 3#conclusions
  # the table of contents, the text of an article, a search
  analyst list
  analyst read cutler | less
  analyst search "Abraham Accords"`,
		Args:              rootArgs(a),
		ValidArgsFunction: completeRefs(a),
		SilenceUsage:      true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := render.CheckStyle(style); err != nil {
				return usagef(cmd, "%v", err)
			}
			if err := checkWidth(cmd, width); err != nil {
				return err
			}
			a.measure = width
			reader := a.wantsReader(style)
			if err := a.checkMeasure(cmd, reader, width); err != nil {
				return err
			}
			a.holdWarnings = reader
			lib, err := a.readerLibrary(reader)
			if err != nil {
				return err
			}
			defer a.warnLate()
			var (
				art *content.Article
				sec *content.Section
			)
			if len(args) > 0 {
				if art, sec, err = a.resolve(cmd, lib, args[0], ""); err != nil {
					a.printWarnings()
					return err
				}
			}
			switch {
			case reader:
				return a.runReader(cmd.Context(), lib, art, sec, style)
			case art == nil:
				return a.printList(lib)
			default:
				return a.printArticle(art, sec, style, width)
			}
		},
	}
	root.SuggestionsMinimumDistance = 2
	// Help and --version go to out, which remembers a failed write, so
	// that run reports it once, as printError says it.
	root.SetOut(out)
	root.SetErr(a.stderr)
	root.SetFlagErrorFunc(flagError)
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		if cmd.Flags().Changed("dir") && strings.TrimSpace(a.dir) == "" {
			return usagef(cmd, "--dir needs a folder: --dir articles, say (without it, the embedded issue is read)")
		}
		return nil
	}
	root.PersistentFlags().StringVar(&a.dir, "dir", "", "read the library from DIR instead of the embedded issue")
	root.Flags().StringVar(&style, "style", render.Auto, "text style: "+styleList())
	root.Flags().IntVarP(&width, "width", "w", 0, "the text's width in columns, in the reader as in print (default: the reader's, which - and + change)")
	root.RegisterFlagCompletionFunc("style", completeStyle)
	root.AddCommand(
		newListCmd(a),
		newReadCmd(a),
		newSearchCmd(a),
		newHighlightsCmd(a),
		newCiteCmd(a),
		newGlossaryCmd(a),
		newImportCmd(a),
		newCheckCmd(a),
		newServeCmd(a),
		newVersionCmd(a),
	)
	fixCompletionCmd(root)
	return root
}

func styleList() string { return strings.Join(render.StyleNames(), ", ") }

// checkMeasure refuses a --width the reader cannot take, when the reader
// is what runs: it would otherwise be brought within the reader's limits
// without a word. Printed text (in a pipe, or read --width) takes any
// width checkWidth allows.
func (a *app) checkMeasure(cmd *cobra.Command, reader bool, width int) error {
	narrowest, widest := ui.MeasureLimits()
	if !reader || !cmd.Flags().Changed("width") || width >= narrowest && width <= widest {
		return nil
	}
	than := "narrower"
	if width > widest {
		than = "wider"
	}
	return usagef(cmd, "--width %d is %s than the reader's text can be (%d to %d columns); to print it so: %s read REF --width %d",
		width, than, narrowest, widest, a.prog, width)
}
