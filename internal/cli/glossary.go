package cli

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"analyst/internal/content"
	"analyst/internal/glossary"
)

func newGlossaryCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "glossary [REF]",
		Short: "List the abbreviations of the issue, or of one article",
		Long: `List the abbreviations of the newest issue, found in its text: each with
its long form, where the text defines it (a reference that read opens) and
how often it is used. One abbreviation may have two long forms, each with
where it is defined. Those the issue uses but never spells out are listed
apart, without a long form: none is ever made up.

REF names one article (its number, slug, or a word of its title or
author, as for read): the abbreviations it defines or uses, with the uses
in that article; the definition that explains them may be in another
article of its issue. REF may also be an issue (2026-01) for the whole of
an older issue.

With --json, the output is one JSON array, an object for each row: abbr,
long (empty when not spelled out), article, section (its name),
section_slug, ref and paragraph of the definition, uses, and used_in, the
articles the uses are in.`,
		Example: `  analyst glossary
  analyst glossary jamal
  analyst glossary --json | jq -r '.[] | select(.long == "") | .abbr'
  analyst read "$(analyst glossary --json | jq -r '.[] | select(.abbr == "CMHS") | .ref')"`,
		Args:              maxArgs(1, "at most one reference, such as 2, cutler or 2026-01"),
		ValidArgsFunction: completeGlossaryRefs(a),
		RunE: func(cmd *cobra.Command, args []string) error {
			lib, err := a.library()
			if err != nil {
				return err
			}
			v, err := a.glossaryView(cmd, lib, args)
			if err != nil {
				return err
			}
			if asJSON {
				return a.printJSON(glossaryList(lib, v.items))
			}
			return a.printGlossary(lib, v)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON: an array of abbreviations")
	return cmd
}

// glossaryView is what glossary prints: a whole issue's items, or one
// article's (art not nil).
type glossaryView struct {
	issue *content.Issue
	art   *content.Article
	g     *glossary.Glossary
	items []glossary.Item
}

// glossaryView resolves the command's REF, if any, to an issue or an
// article, and lists its abbreviations.
func (a *app) glossaryView(cmd *cobra.Command, lib *content.Library, args []string) (glossaryView, error) {
	if len(args) == 0 {
		g := glossary.Build(lib.Latest())
		return glossaryView{issue: lib.Latest(), g: g, items: g.Items()}, nil
	}
	if ref, section := content.SplitRef(args[0]); ref != "" && section != "" {
		return glossaryView{}, usagef(cmd, "glossary lists a whole article's abbreviations: give %s without #%s", ref, section)
	}
	if is := lib.Issue(strings.TrimSpace(args[0])); is != nil {
		g := glossary.Build(is)
		return glossaryView{issue: is, g: g, items: g.Items()}, nil
	}
	art, _, err := a.resolve(cmd, lib, args[0], "")
	var nf *content.NotFoundError
	if ref := strings.TrimSpace(args[0]); errors.As(err, &nf) && issueLike.MatchString(ref) {
		// An issue's date, not an article's name: say which issues there
		// are, as 2027-01/2 does.
		return glossaryView{}, noIssue(lib, ref, fmt.Sprintf("`%s list`", a.prog))
	}
	if err != nil {
		return glossaryView{}, err
	}
	g := glossary.Build(art.Issue)
	return glossaryView{issue: art.Issue, art: art, g: g, items: g.ArticleItems(art)}, nil
}

// issueLike is the form of an issue's reference, its month: 2026-01.
var issueLike = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}$`)

// glossaryJSON is one line of `glossary --json`.
type glossaryJSON struct {
	Abbr        string `json:"abbr"`
	Long        string `json:"long"` // "" when not spelled out
	Issue       string `json:"issue"`
	Article     string `json:"article"`      // the reference of the article that defines it: "tolipov", or "2025-12/tolipov" in an older issue
	Slug        string `json:"slug"`         // that article's slug, as search and highlights give it: "tolipov"
	Section     string `json:"section"`      // the definition's section by name, as the reader shows it: "Background"
	SectionSlug string `json:"section_slug"` // what REF#section takes: "background"
	Ref         string `json:"ref"`          // article#section: read opens the definition's section
	Paragraph   int    `json:"paragraph"`    // the definition's paragraph in its section, from 1
	Uses        int    `json:"uses"`
	// Unexplained marks the uses of an abbreviation with several
	// meanings, none of them defined in the uses' article.
	Unexplained bool     `json:"unexplained,omitempty"`
	UsedIn      []string `json:"used_in"`
}

func glossaryList(lib *content.Library, items []glossary.Item) []glossaryJSON {
	out := []glossaryJSON{}
	for _, it := range items {
		j := glossaryJSON{Abbr: it.Entry.Abbr, Uses: it.Uses, UsedIn: []string{}, Unexplained: it.Definition == nil && it.Entry.SpelledOut()}
		for _, art := range it.Articles {
			j.UsedIn = append(j.UsedIn, lib.Ref(art))
		}
		if d := it.Definition; d != nil {
			j.Long, j.Issue, j.Article, j.Slug = d.Long, d.Article.Issue.Slug, lib.Ref(d.Article), d.Article.Slug
			j.Section, j.SectionSlug, j.Ref, j.Paragraph = d.Section.Name, d.Section.Slug, definitionRef(lib, d), d.Paragraph+1
		} else if len(it.Articles) > 0 {
			j.Issue = it.Articles[0].Issue.Slug
		}
		out = append(out, j)
	}
	return out
}

// definitionRef is the reference that opens a definition's section:
// "tolipov#background".
func definitionRef(lib *content.Library, d *glossary.Definition) string {
	return lib.Ref(d.Article) + "#" + d.Section.Slug
}

// printGlossary writes the abbreviations spelled out, in a table of their
// long forms, then those never spelled out; in a terminal both fit its
// width.
func (a *app) printGlossary(lib *content.Library, v glossaryView) error {
	out := a.output()
	width := a.fitToWidth()
	heading := glossaryHeading(lib, v)
	if width > 0 {
		heading = wrapWords(heading, width)
	}
	fmt.Fprintln(out, heading)
	var defined, notDefined [][]string
	for _, it := range v.items {
		uses := strconv.Itoa(it.Uses)
		switch {
		case it.Definition != nil:
			defined = append(defined, []string{it.Entry.Abbr, it.Definition.Long, definitionRef(lib, it.Definition), uses})
		case it.Entry.SpelledOut():
			defined = append(defined, []string{it.Entry.Abbr, "(several meanings, none defined in the article)", "", uses})
		case v.art != nil: // where it is used goes without saying
			notDefined = append(notDefined, []string{it.Entry.Abbr, uses})
		default:
			notDefined = append(notDefined, []string{it.Entry.Abbr, uses, articleRefs(lib, it.Articles)})
		}
	}
	if len(defined) > 0 {
		fmt.Fprintln(out)
		t := fitTable(width, []string{"ABBR", "LONG FORM", "DEFINED IN", "USES"}, defined,
			[][]string{nil, {"USES"}, {"USES", "DEFINED IN"}}, map[string]int{"LONG FORM": 24})
		t.write(out, "")
	}
	if len(notDefined) > 0 {
		fmt.Fprintln(out, "\nNot spelled out in this issue:")
		fmt.Fprintln(out)
		header := []string{"ABBR", "USES", "USED IN"}[:len(notDefined[0])]
		t := fitTable(width, header, notDefined,
			[][]string{nil, {"USED IN"}}, map[string]int{"USED IN": 10})
		t.write(out, "")
	}
	return out.Err()
}

// glossaryHeading says whose abbreviations follow and how many, or that
// there are none.
func glossaryHeading(lib *content.Library, v glossaryView) string {
	is := v.issue
	if v.art != nil {
		whose := fmt.Sprintf("%s (%s), %s", lib.Ref(v.art), v.art.Author, is.Title())
		if len(v.items) == 0 {
			return whose + ": the article defines and uses no abbreviations."
		}
		return fmt.Sprintf("%s: %s it defines or uses, with their uses in the article", whose, plural(countEntries(v.items), "abbreviation"))
	}
	whose := fmt.Sprintf("%s, %s (%s)", is.Publication, is.Title(), is.Slug)
	if v.g.Empty() {
		return whose + ": the issue has no abbreviations."
	}
	spelled := 0
	for _, e := range v.g.Entries() {
		if e.SpelledOut() {
			spelled++
		}
	}
	return fmt.Sprintf("%s: %s of %s; %d more not spelled out",
		whose, plural(len(v.g.Definitions()), "definition"), plural(spelled, "abbreviation"), len(v.g.Entries())-spelled)
}

// countEntries is how many abbreviations the items list.
func countEntries(items []glossary.Item) int {
	n := 0
	for i, it := range items {
		if i == 0 || items[i-1].Entry != it.Entry {
			n++
		}
	}
	return n
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// articleRefs joins the references of articles: "tolipov, jamal".
func articleRefs(lib *content.Library, arts []*content.Article) string {
	refs := make([]string, len(arts))
	for i, art := range arts {
		refs[i] = lib.Ref(art)
	}
	return strings.Join(refs, ", ")
}

// fitTable makes a table of rows that fits width (0: any): it shrinks the
// columns in shrink down to their minimum widths, and when that is not
// enough drops the columns of the next of drops, in turn, and tries again.
// The abbreviations are never cut: they are what the reader looks up.
func fitTable(width int, header []string, rows [][]string, drops [][]string, shrink map[string]int) *table {
	var t *table
	for _, drop := range drops {
		t = &table{header: slices.Clone(header)}
		for _, r := range rows {
			t.add("", slices.Clone(r)...)
		}
		if width <= 0 {
			return t
		}
		for _, name := range drop {
			if i := slices.Index(t.header, name); i >= 0 {
				t.removeColumn(i)
			}
		}
		t.fit(width, nil, "", shrink)
		if tableWidth(t.widths(-1)) <= width {
			break
		}
	}
	return t
}

// completeGlossaryRefs completes REF with the articles and, in a library
// of several issues, the issues.
func completeGlossaryRefs(a *app) cobra.CompletionFunc {
	refs := completeArticleRefs(a)
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		out, dir := refs(cmd, args, toComplete)
		if lib, err := a.library(); err == nil && len(args) == 0 && len(lib.Issues) > 1 {
			for _, is := range lib.Issues {
				out = append(out, cobra.CompletionWithDesc(is.Slug, is.Title()))
			}
		}
		return out, dir
	}
}
