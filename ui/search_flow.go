package ui

import (
	"strings"

	"analyst/internal/content"
)

// optionalSpace joins two lines where the wrap broke after a hyphen: the
// text may have had a space there ("trade- and transit") or not
// ("on-the-ground"), so it matches a space in the query, or nothing.
const optionalSpace = '\uFFFF'

// flowText is the text of the pane's lines as a reader reads it: the lines
// of a paragraph joined by one space and paragraphs apart by a line break,
// so that a search finds a phrase even where the wrap splits it.
type flowText struct {
	text  string
	spans []lineSpan // one for each line, in order
}

// lineSpan is where a line's words sit in the flow text, [start, end), and
// how many bytes of margin before them the line has.
type lineSpan struct {
	start, end, margin int
}

// newFlowText joins plain lines (without escape codes) into flow text.
func newFlowText(plain []string) flowText {
	var b strings.Builder
	spans := make([]lineSpan, len(plain))
	joiner := "" // what goes before the next line's words
	for i, line := range plain {
		words := strings.TrimLeft(line, " ")
		margin := len(line) - len(words)
		words = strings.TrimRight(words, " ")
		if words == "" {
			if b.Len() > 0 {
				joiner = "\n"
			}
			spans[i] = lineSpan{start: b.Len(), end: b.Len(), margin: margin}
			continue
		}
		b.WriteString(joiner)
		spans[i] = lineSpan{start: b.Len(), end: b.Len() + len(words), margin: margin}
		b.WriteString(words)
		joiner = " "
		if strings.HasSuffix(words, "-") && !strings.HasSuffix(words, " -") && words != "-" {
			joiner = string(optionalSpace)
		}
	}
	return flowText{text: b.String(), spans: spans}
}

// find returns the byte spans of the flow text that match the folded query
// (content.FoldQuery), compared rune by rune after content.FoldRune,
// without overlaps.
func (f flowText) find(query []rune) [][2]int {
	if len(query) == 0 {
		return nil
	}
	runes := make([]rune, 0, len(f.text))
	offsets := make([]int, 0, len(f.text)+1)
	for i, r := range f.text {
		runes = append(runes, content.FoldRune(r))
		offsets = append(offsets, i)
	}
	offsets = append(offsets, len(f.text))
	var spans [][2]int
	for i := 0; i < len(runes); i++ {
		if runes[i] == optionalSpace {
			continue
		}
		if end := matchAt(runes, i, query); end > i {
			spans = append(spans, [2]int{offsets[i], offsets[end]})
			i = end - 1
		}
	}
	return spans
}

// matchAt matches query against text from rune i and returns the index
// after the match, or -1. An optionalSpace in the text matches a space of
// the query or nothing.
func matchAt(text []rune, i int, query []rune) int {
	for q := 0; q < len(query); {
		if i < len(text) && text[i] == optionalSpace {
			if query[q] == ' ' {
				if end := matchAt(text, i+1, query[q+1:]); end >= 0 {
					return end
				}
			}
			i++
			continue
		}
		if i >= len(text) || text[i] != query[q] {
			return -1
		}
		i, q = i+1, q+1
	}
	return i
}

// lines calls part for every line the flow text's bytes [from, to) cover,
// with the bytes of that line they cover, starting the search at line
// first (matches come in order, so callers pass the last line they saw).
// It returns the last line covered.
func (f flowText) lines(from, to, first int, part func(line, lineFrom, lineTo int)) int {
	last := first
	for i := first; i < len(f.spans); i++ {
		s := f.spans[i]
		if s.start >= to {
			break
		}
		if s.end <= from || s.start == s.end {
			continue
		}
		lo, hi := max(from, s.start), min(to, s.end)
		part(i, lo-s.start+s.margin, hi-s.start+s.margin)
		last = i
	}
	return last
}
