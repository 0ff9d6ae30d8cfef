package render

import (
	"strconv"
	"strings"

	"analyst/internal/content"
)

// EditorialNote marks a title that the journal did not give the article.
const EditorialNote = "Headline written for this edition: the journal's page gives the article no title."

// ArticleMarkdown composes the document a reader reads: title, byline, the
// lead, then the named sections; with withBio, the author's bio closes it.
func ArticleMarkdown(a *content.Article, withBio bool) string {
	var b strings.Builder
	b.WriteString("# " + content.EscapeMarkdown(a.Title) + "\n\n")
	b.WriteString(Byline(a) + "\n\n")
	if a.Editorial() {
		b.WriteString("*" + EditorialNote + "*\n\n")
	}
	for _, s := range a.Sections {
		if s.Kind == content.KindBio && !withBio {
			continue
		}
		b.WriteString(SectionMarkdown(s))
		b.WriteString("\n\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// Byline is the line under the title: author, issue and reading time.
func Byline(a *content.Article) string {
	return strings.Join(bylineParts(a, content.EscapeMarkdown), bylineSep)
}

// bylineParts are the byline's parts: the author, the publication and
// issue, the reading time; escaped for Markdown, or as text.
func bylineParts(a *content.Article, escape func(string) string) []string {
	parts := []string{"By " + escape(a.Author)}
	if a.Issue != nil {
		parts = append(parts, escape(a.Issue.Publication)+", "+a.Issue.Title())
	}
	return append(parts, minutes(a.Minutes())+" read")
}

// SectionMarkdown is one section as Markdown: its "##" heading (none for the
// lead) and its text.
func SectionMarkdown(s *content.Section) string {
	if s.Kind == content.KindLead {
		return s.Markdown
	}
	return "## " + s.Name + "\n\n" + s.Markdown
}

func minutes(n int) string {
	if n == 1 {
		return "1 min"
	}
	return strconv.Itoa(n) + " min"
}
