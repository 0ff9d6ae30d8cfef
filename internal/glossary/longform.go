package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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
// min(|A|+5, |A|*2) words. Its last letter must be in the long form's last
// word, so that "EU (whose European members)" is no definition. It
// returns where the long form starts.
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
	li, last := len(lr)-1, -1
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
		if last < 0 {
			last = li
		}
		li--
	}
	start := from + offs[li+1]
	long := text[start:]
	if len(long) <= len(sf) || containsWord(long, sf) || strings.IndexByte(text[from+offs[last]:], ' ') >= 0 {
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
	if w == "" {
		return false
	}
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
