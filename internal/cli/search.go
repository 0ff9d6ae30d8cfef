package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"analyst/internal/content"
	"analyst/internal/render"
)

// errNoMatches makes search exit 1 when nothing matched, as grep does.
var errNoMatches = errors.New("no matches")

func newSearchCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Find a word or phrase in every article",
		Long: `Find every case-insensitive occurrence of QUERY in the articles: their
leads and sections, as the reader's search does; not the authors' bios,
which are about the authors. Each match is printed on a line: the
reference to read it (article#section), then the text around it; matches
close together share one line. With --json, each line is an object of
one JSON array, whose "matches" says how many matches its context holds.
Like grep, search exits 1 when nothing matches.`,
		Example: `  analyst search "Abraham Accords"
  analyst search TRIPP --json | jq '.[0].ref'
  analyst read "$(analyst search Gabala | head -1 | cut -f1)"`,
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
			lines := searchLines(lib.Search(query))
			if asJSON {
				err = a.printJSON(matchList(lib, lines))
			} else {
				err = a.printMatches(lib, lines)
			}
			if err != nil {
				return err
			}
			if len(lines) == 0 {
				return fmt.Errorf("%w for %q", errNoMatches, query)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON: an array of matching lines")
	return cmd
}

// searchLine is one line of search output: a context and every match it
// shows. Several matches close together in a paragraph share one context,
// and are printed once.
type searchLine struct {
	content.Match          // the first match
	Text          string   // its context, with "…" where the paragraph goes on
	Spans         [][2]int // where each match is in Text: [start, end) bytes
}

// contextMark is what marks a context that the paragraph goes on before
// or after.
const contextMark = "…"

// searchLines groups the matches that share a context line, in order.
func searchLines(matches []content.Match) []searchLine {
	var out []searchLine
	for _, m := range matches {
		text, in := m.MarkedContext(contextMark)
		if n := len(out); n > 0 {
			last := &out[n-1]
			if last.Article == m.Article && last.Section == m.Section && last.Paragraph == m.Paragraph && last.Text == text {
				// A context that repeats in a paragraph could show a later
				// match before an earlier one: bold only those in order.
				if in[0] >= last.Spans[len(last.Spans)-1][1] {
					last.Spans = append(last.Spans, in)
				}
				continue
			}
		}
		out = append(out, searchLine{Match: m, Text: text, Spans: [][2]int{in}})
	}
	return out
}

// matchJSON is one line of `search --json`. TitleSource is list --json's:
// "editorial" for a headline written for this edition, never to be given
// as the journal's title.
type matchJSON struct {
	Ref         string `json:"ref"`
	Issue       string `json:"issue"`
	Number      int    `json:"number"`
	Slug        string `json:"slug"`
	Title       string `json:"title"`
	TitleSource string `json:"title_source"`
	Section     string `json:"section"`      // its name, as the reader shows it: "Implications"
	SectionSlug string `json:"section_slug"` // what REF#section takes: "implications"
	Paragraph   int    `json:"paragraph"`
	Context     string `json:"context"`
	Matches     int    `json:"matches"` // how many matches the context shows
}

func matchList(lib *content.Library, lines []searchLine) []matchJSON {
	out := []matchJSON{}
	for _, l := range lines {
		out = append(out, matchJSON{
			Ref: matchRef(lib, l.Match), Issue: l.Article.Issue.Slug, Number: l.Article.Number,
			Slug: l.Article.Slug, Title: l.Article.Title, TitleSource: l.Article.TitleSource,
			Section: l.Section.Name, SectionSlug: l.Section.Slug,
			Paragraph: l.Paragraph + 1, Context: l.Text, Matches: len(l.Spans),
		})
	}
	return out
}

// matchRef is the reference that opens a match's section:
// "cutler#implications", or "2025-12/cutler#implications" in an older issue.
func matchRef(lib *content.Library, m content.Match) string {
	return lib.Ref(m.Article) + "#" + m.Section.Slug
}

// minContextRoom is the fewest cells a context gets beside its reference
// in a terminal; narrower, each context goes on a line of its own.
const minContextRoom = 20

// contextIndent is what starts a context on a line of its own.
const contextIndent = "  "

// printMatches writes one line a context: reference, then context, with
// the matches in bold where the output shows it, each line fitted to the
// terminal's width (see matchLines).
func (a *app) printMatches(lib *content.Library, lines []searchLine) error {
	w := a.colorWriter()
	for _, line := range matchLines(lib, lines, a.fitToWidth()) {
		if _, err := io.WriteString(w, line+"\n"); err != nil {
			return err
		}
	}
	return w.Err()
}

// matchLines lays out search's lines: reference, then context, with the
// matches in bold (which a writer without colours drops). In width cells
// (0 for no limit) the context is cut around its first match, which is
// never cut: where the references leave a context too little room, or a
// match more than the room, every context goes on the line under its
// reference, indented; a match wider than that line is shown whole all
// the same, and the terminal wraps it.
func matchLines(lib *content.Library, lines []searchLine, width int) []string {
	bold := lipgloss.NewStyle().Bold(true)
	markW := ansi.StringWidth(contextMark)
	under := false // contexts under their references
	for _, l := range lines {
		// The tab takes the context to the next stop of 8.
		room := width - (ansi.StringWidth(matchRef(lib, l.Match))/8+1)*8
		under = under || width > 0 && (room < minContextRoom || room < firstMatchWidth(l)+2*markW)
	}
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		var ctx strings.Builder
		at := 0
		for _, s := range l.Spans {
			ctx.WriteString(l.Text[at:s[0]])
			ctx.WriteString(bold.Render(l.Text[s[0]:s[1]]))
			at = s[1]
		}
		ctx.WriteString(l.Text[at:])
		ref := matchRef(lib, l.Match)
		sep, room := "\t", width-(ansi.StringWidth(ref)/8+1)*8
		if under {
			sep, room = "\n"+contextIndent, width-len(contextIndent)
		}
		text := ctx.String()
		if width > 0 {
			from := ansi.StringWidth(l.Text[:l.Spans[0][0]])
			to := from + firstMatchWidth(l)
			text = render.CutAround(text, from, to, max(room, to-from+2*markW), contextMark)
		}
		out = append(out, ref+sep+text)
	}
	return out
}

// firstMatchWidth is how many cells a line's first match takes.
func firstMatchWidth(l searchLine) int {
	return ansi.StringWidth(l.Text[l.Spans[0][0]:l.Spans[0][1]])
}
