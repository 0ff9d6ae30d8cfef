package render_test

import (
	"fmt"
	"strings"
	"testing"

	"analyst/internal/content"
	"analyst/internal/render"
	"analyst/internal/testlib"
)

// TestParagraphMapAgreesWithTheText checks the map from rendered lines to
// paragraphs for every paragraph of the embedded issue: in the reader's
// style at every width it can have, and in the other styles at a few. Each
// paragraph must be there, in order, and its lines must hold its text and
// nothing else (compared without the spaces the wrap moves).
func TestParagraphMapAgreesWithTheText(t *testing.T) {
	lib := testlib.Library(t)
	var widths []int
	for w := render.MinWidth; w <= 130; w++ {
		widths = append(widths, w)
	}
	for _, style := range []string{render.Dark, render.Light, render.NoTTY, render.ASCII, render.Markdown} {
		ws := widths
		if style != render.Dark {
			ws = []int{20, 33, 40, 57, 80, 100, 130}
		}
		for _, a := range lib.Articles() {
			for _, w := range ws {
				d, err := render.RenderDoc(a, w, style)
				if err != nil {
					t.Fatal(err)
				}
				if err := checkParagraphs(d); err != "" {
					t.Fatalf("%s, %s at %d: %s", a.Slug, style, w, err)
				}
			}
		}
	}
}

func checkParagraphs(d *render.Doc) string {
	itoa := func(n int) string { return fmt.Sprint(n) }
	var want []string
	for _, ds := range d.Sections {
		want = append(want, ds.Section.Paragraphs...)
	}
	if len(d.Paragraphs) != len(want) {
		return "found " + itoa(len(d.Paragraphs)) + " paragraphs, want " + itoa(len(want))
	}
	prevEnd, i := 0, 0
	for si, ds := range d.Sections {
		for pi, text := range ds.Section.Paragraphs {
			p := d.Paragraphs[i]
			i++
			if p.Section != si || p.Index != pi {
				return "paragraph " + itoa(i) + " is out of order"
			}
			if p.First < prevEnd || p.End <= p.First || p.End > len(d.Lines) {
				return "paragraph " + itoa(i) + " has lines " + itoa(p.First) + "-" + itoa(p.End) + " after " + itoa(prevEnd)
			}
			if p.First < ds.Line {
				return "paragraph " + itoa(i) + " starts before its section"
			}
			prevEnd = p.End
			got := squeeze(strings.Join(d.Plain[p.First:p.End], " "))
			if got != squeeze(text) {
				return "the lines of paragraph " + itoa(i) + " hold\n" + got + "\nnot\n" + squeeze(text)
			}
		}
	}
	return ""
}

// squeeze takes the spaces out of a text, and the emphasis marks the
// Markdown style keeps, so that a wrapped text compares with its source.
func squeeze(s string) string {
	s = content.PlainText(s)
	return strings.Join(strings.Fields(s), "")
}
