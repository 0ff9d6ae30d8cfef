package render_test

import (
	"strings"
	"testing"
	"unicode"

	"analyst/internal/render"
	"analyst/internal/testlib"
)

func letters(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// TestTextStart: for every section of every article, at widths from the
// narrowest the reader has to the widest, TextStart is the line where the
// section's first paragraph begins: past the heading, and past the title
// and byline for the lead.
func TestTextStart(t *testing.T) {
	lib := testlib.Library(t)
	for _, a := range lib.Articles() {
		for _, width := range []int{render.MinWidth, 30, 45, 60, 80, 100} {
			for _, style := range []string{render.Dark, render.NoTTY, render.ASCII} {
				d, err := render.RenderDoc(a, width, style)
				if err != nil {
					t.Fatal(err)
				}
				for i, ds := range d.Sections {
					line := d.TextStart(ds.Section)
					first := letters(ds.Section.Paragraphs[0])
					got := letters(d.Plain[line])
					if got == "" || !strings.HasPrefix(first, got) {
						t.Errorf("%s %s at %d (%s): line %d %q does not begin the text", a.Slug, ds.Section.Slug, width, style, line, d.Plain[line])
					}
					if i > 0 && line <= ds.Line || i == 0 && strings.Contains(strings.Join(d.Plain[:line], " "), "Institute") {
						t.Errorf("%s %s at %d (%s): line %d is not past the heading (%d)", a.Slug, ds.Section.Slug, width, style, line, ds.Line)
					}
					for _, l := range d.Plain[ds.Line:line] {
						if len(letters(l)) >= 16 && strings.HasPrefix(first, letters(l)) {
							t.Errorf("%s %s: an earlier line %q begins the text", a.Slug, ds.Section.Slug, l)
						}
					}
				}
				if got := d.TextStart(a.Bio()); got != -1 {
					t.Errorf("the bio is not in the pane's document, yet TextStart is %d", got)
				}
				lead := d.TextStart(a.Lead())
				if by := letters(strings.Join(d.Plain[:lead], " ")); !strings.Contains(by, "by") || !strings.Contains(by, "minread") {
					t.Errorf("%s at %d (%s): the lead's text starts at %d, before the byline ends", a.Slug, width, style, lead)
				}
			}
		}
	}
}
