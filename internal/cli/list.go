package cli

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/spf13/cobra"

	"analyst/internal/content"
)

func newListCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "Print the table of contents",
		Long: `Print the table of contents: number, title, author, sections, words and
minutes to read of every article. A title marked * was written for this
edition; the journal's page gives none.`,
		Example: "  analyst list\n  analyst list --json | jq -r '.[].title'",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, err := a.library()
			if err != nil {
				return err
			}
			if asJSON {
				return a.printJSON(articleList(lib))
			}
			return a.printList(lib)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON: an array of articles")
	return cmd
}

// articleJSON is one article in `list --json`.
type articleJSON struct {
	Issue       string   `json:"issue"`
	Number      int      `json:"number"`
	Slug        string   `json:"slug"`
	Title       string   `json:"title"`
	TitleSource string   `json:"title_source"`
	Author      string   `json:"author"`
	ImageCredit string   `json:"image_credit,omitempty"`
	Sections    []string `json:"sections"`
	Words       int      `json:"words"`
	Minutes     int      `json:"minutes"`
	Teaser      string   `json:"teaser"`
}

func articleList(lib *content.Library) []articleJSON {
	out := []articleJSON{}
	for _, art := range lib.Articles() {
		var names []string
		for _, s := range art.Numbered() {
			names = append(names, s.Name)
		}
		out = append(out, articleJSON{
			Issue: art.Issue.Slug, Number: art.Number, Slug: art.Slug,
			Title: art.Title, TitleSource: art.TitleSource, Author: art.Author,
			ImageCredit: art.ImageCredit, Sections: names,
			Words: art.Words, Minutes: art.Minutes(), Teaser: art.Teaser(),
		})
	}
	return out
}

// printList writes the table of contents of every issue, aligned in
// columns; a title written for this edition is marked with "*". In a
// terminal the table fits its width: the sections, words and minutes
// columns go first, then titles and authors are cut after a word; the
// reference stays.
func (a *app) printList(lib *content.Library) error {
	out := a.output()
	width := a.fitToWidth()
	editorial := false
	for i, is := range lib.Issues {
		if i > 0 {
			fmt.Fprintln(out)
		}
		heading := fmt.Sprintf("%s, %s (%s)", is.Publication, is.Title(), is.Slug)
		if width > 0 {
			heading = wrapWords(heading, width)
		}
		fmt.Fprintf(out, "%s\n\n", heading)
		t := issueTable(lib, is)
		if width > 0 {
			// REF stays: it is what to type to read the article.
			t.fit(width, []string{"SECTIONS", "WORDS", "MIN"}, "TITLE", map[string]int{"TITLE": 16, "AUTHOR": 10})
			if tableWidth(t.widths(1)) > width {
				// Still too wide: the authors go, and the titles get
				// what is left.
				t = issueTable(lib, is)
				t.removeColumn(slices.Index(t.header, "AUTHOR"))
				t.fit(width, []string{"SECTIONS", "WORDS", "MIN"}, "TITLE", map[string]int{"TITLE": 1})
			}
		}
		if err := t.write(out, "TITLE"); err != nil {
			return err
		}
		editorial = editorial || slices.ContainsFunc(is.Articles(), (*content.Article).Editorial)
	}
	if editorial {
		note := "* headline written for this edition: the journal's page gives none"
		if width > 0 && width < len(note) {
			note = wrapWords("* headline written for this edition", width)
		}
		fmt.Fprintln(out, "\n"+note)
	}
	return out.Err()
}

// issueTable is the table of an issue's articles, uncut, each title
// written for this edition marked " *".
func issueTable(lib *content.Library, is *content.Issue) *table {
	t := &table{header: []string{"#", "TITLE", "AUTHOR", "SECTIONS", "WORDS", "MIN", "REF"}}
	for _, art := range is.Articles() {
		mark := ""
		if art.Editorial() {
			mark = " *"
		}
		t.add(mark, strconv.Itoa(art.Number), art.Title, art.Author, strconv.Itoa(len(art.Numbered())),
			strconv.Itoa(art.Words), strconv.Itoa(art.Minutes()), lib.Ref(art))
	}
	return t
}
