package cli

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"analyst/internal/content"
	"analyst/internal/render"
)

// Widths the printed text accepts.
const (
	defaultPipeWidth = 80  // wrap width when writing to a file or a pipe
	maxReadWidth     = 100 // a comfortable line in a terminal
	maxWidthFlag     = 1000
)

func newReadCmd(a *app) *cobra.Command {
	var (
		section, style string
		width          int
	)
	cmd := &cobra.Command{
		Use:   "read REF[#section]",
		Short: "Print an article",
		Long: `Print an article, rendered for the terminal. REF is the article's number,
its slug, or a word of its title or author; add #section (or --section) to
print one section: lead, background, implications, conclusions, bio, or
its number as the reader shows it (2#3 is article 2's third section).

In a terminal it opens the reader at that place (unless --width or
--style markdown ask for printed text). When the output is not a terminal
the style is notty: plain text without escape codes, so it can go to files
and pipes; CLICOLOR_FORCE (set, not 0) keeps the colours of the dark style
there. NO_COLOR is honoured, and wins. REF#section and --section may not
name two different sections.`,
		Example: `  analyst read 2
  analyst read cutler --section implications
  analyst read 2#implications --width 60
  analyst read turkic --style markdown > cornell.md`,
		Args:              exactArgs(1, "one article reference, such as 2, cutler or 2#implications"),
		ValidArgsFunction: completeRefs(a),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := render.CheckStyle(style); err != nil {
				return usagef(cmd, "%v", err)
			}
			if err := checkWidth(cmd, width); err != nil {
				return err
			}
			reader := !cmd.Flags().Changed("width") && a.wantsReader(style)
			a.holdWarnings = reader
			lib, err := a.readerLibrary(reader)
			if err != nil {
				return err
			}
			defer a.warnLate()
			art, sec, err := a.resolve(cmd, lib, args[0], section)
			if err != nil {
				a.printWarnings()
				return err
			}
			if reader {
				return a.runReader(cmd.Context(), lib, art, sec, style)
			}
			if err := a.printArticle(art, sec, style, width); err != nil {
				return err
			}
			if a.printed != nil {
				a.printed(art)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&section, "section", "s", "", "print only the section NAME")
	cmd.Flags().IntVarP(&width, "width", "w", 0, "wrap the text at N columns (default: the terminal's, at most 100; 80 in pipes)")
	cmd.Flags().StringVar(&style, "style", render.Auto, "text style: "+styleList())
	cmd.RegisterFlagCompletionFunc("style", completeStyle)
	cmd.RegisterFlagCompletionFunc("section", completeSection(a))
	return cmd
}

// checkWidth refuses a --width that is given and out of range.
func checkWidth(cmd *cobra.Command, width int) error {
	if cmd.Flags().Changed("width") && (width < render.MinWidth || width > maxWidthFlag) {
		return usagef(cmd, "--width must be between %d and %d (got %d)", render.MinWidth, maxWidthFlag, width)
	}
	return nil
}

// printArticle renders an article, or one of its sections, to stdout.
// width 0 means "choose": the terminal's width up to 100, or 80 in a pipe.
// The auto style is dark in a terminal and notty elsewhere, unless
// CLICOLOR_FORCE asks for colours there too (and NO_COLOR does not forbid them).
func (a *app) printArticle(art *content.Article, sec *content.Section, style string, width int) error {
	tty := a.stdoutIsTerminal()
	if (style == render.Dark || style == render.Light) && !tty && !a.colourForced() && !a.noColour() && a.remote == nil {
		// Asked for colours that a pipe or a file does not get: say why
		// they are missing, and how to keep them (locally: over SSH the
		// reader sets no variable).
		fmt.Fprintf(a.stderr, "analyst: --style %s: colours are for a terminal, so the text is plain here; set CLICOLOR_FORCE=1 to keep them\n", style)
	}
	if style == render.Auto {
		style = render.NoTTY
		if tty || (a.colourForced() && !a.noColour()) {
			style = render.Dark
		}
	}
	if width == 0 {
		width = defaultPipeWidth
		if w := a.terminalWidth(); tty && w > 0 {
			width = min(w, maxReadWidth)
		}
	}
	out, err := render.Article(art, sec, style, width)
	if err != nil {
		return fmt.Errorf("rendering %s: %w", art.Slug, err)
	}
	w := a.colorWriter()
	io.WriteString(w, out)
	return w.Err()
}
