package render

// Block is lines laid under a paragraph of a Doc, such as a reader's
// note: styled, plain, and the width of each.
type Block struct {
	Lines, Plain []string
	Widths       []int
}

// WithBlocks returns the Doc with each block laid under its paragraph
// (by index in d.Paragraphs), on lines of its own. The lines of the
// sections and paragraphs after a block move down with it, so that
// everything that goes by lines (places, sections, search, a cursor)
// keeps working; the blocks' lines count no words. Without blocks it is
// d itself: d is never changed, and a cached rendering serves every
// reader.
func (d *Doc) WithBlocks(blocks map[int]Block) *Doc {
	if len(blocks) == 0 {
		return d
	}
	extra := 0
	for _, b := range blocks {
		extra += len(b.Lines)
	}
	out := &Doc{Article: d.Article, Width: d.Width, Style: d.Style}
	n := len(d.Lines) + extra
	out.Lines, out.Plain, out.Widths = make([]string, 0, n), make([]string, 0, n), make([]int, 0, n)
	out.words = make([]int, 0, n+1)
	shift := make([]int, len(d.Lines)) // lines added before each line of d
	added, next := 0, 0
	for i := range d.Lines {
		shift[i] = added
		out.Lines = append(out.Lines, d.Lines[i])
		out.Plain = append(out.Plain, d.Plain[i])
		out.Widths = append(out.Widths, d.Widths[i])
		out.words = append(out.words, d.WordsBefore(i))
		for next < len(d.Paragraphs) && d.Paragraphs[next].End-1 <= i {
			if b, ok := blocks[next]; ok {
				out.Lines = append(out.Lines, b.Lines...)
				out.Plain = append(out.Plain, b.Plain...)
				out.Widths = append(out.Widths, b.Widths...)
				for range b.Lines {
					out.words = append(out.words, d.WordsBefore(i+1))
				}
				added += len(b.Lines)
			}
			next++
		}
	}
	out.words = append(out.words, d.WordsBefore(len(d.Lines)))
	out.Sections = make([]DocSection, len(d.Sections))
	for i, s := range d.Sections {
		out.Sections[i] = DocSection{Section: s.Section, Line: s.Line + shift[min(s.Line, len(shift)-1)]}
	}
	out.Paragraphs = make([]DocParagraph, len(d.Paragraphs))
	for i, p := range d.Paragraphs {
		p.First += shift[p.First]
		p.End += shift[p.End-1]
		out.Paragraphs[i] = p
	}
	return out
}
