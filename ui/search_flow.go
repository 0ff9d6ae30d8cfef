package ui

import "strings"

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
	for i, line := range plain {
		words := strings.TrimLeft(line, " ")
		margin := len(line) - len(words)
		words = strings.TrimRight(words, " ")
		if words == "" {
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
				b.WriteByte('\n')
			}
			spans[i] = lineSpan{start: b.Len(), end: b.Len(), margin: margin}
			continue
		}
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
			b.WriteByte(' ')
		}
		spans[i] = lineSpan{start: b.Len(), end: b.Len() + len(words), margin: margin}
		b.WriteString(words)
	}
	return flowText{text: b.String(), spans: spans}
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
