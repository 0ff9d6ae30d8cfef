package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"analyst/internal/content"
)

// Doc is an article rendered for one width and style, cut into lines, with
// the line each section starts on. A Doc is never changed once made, so
// readers in many sessions can share it.
type Doc struct {
	Article  *content.Article
	Width    int
	Style    string
	Lines    []string     // the rendered lines, with escape codes
	Plain    []string     // the same lines as plain text
	Widths   []int        // the width of each line in cells
	Sections []DocSection // the lead and the named sections, in order
	// Paragraphs are the lines of each paragraph of those sections, in order.
	Paragraphs []DocParagraph
	words      []int // words before each line, and in all (WordsBefore)
	size       int64 // bytes held, for the cache's budget
}

// DocSection is where a section starts in a Doc.
type DocSection struct {
	Section *content.Section
	Line    int
}

// RenderDoc renders the reading pane's document for an article: title,
// byline, lead and named sections (the bio goes to the sidebar).
func RenderDoc(a *content.Article, width int, style string) (*Doc, error) {
	out, err := renderArticle(a, false, style, width)
	if err != nil {
		return nil, err
	}
	if style == Markdown {
		out = ansi.Wordwrap(out, max(width, MinWidth), "")
	}
	out = strings.Trim(out, "\n")
	d := &Doc{Article: a, Width: width, Style: style, Lines: strings.Split(out, "\n")}
	d.Plain = make([]string, len(d.Lines))
	d.Widths = make([]int, len(d.Lines))
	for i, l := range d.Lines {
		d.Plain[i] = ansi.Strip(l)
		d.Widths[i] = ansi.StringWidth(d.Plain[i])
		d.size += int64(len(l) + len(d.Plain[i]) + 40)
	}
	d.Sections = findSections(a, d.Plain)
	d.Paragraphs = findParagraphs(d.Sections, d.Plain)
	d.words = countWords(d.Plain, d.Paragraphs)
	d.size += int64(len(d.words)) * 8
	d.size += int64(len(d.Paragraphs)) * 32
	return d, nil
}

// findSections locates each section's heading in the plain lines, in
// order: a paragraph of its own that is the heading's text (headings
// carry no Markdown marks; a long one wraps). The lead starts at the top; a heading that cannot be found (it
// should not happen) takes the line of the section before it.
func findSections(a *content.Article, plain []string) []DocSection {
	var out []DocSection
	from := 0
	for _, s := range a.Sections {
		switch s.Kind {
		case content.KindBio:
			continue
		case content.KindLead:
			out = append(out, DocSection{Section: s, Line: 0})
			continue
		}
		line := from
		for i := from; i < len(plain); i++ {
			if headingAt(plain, i, s.Name) {
				line = i
				break
			}
		}
		out = append(out, DocSection{Section: s, Line: line})
		from = line
	}
	return out
}

// SectionAt returns the index in d.Sections of the section that line is in.
func (d *Doc) SectionAt(line int) int {
	cur := 0
	for i, s := range d.Sections {
		if s.Line <= line {
			cur = i
		}
	}
	return cur
}

// headingAt reports whether a paragraph starting at line i of plain (a
// blank line before it) is exactly name, over one line or several.
func headingAt(plain []string, i int, name string) bool {
	if i > 0 && strings.TrimSpace(plain[i-1]) != "" {
		return false
	}
	want := strings.Join(strings.Fields(name), " ")
	var got []string
	for j := i; j < len(plain) && strings.TrimSpace(plain[j]) != ""; j++ {
		got = append(got, strings.Fields(plain[j])...)
		if len(strings.Join(got, " ")) >= len(want) {
			break
		}
	}
	return strings.Join(got, " ") == want
}
