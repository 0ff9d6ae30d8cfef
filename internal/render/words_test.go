package render_test

import (
	"testing"

	"analyst/internal/render"
	"analyst/internal/testlib"
)

// A Doc counts the same words at every width, and a word is found on the
// line that holds it.
func TestDocWords(t *testing.T) {
	a := longest(testlib.Library(t))
	total := -1
	for _, width := range []int{40, 74, 100} {
		d, err := render.RenderDoc(a, width, render.Dark)
		if err != nil {
			t.Fatal(err)
		}
		n := d.WordsBefore(len(d.Lines))
		if total >= 0 && n != total {
			t.Errorf("at %d cells the text has %d words, at another width %d", width, n, total)
		}
		total = n
		for _, line := range []int{3, len(d.Lines) / 2, len(d.Lines) - 1} {
			if d.WordsBefore(line+1) == d.WordsBefore(line) {
				continue // a blank line holds no word
			}
			if got := d.LineOfWord(0, len(d.Lines), d.WordsBefore(line)); got != line {
				t.Errorf("at %d cells the first word of line %d is found on line %d", width, line, got)
			}
		}
	}
}

// WithBlocks lays lines under a paragraph: what follows moves down, and
// the lines laid in count no words.
func TestWithBlocks(t *testing.T) {
	a := longest(testlib.Library(t))
	d, err := render.RenderDoc(a, 74, render.Dark)
	if err != nil {
		t.Fatal(err)
	}
	if d.WithBlocks(nil) != d {
		t.Errorf("without blocks the Doc is itself")
	}
	p := d.Paragraphs[2]
	out := d.WithBlocks(map[int]render.Block{2: {Lines: []string{"  a note", "  more"}, Plain: []string{"  a note", "  more"}, Widths: []int{8, 6}}})
	if len(out.Lines) != len(d.Lines)+2 || out.Plain[p.End] != "  a note" {
		t.Fatalf("the block is not under its paragraph")
	}
	if out.Paragraphs[3].First != d.Paragraphs[3].First+2 || out.Paragraphs[2] != p {
		t.Errorf("the paragraphs after the block move down, those before stay")
	}
	if out.WordsBefore(len(out.Lines)) != d.WordsBefore(len(d.Lines)) || out.WordsBefore(p.End+2) != d.WordsBefore(p.End) {
		t.Errorf("the block's lines count words")
	}
}
