package glossary

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"analyst/internal/content"
)

// found is a definition found in a paragraph, as byte spans of it.
type found struct {
	abbr     token  // the abbreviation as written
	long     [2]int // the long form
	span     [2]int // the whole definition: "long form (ABBR)" or "ABBR (long form)"
	initials bool   // the abbreviation's letters were found in the long form
}

// extract finds where a paragraph defines an abbreviation: "long form
// (ABBR)" or "ABBR (long form)", in reading order.
//
// It follows Schwartz and Hearst, "A simple algorithm for identifying
// abbreviation definitions in biomedical text" (PSB 2003): a short form in
// parentheses after its long form, or before it with the long form in
// them; the long form is found by matching the short form's letters from
// right to left, the first at the start of a word, within a window of
// min(|A|+5, |A|*2) words. Past it, for this journal:
//   - lower-case function words ("of", "the") neither count towards the
//     window nor start a long form: "Consultative Meetings of the Heads of
//     State of Central Asia (CMHS)" fits, "Organization of Turkic States
//     (OTS)" does not become "of Turkic States";
//   - when the letters do not match, as in a transliteration ("Eurasian
//     Economic Community (EvrAzES)"), a name in capitalised words whose
//     first letter is the abbreviation's is taken (initials false);
//   - a short form must look like an abbreviation (isShortForm), so that
//     "(2004)", "(see below)" and "“Bilim Karvoni” (“Knowledge
//     Caravan”)" are not definitions;
//   - the long form stays within its sentence (content.FirstSentence) and
//     after any parenthesis before it, and is a verbatim part of the text,
//     its curly quotes, dashes and accents as written.
func extract(p string) []found {
	var out []found
	sents := sentenceSpans(p)
	for _, pr := range parens(p) {
		if f, ok := definitionAt(p, pr, sents); ok {
			out = append(out, f)
		}
	}
	return out
}

// definitionAt reads the parenthesis pr of p as a definition, if it is one.
func definitionAt(p string, pr [2]int, sents [][2]int) (found, bool) {
	open, closing := pr[0], pr[1]
	sent := sentenceOf(sents, open)
	inner := p[open+1 : closing]
	head := firstClause(inner)
	// "long form (ABBR)"
	if sf, ok := trimmedShortForm(p, open+1, open+1+len(head)); ok {
		from := windowStart(p, sent[0], open)
		to := from + len(strings.TrimRight(p[from:open], " "))
		if start, initials, ok := longBefore(p[from:to], p[sf.start:sf.end]); ok {
			if long, ok := tidyLong(p, from+start, to); ok && within(long, sent) {
				return found{abbr: sf, long: long, span: [2]int{long[0], closing + 1}, initials: initials}, true
			}
		}
	}
	// "ABBR (long form)"
	wordEnd := open
	if wordEnd > 0 && p[wordEnd-1] == ' ' {
		wordEnd--
	}
	look := max(0, wordEnd-maxShortFormBytes-1)
	wordStart := look + strings.LastIndexByte(p[look:wordEnd], ' ') + 1
	if wordEnd == wordStart || wordStart < sent[0] || (wordStart == look && look > 0) {
		return found{}, false
	}
	sf, ok := shortFormAt(p, wordStart, wordEnd)
	if !ok {
		return found{}, false
	}
	from := open + 1 + (len(head) - len(strings.TrimLeft(head, " ")))
	to := open + 1 + len(strings.TrimRight(head, " "))
	if from >= to || to-from > maxLongBytes {
		return found{}, false
	}
	start, initials, ok := longBefore(p[from:to], p[sf.start:sf.end])
	if !ok || (!initials && start != 0) {
		return found{}, false
	}
	long, ok := tidyLong(p, from+start, to)
	if !ok || !within(long, sent) {
		return found{}, false
	}
	return found{abbr: sf, long: long, span: [2]int{sf.start, closing + 1}, initials: initials}, true
}

// parens returns the balanced parentheses of p, [open, close] byte
// indexes, by where they open. Unbalanced ones are ignored.
func parens(p string) [][2]int {
	var out [][2]int
	var stack []int
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '(':
			stack = append(stack, i)
		case ')':
			if n := len(stack); n > 0 {
				out = append(out, [2]int{stack[n-1], i})
				stack = stack[:n-1]
			}
		}
	}
	// Closed inner first; reading order is by the opening parenthesis.
	slices.SortFunc(out, func(a, b [2]int) int { return a[0] - b[0] })
	return out
}

// firstClause is a parenthesis's text up to its first comma, semicolon or
// nested parenthesis: "CACO" in "(CACO, 2002–2005)".
func firstClause(inner string) string {
	if i := strings.IndexAny(inner, ",;("); i >= 0 {
		return inner[:i]
	}
	return inner
}

// trimmedShortForm is the short form in p[from:to] without surrounding
// spaces, if it is one.
func trimmedShortForm(p string, from, to int) (token, bool) {
	s := p[from:to]
	lead := len(s) - len(strings.TrimLeft(s, " "))
	return shortFormAt(p, from+lead, from+len(strings.TrimRight(s, " ")))
}

// shortFormAt is isShortForm for p[from:to], with the token's offsets in p.
func shortFormAt(p string, from, to int) (token, bool) {
	if from >= to {
		return token{}, false
	}
	t, ok := isShortForm(p[from:to])
	t.start, t.end = from, to
	return t, ok
}

// Bounds that keep extraction linear in the text's length, whatever it is.
const (
	maxShortFormBytes = 12 * utf8.UTFMax // isShortForm's 12 characters
	maxLongBytes      = 400              // far longer than any long form
)

// windowStart is where a long form before the parenthesis at open may
// start: in its sentence, after any parenthesis before it, and at a space
// at most maxLongBytes before it.
func windowStart(p string, sentStart, open int) int {
	from := sentStart
	if cut := open - maxLongBytes; cut > from {
		from = open // no space: no room for a long form
		if i := strings.IndexByte(p[cut:open], ' '); i >= 0 {
			from = cut + i + 1
		}
	}
	if i := strings.LastIndexAny(p[from:open], "()"); i >= 0 {
		return from + i + 1
	}
	return from
}

// longBefore finds the long form of sf at the end of text: the offset in
// text where it starts, and whether sf's letters were matched in it
// (Schwartz and Hearst) rather than by the name fallback.
func longBefore(text, sf string) (int, bool, bool) {
	if start, ok := matchLetters(text, sf); ok {
		return start, true, true
	}
	if start, ok := matchName(text, sf); ok {
		return start, false, true
	}
	return 0, false, false
}

// sentenceSpans cuts p into sentences as content.FirstSentence reads them.
func sentenceSpans(p string) [][2]int {
	var out [][2]int
	for start := 0; start < len(p); {
		s := content.FirstSentence(p[start:])
		end := start + len(s)
		out = append(out, [2]int{start, end})
		start = end
		for start < len(p) && p[start] == ' ' {
			start++
		}
	}
	return out
}

// sentenceOf is the sentence that holds byte i.
func sentenceOf(sents [][2]int, i int) [2]int {
	k := sort.Search(len(sents), func(k int) bool { return sents[k][1] > i })
	if k < len(sents) && sents[k][0] <= i {
		return sents[k]
	}
	return [2]int{i, i}
}

// within reports whether span lies inside sent.
func within(span, sent [2]int) bool { return sent[0] <= span[0] && span[1] <= sent[1] }
