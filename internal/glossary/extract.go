package glossary

import (
	"slices"
	"sort"
	"strings"
	"unicode"
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

// word is a word of a long form's window: bytes [start, end) of it.
type word struct{ start, end int }

// words splits text at spaces.
func words(text string) []word {
	var out []word
	for i := 0; i < len(text); {
		if text[i] == ' ' {
			i++
			continue
		}
		j := i
		for j < len(text) && text[j] != ' ' {
			j++
		}
		out = append(out, word{i, j})
		i = j
	}
	return out
}

// functionWords are the lower-case words that may sit inside a long form
// without counting as one of its words, and may not start it.
var functionWords = map[string]bool{
	"a": true, "an": true, "and": true, "at": true, "by": true, "for": true,
	"in": true, "of": true, "on": true, "the": true, "to": true, "with": true,
	"de": true, "des": true, "du": true, "la": true, "le": true, "les": true,
	"el": true, "y": true, "und": true, "der": true, "die": true, "von": true,
}

// isFunctionWord reports whether w, without punctuation round it, is a
// lower-case function word.
func isFunctionWord(w string) bool {
	return functionWords[strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })]
}

// lettersOf counts the letters and digits of the short form, |A|.
func lettersOf(sf string) int {
	n := 0
	for _, r := range sf {
		if isAlnum(r) {
			n++
		}
	}
	return n
}

// windowFrom is where in text the last n words start, function words not
// counted.
func windowFrom(text string, n int) int {
	ws := words(text)
	counted := 0
	for i := len(ws) - 1; i >= 0; i-- {
		if !isFunctionWord(text[ws[i].start:ws[i].end]) {
			counted++
		}
		if counted == n {
			return ws[i].start
		}
	}
	return 0
}

// matchLetters is Schwartz and Hearst's best long form: sf's letters and
// digits matched right to left in text, case ignored, the first at the
// start of a word that is not a function word; the window is the last
// min(|A|+5, |A|*2) words. It returns where the long form starts.
func matchLetters(text, sf string) (int, bool) {
	n := lettersOf(sf)
	if n == 0 {
		return 0, false
	}
	from := windowFrom(text, min(n+5, 2*n))
	lr, offs := runesOf(text[from:])
	sr := []rune(sf)
	firstAlnum := 0
	for firstAlnum < len(sr) && !isAlnum(sr[firstAlnum]) {
		firstAlnum++
	}
	li := len(lr) - 1
	for si := len(sr) - 1; si >= firstAlnum; si-- {
		c := unicode.ToLower(sr[si])
		if !isAlnum(c) {
			continue
		}
		for li >= 0 && (unicode.ToLower(lr[li]) != c || (si == firstAlnum && !startsLongForm(lr, li, offs, text[from:]))) {
			li--
		}
		if li < 0 {
			return 0, false
		}
		li--
	}
	start := from + offs[li+1]
	long := text[start:]
	if len(long) <= len(sf) || containsWord(long, sf) {
		return 0, false
	}
	return start, true
}

// startsLongForm reports whether rune i of lr starts a word that can
// start a long form: after a space, a hyphen, a dash, a slash or an opening
// quote (not an apostrophe), and not a function word.
func startsLongForm(lr []rune, i int, offs []int, text string) bool {
	if i > 0 {
		prev := lr[i-1]
		if isAlnum(prev) || prev == '\'' || prev == '’' {
			return false
		}
	}
	end := offs[i]
	for end < len(text) && text[end] != ' ' {
		r, size := utf8.DecodeRuneInString(text[end:])
		if !isAlnum(r) {
			break
		}
		end += size
	}
	return !isFunctionWord(text[offs[i]:end])
}

// matchName is the fallback for abbreviations whose letters are not in
// their long form, such as transliterations: the name in capitalised
// words (function words allowed inside) that ends text, from its leftmost
// word starting with sf's first letter. A word of the name stands for about
// a capital or a digit of the abbreviation ("Central Asian Five (C5)"): it
// has at least two words, and from one fewer to one more than sf has
// capitals and digits.
func matchName(text, sf string) (int, bool) {
	ws := words(text)
	if len(ws) == 0 {
		return 0, false
	}
	first, _ := utf8.DecodeRuneInString(sf)
	limit := upperCount(sf) + digitCount(sf) + 1
	start, counted := -1, 0
	for i := len(ws) - 1; i >= 0; i-- {
		w := text[ws[i].start:ws[i].end]
		if i < len(ws)-1 && strings.ContainsAny(w[len(w)-1:], ",;:.") {
			break // punctuation ends the name before it
		}
		if isFunctionWord(w) && i < len(ws)-1 {
			continue
		}
		initial, ok := capitalInitial(w)
		if !ok || counted == limit {
			break
		}
		counted++
		if unicode.ToLower(initial) == unicode.ToLower(first) {
			start = i
		}
	}
	if start < 0 {
		return 0, false
	}
	content := 0
	for _, w := range ws[start:] {
		if !isFunctionWord(text[w.start:w.end]) {
			content++
		}
	}
	if content < 2 || content < upperCount(sf)+digitCount(sf)-1 {
		return 0, false
	}
	at := ws[start].start
	return at + len(text[at:]) - len(strings.TrimLeft(text[at:], "“\"‘'")), true
}

// capitalInitial is the first letter of a word, past opening quotes, when
// it is a capital.
func capitalInitial(w string) (rune, bool) {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return r, unicode.IsUpper(r)
		}
		if !strings.ContainsRune("“\"‘'", r) {
			return 0, false
		}
	}
	return 0, false
}

// containsWord reports whether s holds w as a word of its own.
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		at := i + j
		before, _ := utf8.DecodeLastRuneInString(s[:at])
		after, _ := utf8.DecodeRuneInString(s[at+len(w):])
		if (at == 0 || !isAlnum(before)) && (at+len(w) == len(s) || !isAlnum(after)) {
			return true
		}
		i = at + len(w)
	}
}

// tidyLong trims a long form p[start:end] of what surrounds a name rather
// than belonging to it: spaces and commas after it, and a closing quote
// whose opening quote is outside it, which is taken in when it is just
// before the long form ("“Central Asian Six” (CAS)") and left out when
// not ("of “the Collective Security Treaty Organization” (CSTO)").
func tidyLong(p string, start, end int) ([2]int, bool) {
	end = start + len(strings.TrimRight(p[start:end], " ,;:"))
	for _, q := range [][2]string{{"“", "”"}, {`"`, `"`}} {
		long := p[start:end]
		if !closesUnopened(long, q[0], q[1]) {
			continue
		}
		if strings.HasSuffix(p[:start], q[0]) {
			start -= len(q[0])
		} else if strings.HasSuffix(long, q[1]) {
			end -= len(q[1])
		}
	}
	if end-start < 2 {
		return [2]int{}, false
	}
	return [2]int{start, end}, true
}

// closesUnopened reports whether s closes a quote that it does not open.
func closesUnopened(s, open, closing string) bool {
	if open == closing {
		return strings.Count(s, open)%2 == 1
	}
	i := strings.Index(s, closing)
	return i >= 0 && !strings.Contains(s[:i], open)
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

// runesOf returns text's runes and the byte offset of each.
func runesOf(text string) ([]rune, []int) {
	rs := make([]rune, 0, len(text))
	offs := make([]int, 0, len(text))
	for i, r := range text {
		rs = append(rs, r)
		offs = append(offs, i)
	}
	return rs, offs
}
