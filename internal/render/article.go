package render

import (
	"strings"

	"analyst/internal/content"
)

// Article renders an article for printing: the whole of it with the
// author's bio, or only sec when it is given, in a style at a width.
func Article(a *content.Article, sec *content.Section, style string, width int) (string, error) {
	if sec != nil {
		return Document(SectionMarkdown(sec)+"\n", style, width)
	}
	if style == Markdown {
		return ArticleMarkdown(a, true), nil
	}
	return Document(composeMarkdown(a, true, style), style, width)
}

// composeMarkdown is ArticleMarkdown for rendering in a style: the
// byline's parts are joined with the style's separator (ASCII in the
// ascii style).
func composeMarkdown(a *content.Article, withBio bool, style string) string {
	md := ArticleMarkdown(a, withBio)
	if sep := separator(style); sep != bylineSep {
		md = strings.Replace(md, Byline(a), strings.Join(bylineParts(a), sep), 1)
	}
	return md
}

// bylineSep joins the byline's parts.
const bylineSep = " · "

// separator is what joins the parts of a line in a style.
func separator(style string) string {
	if style == ASCII {
		return " - "
	}
	return bylineSep
}
