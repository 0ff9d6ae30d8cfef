package content

import (
	"strings"
)

// LeadName and BioName are the names the reader shows for the two sections
// that have no heading of their own in the text's structure.
const (
	LeadName = "Lead"
	BioName  = "Author's Bio"
)

// bioHeadings are the headings (slugified) that mark the author's bio.
var bioHeadings = []string{"authors-bio", "author-bio", "about-the-author", "bio"}

// IsBioHeading reports whether a heading names the author's bio.
func IsBioHeading(name string) bool {
	slug := Slugify(name)
	for _, h := range bioHeadings {
		if slug == h {
			return true
		}
	}
	return false
}

// parseSections splits an article body into its lead (the text before the
// first "##" heading) and one section per "##" heading. firstLine is the
// file line of the body's first line, so problems point at the right line.
func parseSections(body string, firstLine int, pl problemList) []*Section {
	var (
		sections []*Section
		cur      = &Section{Kind: KindLead, Name: LeadName, Slug: "lead", Line: firstLine}
		buf      []string
		fenced   string // the open code fence, if any
		fenceAt  int    // the line that opened it
		seen     = map[string]int{}
	)
	flush := func() {
		cur.Markdown = strings.TrimSpace(strings.Join(buf, "\n"))
		buf = buf[:0]
		if cur.Kind == KindLead && cur.Markdown == "" {
			return // no lead is allowed
		}
		fillParagraphs(cur)
		if len(cur.Paragraphs) == 0 {
			pl.add(cur.Line, "section %q has no text", cur.Name)
		}
		sections = append(sections, cur)
	}
	lines := strings.Split(body, "\n")
	for i, raw := range lines {
		line := strings.TrimRight(raw, " \t\r")
		n := firstLine + i
		if fenced != "" {
			if strings.HasPrefix(strings.TrimSpace(line), fenced) {
				fenced = ""
			}
			buf = append(buf, line)
			continue
		}
		if f := codeFence(line); f != "" {
			fenced, fenceAt = f, n
			buf = append(buf, line)
			continue
		}
		level, name := atxHeading(line)
		switch {
		case level == 1:
			pl.add(n, "a level-1 heading %q in the body: the title belongs in the front matter, sections use \"##\"", name)
			continue
		case level != 2:
			if cur.Kind == KindLead && len(buf) == 0 && strings.TrimSpace(line) == "" {
				cur.Line = n + 1 // the lead starts at its first text
			}
			buf = append(buf, line)
			continue
		}
		flush()
		cur = newSection(name, n)
		if cur.Name == "" {
			pl.add(n, "a \"##\" heading with no name")
		}
		if prev, dup := seen[cur.Slug]; dup && cur.Slug != "" {
			pl.add(n, "section %q appears twice (first on line %d)", cur.Name, prev)
		}
		seen[cur.Slug] = n
	}
	if fenced != "" {
		pl.add(fenceAt, "the code block opened with %q here is never closed", fenced)
	}
	flush()
	named := 0 // the bio is not one of the article's sections
	for _, s := range sections {
		if s.Kind == KindBody {
			named++
		}
	}
	if named == 0 {
		at := firstLine // the body, or its lead's first text when it has one
		if len(sections) > 0 {
			at = sections[0].Line
		}
		pl.add(at, "the article has no sections: give it at least one \"## Heading\"")
	}
	return sections
}

func newSection(name string, line int) *Section {
	if IsBioHeading(name) {
		return &Section{Kind: KindBio, Name: name, Slug: "bio", Line: line}
	}
	return &Section{Kind: KindBody, Name: name, Slug: Slugify(name), Line: line}
}

// fillParagraphs splits a section's Markdown at blank lines into the plain
// text of its paragraphs and counts its words.
func fillParagraphs(s *Section) {
	s.Paragraphs = s.Paragraphs[:0]
	s.Words = 0
	for _, block := range strings.Split(s.Markdown, "\n\n") {
		text := PlainText(block)
		if text == "" {
			continue
		}
		s.Paragraphs = append(s.Paragraphs, text)
		s.Words += CountWords(text)
	}
}

// atxHeading returns the level and text of an ATX heading line ("## Name"),
// or 0 when the line is not one.
func atxHeading(line string) (int, string) {
	if len(line) > 3 && line[0] == ' ' {
		line = strings.TrimLeft(line[:3], " ") + line[3:] // up to 3 spaces of indent
	}
	level := 0
	for level < len(line) && line[level] == '#' {
		level++
	}
	if level == 0 || level > 6 {
		return 0, ""
	}
	rest := line[level:]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return 0, ""
	}
	rest = strings.TrimSpace(rest)
	// A closing sequence of #s is not part of the heading.
	if trimmed := strings.TrimRight(rest, "#"); trimmed != rest && (trimmed == "" || strings.HasSuffix(trimmed, " ")) {
		rest = strings.TrimSpace(trimmed)
	}
	return level, rest
}

// codeFence returns the fence ("```" or "~~~") that opens a code block on
// this line, or "".
func codeFence(line string) string {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 {
		return ""
	}
	for _, f := range []string{"```", "~~~"} {
		if strings.HasPrefix(t, f) {
			return f
		}
	}
	return ""
}
