package render_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"analyst/internal/render"
	"analyst/internal/testlib"
)

// TestHeadingsWithoutMarkdownMarks: analyst's styles set headings apart
// by weight, colour and space, never by "#"; notty and ascii show
// emphasis without asterisks; the markdown style stays the source.
func TestHeadingsWithoutMarkdownMarks(t *testing.T) {
	lib := testlib.Library(t)
	cornell, _ := lib.Find("cornell") // an editorial title: its note is emphasised
	for _, style := range []string{render.Dark, render.Light, render.NoTTY, render.ASCII} {
		out, err := render.Article(cornell, nil, style, 80)
		if err != nil {
			t.Fatal(err)
		}
		plain := ansi.Strip(out)
		lines := strings.Split(plain, "\n")
		for i, line := range lines {
			l := strings.TrimSpace(line)
			if strings.HasPrefix(l, "#") {
				t.Errorf("%s: a heading shows its Markdown mark: %q", style, line)
			}
			if l == "Background" {
				if strings.TrimSpace(lines[i-1]) != "" || strings.TrimSpace(lines[i-2]) != "" {
					t.Errorf("%s: a section heading has less than two blank lines before it", style)
				}
				if style == render.Dark || style == render.Light {
					styled := strings.Split(out, "\n")[i]
					if !strings.Contains(styled, "\x1b[") || !strings.Contains(styled, ";1m") && !strings.Contains(styled, "[1;") && !strings.Contains(styled, "[1m") {
						t.Errorf("%s: the heading is not bold: %q", style, styled)
					}
				}
			}
		}
		if !strings.Contains(plain, "Background") {
			t.Errorf("%s lost the heading", style)
		}
		if (style == render.NoTTY || style == render.ASCII) && strings.Contains(plain, "*Headline written") {
			t.Errorf("%s shows emphasis with asterisks", style)
		}
		if !strings.Contains(strings.Join(strings.Fields(plain), " "), render.EditorialNote) {
			t.Errorf("%s lost the editorial note", style)
		}
	}
	md, _ := render.Article(cornell, nil, render.Markdown, 80)
	if !strings.HasPrefix(md, "# The Organization") || !strings.Contains(md, "\n## Background\n") || !strings.Contains(md, "*"+render.EditorialNote+"*") {
		t.Errorf("the markdown style is no longer the Markdown source:\n%.300s", md)
	}
}

// TestRenderedLinesHaveNoPadding: the lines come without the spaces
// Glamour pads them with to the width.
func TestRenderedLinesHaveNoPadding(t *testing.T) {
	a := longest(testlib.Library(t))
	for _, style := range []string{render.Dark, render.Light} {
		d, err := render.RenderDoc(a, 80, style)
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range d.Plain {
			if strings.HasSuffix(p, " ") {
				t.Errorf("%s: line %d ends with spaces: %q", style, i, p)
				break
			}
		}
	}
}
