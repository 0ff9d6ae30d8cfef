package cli

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"analyst/internal/content"
	"analyst/internal/render"
)

// newRootCmd builds the whole command line around one app; help and
// --version are written to out.
func newRootCmd(a *app, out io.Writer) *cobra.Command {
	var style string
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
		Args:              maxArgs(1, "at most one article reference"),
		ValidArgsFunction: completeRefs(a),
		SilenceUsage:      true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := render.CheckStyle(style); err != nil {
				return usagef(cmd, "%v", err)
			}
			lib, err := a.library()
			if err != nil {
				return err
			}
			var (
				art *content.Article
				sec *content.Section
			)
			if len(args) > 0 {
				if art, sec, err = a.resolve(cmd, lib, args[0], ""); err != nil {
					return err
				}
			}
			switch {
			case a.wantsReader(style):
				return a.runReader(cmd.Context(), lib, art, sec, style)
			case art == nil:
				return a.printList(lib)
			default:
				return a.printArticle(art, sec, style, 0)
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
	root.RegisterFlagCompletionFunc("style", completeStyle)
	root.AddCommand(
		newListCmd(a),
		newReadCmd(a),
		newSearchCmd(a),
		newImportCmd(a),
		newCheckCmd(a),
		newServeCmd(a),
		newVersionCmd(a),
	)
	return root
}

// resolve finds the article and section a reference names. The section
// comes from "REF#section", from the section argument (--section), or both
// when they name the same section. A reference that is not an article but
// looks like a mistyped command is a usage error.
func (a *app) resolve(cmd *cobra.Command, lib *content.Library, ref, section string) (*content.Article, *content.Section, error) {
	artRef, secRef := content.SplitRef(ref)
	if artRef == "" {
		if secRef != "" {
			return nil, nil, usagef(cmd, "%q names no article: put the article before the #, such as 2#%s", strings.TrimSpace(ref), secRef)
		}
		return nil, nil, usagef(cmd, "the article reference is empty: give a number, a slug or a word of a title, such as 2 or cutler")
	}
	art, err := lib.Find(artRef)
	if err != nil {
		if cmd.Parent() == nil {
			if s := cmd.SuggestionsFor(artRef); len(s) > 0 {
				return nil, nil, usagef(cmd, "%q is neither a command nor an article; did you mean `%s %s`?", artRef, a.prog, s[0])
			}
		}
		return nil, nil, a.notFound(lib, artRef, err)
	}
	var sec *content.Section
	for _, name := range []string{secRef, section} {
		if name == "" {
			continue
		}
		s, err := art.Section(name)
		if err != nil {
			return nil, nil, err
		}
		if sec != nil && s != sec {
			return nil, nil, usagef(cmd, "%q and --section %s name two different sections; ask for one", ref, section)
		}
		sec = s
	}
	return art, sec, nil
}

// notFound adds to an article that cannot be found where to see them all,
// and, for a number that names no article, says how many articles the
// issue has: "no article 5: the issue has 4 articles (1–4)". Other errors
// are returned as they are.
func (a *app) notFound(lib *content.Library, ref string, err error) error {
	var nf *content.NotFoundError
	if !errors.As(err, &nf) {
		return err
	}
	seeList := fmt.Sprintf("`%s list`", a.prog)
	is, num := lib.Latest(), ref
	if slug, rest, ok := strings.Cut(ref, "/"); ok {
		is, num = lib.Issue(slug), rest
	}
	if is == nil || len(is.Articles) == 0 || num == "" || strings.Trim(num, "0123456789") != "" {
		return fmt.Errorf("%w\nrun %s to see every article", err, seeList)
	}
	var nums []string
	contiguous := true
	for i, art := range is.Articles {
		nums = append(nums, strconv.Itoa(art.Number))
		contiguous = contiguous && art.Number == is.Articles[0].Number+i
	}
	which := "the issue"
	if len(lib.Issues) > 1 {
		which = "issue " + is.Slug
	}
	numbers := strings.Join(nums, ", ")
	if contiguous && len(nums) > 2 {
		numbers = nums[0] + "–" + nums[len(nums)-1]
	}
	articles := "articles"
	if len(nums) == 1 {
		articles = "article"
	}
	return fmt.Errorf("no article %s: %s has %d %s (%s); see %s", num, which, len(nums), articles, numbers, seeList)
}

// completeRefs offers article slugs to shell completion.
func completeRefs(a *app) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		lib, err := a.library()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		if ref, _, ok := strings.Cut(toComplete, "#"); ok {
			art, err := lib.Find(ref)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return sectionCompletions(art, ref+"#"), cobra.ShellCompDirectiveNoFileComp
		}
		var out []cobra.Completion
		for _, art := range lib.Articles() {
			out = append(out, cobra.CompletionWithDesc(art.Slug, art.Title))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeSection completes --section with the sections of the article
// the command's REF names.
func completeSection(a *app) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		lib, err := a.library()
		if err != nil || len(args) == 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		ref, _ := content.SplitRef(args[0])
		art, err := lib.Find(ref)
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return sectionCompletions(art, ""), cobra.ShellCompDirectiveNoFileComp
	}
}

// sectionCompletions are an article's section slugs after prefix, each
// described by its name.
func sectionCompletions(art *content.Article, prefix string) []cobra.Completion {
	var out []cobra.Completion
	for _, sec := range art.Sections {
		out = append(out, cobra.CompletionWithDesc(prefix+sec.Slug, sec.Name))
	}
	return out
}

// completeStyle completes --style with the style names.
func completeStyle(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return render.StyleNames, cobra.ShellCompDirectiveNoFileComp
}

func maxArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > n {
			return usagef(cmd, "too many arguments (%d): give %s", len(args), what)
		}
		return nil
	}
}

func styleList() string { return strings.Join(render.StyleNames, ", ") }
