package cli

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"analyst/internal/content"
	"analyst/internal/importer"
)

func newImportCmd(a *app) *cobra.Command {
	var (
		out, date, publication string
		titles                 []string
		force, dryRun, verbose bool
	)
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Turn the raw text of an issue into the library's folder format",
		Long: `Turn the raw text of an issue, as copied from the journal's web page, into
a folder of Markdown files: DIR/<date>/issue.md and one NN-author.md per
article. Image file names, lines of spaces and the site's menus are dropped;
image credits are kept. Text that cannot be placed in an article is listed
and nothing is written. FILE "-" reads standard input.

The raw text has no titles: give the ones you know with --title; the others
get a draft headline from the lead, marked title_source: editorial, for an
editor to rewrite. Then check the result with 'analyst --dir DIR check'.`,
		Example: `  analyst import issue.txt --date 2026-01 --title "2=The Armenia–Azerbaijan Peace Process Enters 2026"
  analyst import issue.txt --date 2026-01 --out /tmp/library --dry-run`,
		Args: exactArgs(1, "the FILE to import"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opt := importer.Options{Date: date, Publication: publication, Titles: map[int]string{}}
			if opt.Date != "" {
				if _, err := time.Parse("2006-01", opt.Date); err != nil {
					return usagef(cmd, "--date %q is not a month written as 2026-01", opt.Date)
				}
			}
			if at, r := content.FirstControl(publication); at >= 0 {
				return usagef(cmd, "--publication has a control character, %s: give plain text", content.ControlName(r))
			}
			for _, t := range titles {
				n, title, ok := strings.Cut(t, "=")
				num, err := strconv.Atoi(strings.TrimSpace(n))
				if !ok || err != nil || num < 1 || strings.TrimSpace(title) == "" {
					return usagef(cmd, "--title %q must look like N=TITLE, such as 2=\"The Peace Process\"", t)
				}
				title = strings.TrimSpace(title)
				if at, r := content.FirstControl(title); at >= 0 {
					return usagef(cmd, "--title %d has a control character, %s: give plain text", num, content.ControlName(r))
				}
				if before, seen := opt.Titles[num]; seen && before != title {
					return usagef(cmd, "--title %d is given twice, as %q and %q; give article %d one title", num, before, title, num)
				}
				opt.Titles[num] = title
			}
			raw, err := a.readInput(args[0])
			if err != nil {
				return err
			}
			if opt.Date == "" {
				opt.Date = time.Now().Format("2006-01")
				fmt.Fprintf(a.stderr, "analyst: no --date given: dating the issue %s\n", opt.Date)
			}
			is := importer.Parse(raw)
			name := args[0]
			if verbose {
				for _, n := range is.Notes {
					if n.Kind == importer.Dropped {
						fmt.Fprintf(a.stderr, "dropped %s\n", importer.Describe(name, n))
					}
				}
			}
			if probs := importer.Problems(is, opt); len(probs) > 0 {
				return a.importProblems(name, raw, probs)
			}
			for num := range opt.Titles {
				if num > len(is.Articles) {
					return usagef(cmd, "--title %d: the text has only %d articles", num, len(is.Articles))
				}
			}
			if dryRun {
				return a.printImport(is, opt)
			}
			dir, err := importer.Write(is, opt, out, force)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stderr, "imported %d articles into %s (%s)\n", len(is.Articles), dir, droppedSummary(is))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVarP(&out, "out", "o", "articles", "write the issue folder into DIR")
	f.StringVar(&date, "date", "", "the issue's month, as YYYY-MM (default: this month)")
	f.StringVar(&publication, "publication", "", "the publication's NAME, if the text's about paragraph lacks it")
	f.StringArrayVar(&titles, "title", nil, "a known title, as N=TITLE (repeatable)")
	f.BoolVar(&force, "force", false, "replace an issue folder that already exists")
	f.BoolVarP(&dryRun, "dry-run", "n", false, "print the files instead of writing them")
	f.BoolVarP(&verbose, "verbose", "v", false, "list every line that was dropped")
	return cmd
}

// readInput reads a file, or standard input for "-".
func (a *app) readInput(name string) (string, error) {
	if name == "-" {
		b, err := io.ReadAll(a.stdin)
		return string(b), err
	}
	b, err := os.ReadFile(name)
	if err != nil {
		if os.IsNotExist(err) {
			return "", fmt.Errorf("%s: no such file", name)
		}
		return "", err
	}
	return string(b), nil
}

// printImport writes the files an import would write, one after another.
func (a *app) printImport(is *importer.Issue, opt importer.Options) error {
	files, err := importer.Files(is, opt)
	if err != nil {
		return err
	}
	out := a.output()
	for _, f := range files {
		if _, err := fmt.Fprintf(out, "==> %s/%s <==\n%s\n", opt.Date, f.Name, f.Data); err != nil {
			return err
		}
	}
	return nil
}

// droppedSummary counts the dropped lines by reason: "3 image file name, 10 site menu".
func droppedSummary(is *importer.Issue) string {
	counts := map[string]int{}
	var order []string
	for _, n := range is.Notes {
		if n.Kind != importer.Dropped {
			continue
		}
		if counts[n.What] == 0 {
			order = append(order, n.What)
		}
		counts[n.What]++
	}
	if len(order) == 0 {
		return "nothing dropped"
	}
	parts := make([]string, len(order))
	for i, w := range order {
		parts[i] = fmt.Sprintf("%d %s", counts[w], w)
	}
	return "dropped: " + strings.Join(parts, ", ")
}

// binaryProblemsShown is how many problems of a file that is not text are
// listed: enough to see why, not one for each of its lines.
const binaryProblemsShown = 5

// importProblems lists what stopped an import, and returns its error. A
// file that does not look like text gets a few of its problems and a
// count of the rest.
func (a *app) importProblems(name, raw string, probs []importer.Note) error {
	text := importer.LooksLikeText(raw)
	shown := probs
	if !text && len(probs) > binaryProblemsShown {
		shown = probs[:binaryProblemsShown]
	}
	for _, n := range shown {
		fmt.Fprintf(a.stderr, "%s\n", importer.Describe(name, n))
	}
	if !text {
		if more := len(probs) - len(shown); more > 0 {
			fmt.Fprintf(a.stderr, "%s: and %d more lines like these\n", name, more)
		}
		return fmt.Errorf("import of %s stopped: the file does not look like text (is it the issue's text, saved as UTF-8?); nothing was written", name)
	}
	return fmt.Errorf("import of %s stopped: %d problem(s) above; nothing was written", name, len(probs))
}
