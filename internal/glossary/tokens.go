package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word of a paragraph that may be an abbreviation: any word
// that starts with a capital letter, as the scanner reads words (see
// tokens).
type token struct {
	start, end int    // bytes in the paragraph
	form       string // as written, less a plural s: "U.S.", "UAV" for "UAVs", "ISIS-K"
	key        string // what all spellings of one abbreviation share: "US" for U.S. and US
	abbr       bool   // an abbreviation by its shape alone (isAbbreviation), outside a shouted run
}

// Limits on what the text's shape alone makes an abbreviation.
const (
	maxAbbrLetters = 10 // a longer all-capital word is shouting, not an abbreviation
	shoutedRun     = 3  // this many all-capital words in a row are shouting
)

// tokens returns the words of p that start with a capital letter, in order.
// A word is a run of letters and digits, with three extensions that the
// journal's abbreviations need:
//   - dotted forms: one- or two-letter segments, each starting with a
//     capital and ending with a dot, at least two of them ("U.S.", "Ph.D.");
//   - a hyphen followed by one capital or by digits joins ("ISIS-K",
//     "TB-2"), any other hyphen separates ("Non-NATO", "CIS-EAEU");
//   - a plural s after two or more capitals is not part of the form
//     ("UAVs" is a use of UAV).
func tokens(p string) []token {
	var out []token
	for i := 0; i < len(p); {
		r, size := rune(p[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(p[i:])
		}
		if !isAlnum(r) {
			i += size
			continue
		}
		end := wordEnd(p, i)
		if !unicode.IsUpper(r) {
			i = end // only a word that starts with a capital can be one
			continue
		}
		if e := dottedEnd(p, i, end); e > end {
			end = e
		} else {
			end = hyphenEnd(p, i, end)
		}
		out = append(out, newToken(p, i, end))
		i = end
	}
	unshout(p, out)
	return out
}

// wordEnd is where the run of letters and digits that starts at i ends.
func wordEnd(p string, i int) int {
	for i < len(p) {
		if c := p[i]; c < utf8.RuneSelf { // ASCII, most of the text
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(p[i:])
		if !isAlnum(r) {
			break
		}
		i += size
	}
	return i
}

// dottedEnd returns the end of a dotted form ("U.S.", "Ph.D.") whose first
// segment is p[start:end], or end when there is none.
func dottedEnd(p string, start, end int) int {
	segments, at := 0, start
	for segEnd := end; ; {
		if !isSegment(p[at:segEnd]) {
			break
		}
		segments++
		at = segEnd
		if at >= len(p) || p[at] != '.' {
			break
		}
		at++ // the dot
		if at >= len(p) {
			break
		}
		segEnd = wordEnd(p, at)
	}
	if segments < 2 {
		return end
	}
	// at is after the last segment's dot, or after a segment with none.
	last := at
	if p[last-1] != '.' && last < len(p) && p[last] == '.' {
		last++
	}
	return last
}

// isSegment reports whether s is a segment of a dotted form: one or two
// letters, the first a capital.
func isSegment(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 1 || n > 2 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// hyphenEnd extends an all-capital word p[start:end] over a hyphen and
// one capital letter or a run of digits ("ISIS-K", "F-16"), when one
// follows and is not the start of a dotted form ("NATO-U.S.").
func hyphenEnd(p string, start, end int) int {
	if end >= len(p) || p[end] != '-' || !isAllUpper(p[start:end]) {
		return end
	}
	next := wordEnd(p, end+1)
	part := p[end+1 : next]
	if part == "" || startsDotted(p, next) {
		return end
	}
	if r, size := utf8.DecodeRuneInString(part); size == len(part) && unicode.IsUpper(r) {
		return next
	}
	if strings.Trim(part, "0123456789") == "" {
		return next
	}
	return end
}

// startsDotted reports whether a dot and a letter follow at i, as the
// next segment of a dotted form does.
func startsDotted(p string, i int) bool {
	if i+1 >= len(p) || p[i] != '.' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(p[i+1:])
	return unicode.IsLetter(r)
}

// newToken makes the token p[start:end], a word that starts with a capital.
func newToken(p string, start, end int) token {
	text := p[start:end]
	form := text
	if plural := strings.TrimSuffix(text, "s"); plural != text && isAllUpper(plural) && upperCount(plural) >= 2 {
		form = plural
	}
	return token{start: start, end: end, form: form, key: strings.ReplaceAll(form, ".", ""), abbr: isAbbreviation(form)}
}

// isAbbreviation reports whether a word is shaped like an abbreviation,
// so that a use of it counts even when the text never defines it: it
// starts with a capital, has at least two, and capitals are at least half
// its letters (CSTO, EvrAzES, PhD, U.S.; not McDonald, Türkiye or I). Not
// counted: words with digits, which are designations (C5, TB-2, F-16), and
// Roman numerals of I, V and X (II, XIV). An abbreviation the text defines
// counts whatever its shape.
func isAbbreviation(form string) bool {
	first, _ := utf8.DecodeRuneInString(form)
	if !unicode.IsUpper(first) {
		return false
	}
	letters, upper := 0, 0
	roman := true
	for _, r := range form {
		switch {
		case unicode.IsDigit(r):
			return false
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
			roman = roman && strings.ContainsRune("IVX", r)
		}
	}
	return upper >= 2 && upper*2 >= letters && letters <= maxAbbrLetters && !roman
}

// isShortForm reports whether s can be the abbreviation of a definition:
// a token on its own (see tokens), from 2 to 12 characters, starting with a
// capital, with two capitals or a capital and a digit, and capitals at
// least half its letters. It returns the token.
func isShortForm(s string) (token, bool) {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 12 {
		return token{}, false
	}
	ts := tokens(s)
	if len(ts) != 1 || ts[0].start != 0 || ts[0].end != len(s) {
		return token{}, false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) {
		return token{}, false
	}
	letters, upper, digits := 0, 0, 0
	for _, r := range ts[0].form {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if upper < 2 && digits == 0 {
		return token{}, false
	}
	return ts[0], upper*2 >= letters
}

// unshout takes the abbreviation mark off words in runs of shoutedRun or
// more all-capital words one space apart ("THE PEACE DEAL"): shouting, not
// abbreviations. A word the text defines still counts.
func unshout(p string, ts []token) {
	for i := 0; i < len(ts); {
		j := i
		for j < len(ts) && isShouted(ts[j].form) && (j == i || p[ts[j-1].end:ts[j].start] == " ") {
			j++
		}
		if j-i >= shoutedRun {
			for k := i; k < j; k++ {
				ts[k].abbr = false
			}
		}
		i = max(j, i+1)
	}
}

// isShouted reports whether a word is capitals only, as shouting is.
func isShouted(s string) bool { return isAllUpper(s) && utf8.RuneCountInString(s) >= 1 }

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isAllUpper reports whether every letter of s is a capital and it has one.
func isAllUpper(s string) bool {
	seen := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			seen = true
		} else if !unicode.IsDigit(r) {
			return false
		}
	}
	return seen
}

func upperCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

func digitCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			n++
		}
	}
	return n
}
