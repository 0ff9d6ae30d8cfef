package render

import (
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
	return renderArticle(a, true, style, width)
}

// textWidth is the room for text in a document rendered at width: what
// the margins leave.
func textWidth(width int) int {
	return max(width, MinWidth) - 2*documentMargin
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
