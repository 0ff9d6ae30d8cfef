package main

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/spf13/cobra"

	"analyst/internal/content"
)

// errNoMatches makes search exit 1 when nothing matched, as grep does.
var errNoMatches = errors.New("no matches")

func newSearchCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Find a word or phrase in every article",
		Long: `Find every case-insensitive occurrence of QUERY in the articles. Each match
is printed on one line: the reference to read it (article#section), then the
text around it. Like grep, search exits 1 when nothing matches.`,
		Example: `  analyst search "Abraham Accords"
  analyst search TRIPP --json | jq '.[0].ref'
  analyst read "$(analyst search Gabala | head -1 | cut -d' ' -f1)"`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 || strings.TrimSpace(strings.Join(args, " ")) == "" {
				return usagef(cmd, "search expects a QUERY")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			lib, err := a.library()
			if err != nil {
				return err
			}
			query := strings.Join(args, " ")
			matches := lib.Search(query)
			if asJSON {
				err = a.printJSON(matchList(lib, matches))
			} else {
				err = a.printMatches(lib, matches)
			}
			if err != nil {
				return err
			}
			if len(matches) == 0 {
				return fmt.Errorf("%w for %q", errNoMatches, query)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON: an array of matches")
	return cmd
}

// matchJSON is one match in `search --json`.
type matchJSON struct {
	Ref       string `json:"ref"`
	Issue     string `json:"issue"`
	Number    int    `json:"number"`
	Slug      string `json:"slug"`
	Title     string `json:"title"`
	Section   string `json:"section"`
	Paragraph int    `json:"paragraph"`
	Context   string `json:"context"`
}

func matchList(lib *content.Library, matches []content.Match) []matchJSON {
	out := []matchJSON{}
	for _, m := range matches {
		out = append(out, matchJSON{
			Ref: matchRef(lib, m), Issue: m.Article.Issue.Slug, Number: m.Article.Number,
			Slug: m.Article.Slug, Title: m.Article.Title, Section: m.Section.Name,
			Paragraph: m.Paragraph + 1, Context: m.Context,
		})
	}
	return out
}

// matchRef is the reference that opens a match's section:
// "cutler#implications", or "2025-12/cutler#implications" in an older issue.
func matchRef(lib *content.Library, m content.Match) string {
	return lib.Ref(m.Article) + "#" + m.Section.Slug
}

// printMatches writes one line a match: reference, then context, with the
// match in bold where the output shows it.
func (a *app) printMatches(lib *content.Library, matches []content.Match) error {
	bold := lipgloss.NewStyle().Bold(true)
	w := a.colorWriter()
	for _, m := range matches {
		c, at := m.Context, m.InContext
		if _, err := fmt.Fprintf(w, "%s\t%s%s%s\n", matchRef(lib, m), c[:at[0]], bold.Render(c[at[0]:at[1]]), c[at[1]:]); err != nil {
			return err
		}
	}
	return w.Err()
}
