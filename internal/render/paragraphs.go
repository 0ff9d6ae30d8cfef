package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"analyst/internal/content"
)

// DocParagraph is where one paragraph of the article is in a Doc: the
// rendered lines [First, End), and which paragraph it is, so that what a
// reader points at on screen is a paragraph of content.Section.Paragraphs.
type DocParagraph struct {
	Section int // index in Doc.Sections
	Index   int // index in that section's Paragraphs
	First   int // its first line
	End     int // the line after its last
}

// findParagraphs maps each paragraph of the lead and the named sections to
// the lines it was rendered on. The rendered text and the paragraph are
// compared by their letters and digits alone, so that what Glamour does
// to spaces, margins, wrapping (a hyphenated word split at its hyphen),
// emphasis marks and colours does not matter. Each paragraph is looked
// for after the one before, from its section's first line: a paragraph
// whose words also appear earlier (in the title, say) is not confused
// with them. A paragraph that cannot be found (it should not happen: a
// test checks every paragraph at every width) is left out of the map.
func findParagraphs(sections []DocSection, plain []string) []DocParagraph {
	flow, lineOf, lineStart := letterFlow(plain)
	var out []DocParagraph
	from := 0 // in flow
	for si, ds := range sections {
		if ds.Line < len(lineStart) {
			from = max(from, lineStart[ds.Line])
		}
		for pi, text := range ds.Section.Paragraphs {
			letters := lettersOf(text)
			if letters == "" {
				continue
			}
			at := strings.Index(flow[from:], letters)
			if at < 0 {
				continue
			}
			start, end := from+at, from+at+len(letters)
			out = append(out, DocParagraph{Section: si, Index: pi, First: lineOf[start], End: lineOf[end-1] + 1})
			from = end
		}
	}
	return out
}

// letterFlow is the letters and digits of the lines, lower-cased, in one
// string; lineOf gives the line of each of its bytes, lineStart the first
// byte of each line.
func letterFlow(plain []string) (flow string, lineOf []int, lineStart []int) {
	var b strings.Builder
	lineStart = make([]int, len(plain))
	for i, l := range plain {
		lineStart[i] = b.Len()
		before := b.Len()
		appendLetters(&b, l)
		for range b.Len() - before {
			lineOf = append(lineOf, i)
		}
	}
	return b.String(), lineOf, lineStart
}

// lettersOf is a text's letters and digits, lower-cased.
func lettersOf(s string) string {
	var b strings.Builder
	appendLetters(&b, s)
	return b.String()
}

func appendLetters(b *strings.Builder, s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				b.WriteByte(c)
			case 'A' <= c && c <= 'Z':
				b.WriteByte(c + 'a' - 'A')
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
		i += size
	}
}

// ParagraphAt returns the index in d.Paragraphs of the paragraph that
// holds line, or of the first one after it; -1 past the last.
func (d *Doc) ParagraphAt(line int) int {
	for i, p := range d.Paragraphs {
		if line < p.End {
			return i
		}
	}
	return -1
}

// FindParagraph returns the index in d.Paragraphs of a section's
// paragraph, or -1.
func (d *Doc) FindParagraph(sec *content.Section, index int) int {
	for i, p := range d.Paragraphs {
		if d.Sections[p.Section].Section == sec && p.Index == index {
			return i
		}
	}
	return -1
}
