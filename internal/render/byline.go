package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"analyst/internal/content"
)

// bylineToken stands for the byline in the Markdown Glamour renders, to
// be replaced by the byline laid out here: Glamour wraps a paragraph
// anywhere (after a hyphen too: "Central Asia-" / "Caucasus"), ignores
// hard line breaks, and cannot be told to keep "6 min read" together.
const bylineToken = "analystbyline" // shorter than the narrowest line: not wrapped

// renderArticle renders an article's document (ArticleMarkdown) in a
// style at a width, its byline broken only between its parts.
func renderArticle(a *content.Article, withBio bool, style string, width int) (string, error) {
	md := strings.Replace(ArticleMarkdown(a, withBio), Byline(a), bylineToken, 1)
	out, err := Document(md, style, width)
	if err != nil {
		return "", err
	}
	lines := strings.Split(out, "\n")
	for i, line := range lines {
		before, after, ok := strings.Cut(line, bylineToken)
		if !ok {
			continue
		}
		// Each line of the byline takes the paragraph's margin and style:
		// what Glamour put before the token, and a reset after it.
		end := ""
		if strings.Contains(after, "\x1b[") {
			end = "\x1b[m"
		}
		var by []string
		for _, l := range bylineLines(a, style, textWidth(width)) {
			by = append(by, before+l+end)
		}
		lines = append(lines[:i], append(by, lines[i+1:]...)...)
		break
	}
	return strings.Join(lines, "\n"), nil
}

// bylineLines lays the byline out in lines of width cells, breaking
// between its parts; a part wider than a line is wrapped at its words.
func bylineLines(a *content.Article, style string, width int) []string {
	var out []string
	for _, l := range layParts(bylineParts(a, func(s string) string { return s }), separator(style), width) {
		if ansi.StringWidth(l) > width {
			out = append(out, strings.Split(ansi.Wordwrap(l, width, ""), "\n")...)
			continue
		}
		out = append(out, l)
	}
	return out
}
