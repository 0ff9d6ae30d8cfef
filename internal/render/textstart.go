package render

import (
	"strings"
	"unicode"

	"analyst/internal/content"
)

// TextStart is the line of d where a section's text begins: after its
// heading, or for the lead after the title and byline. A search that
// counts occurrences in the section's paragraphs counts them from there.
// It is -1 when the section is not in d (the bio).
func (d *Doc) TextStart(sec *content.Section) int {
	for i, ds := range d.Sections {
		if ds.Section != sec {
			continue
		}
		end := len(d.Plain)
		if i+1 < len(d.Sections) {
			end = d.Sections[i+1].Line
		}
		from := ds.Line
		if sec.Kind != content.KindLead {
			from++ // the heading's line
		}
		if len(sec.Paragraphs) == 0 {
			return from
		}
		// The first line whose letters and digits, with those of the
		// lines after it (16 at least, so that a short line does not
		// begin the paragraph by chance), begin the first paragraph's:
		// the wrap, the margins and emphasis do not matter.
		want := alnumLower(sec.Paragraphs[0])
		for l := from; l < end; l++ {
			got := alnumLower(d.Plain[l])
			if got == "" || !strings.HasPrefix(want, got) {
				continue
			}
			for k := l + 1; k < end && len(got) < min(16, len(want)); k++ {
				next := alnumLower(d.Plain[k])
				if next == "" {
					break
				}
				got += next
			}
			if strings.HasPrefix(want, got) && len(got) >= min(16, len(want)) {
				return l
			}
		}
		return from
	}
	return -1
}

// alnumLower is s's letters and digits, lower-cased.
func alnumLower(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}
