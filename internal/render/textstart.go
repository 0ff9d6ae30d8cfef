package render

import (
	"analyst/internal/content"
)

// TextStart is the line of d where a section's text begins: after its
// heading, or for the lead after the title and byline. A search that
// counts occurrences in the section's paragraphs counts them from there.
// It is -1 when the section is not in d (the bio).
func (d *Doc) TextStart(sec *content.Section) int {
	if i := d.FindParagraph(sec, 0); i >= 0 {
		return d.Paragraphs[i].First
	}
	for _, ds := range d.Sections {
		if ds.Section == sec {
			return ds.Line // a section without text, which loading does not allow
		}
	}
	return -1
}
