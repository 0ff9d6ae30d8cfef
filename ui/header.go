package ui

import (
	"fmt"

	"github.com/charmbracelet/x/ansi"

	"analyst/internal/content"
)

// fitHeader is the reader's top line for an article and the section on
// screen: "Central Asia-Caucasus Analyst · January 2026" on the left,
// "Article 2 of 4 · Implications" on the right. Where both do not fit,
// the left gives way first (the issue's date alone, then nothing), then
// the right shortens to "2 of 4 · Implications", then to the section.
func fitHeader(st Styles, a *content.Article, section string, w int) string {
	is, sep := a.Issue, st.G.Sep
	n, of := a.Number, len(is.Articles())
	rights := []string{fmt.Sprintf("Article %d of %d", n, of), fmt.Sprintf("%d of %d", n, of)}
	if section != "" {
		rights = []string{
			fmt.Sprintf("Article %d of %d%s%s", n, of, sep, section),
			fmt.Sprintf("%d of %d%s%s", n, of, sep, section),
			section,
		}
	}
	lefts := []string{is.Publication + sep + is.Title(), is.Title(), ""}
	for _, right := range rights {
		for _, left := range lefts {
			// A space at each end, and two between the parts.
			if 1+ansi.StringWidth(left)+2+ansi.StringWidth(right)+1 <= w || (left == "" && 1+ansi.StringWidth(right)+1 <= w) {
				return spread(st, " "+st.Header.Render(left), st.HeaderDim.Render(right)+" ", w)
			}
		}
	}
	return spread(st, "", st.HeaderDim.Render(rights[len(rights)-1])+" ", w)
}
