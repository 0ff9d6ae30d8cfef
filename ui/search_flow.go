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

// flowMatch is a match in the flow text: its bytes [start, end), and
// where it is in terms that do not change with the wrap: how many runes
// other than spaces come before it.
type flowMatch struct {
	start, end int
	at         int
}

// find returns the matches in the flow text of the folded query
// (content.FoldQuery), compared rune by rune after content.FoldRune,
// without overlaps.
func (f flowText) find(query []rune) []flowMatch {
	if len(query) == 0 {
		return nil
	}
	runes, offsets := content.FoldRunes(f.text)
	var matches []flowMatch
	words := 0 // runes other than spaces before i
	for i := 0; i < len(runes); i++ {
		if isFlowSpace(runes[i]) {
			continue
		}
		if end := matchAt(runes, i, query); end > i {
			matches = append(matches, flowMatch{offsets[i], offsets[end], words})
			for _, r := range runes[i:end] {
				if !isFlowSpace(r) {
					words++
				}
			}
			i = end - 1
			continue
		}
		words++
	}
	return matches
}

// isFlowSpace says whether r is a space of the flow text: between words,
// or where lines join.
func isFlowSpace(r rune) bool { return r == ' ' || r == '\n' || r == optionalSpace }

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
