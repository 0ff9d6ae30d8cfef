package content

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// NormalizeSpace turns every kind of space (non-breaking spaces included)
// into a plain space, folds runs of them into one and trims both ends.
// Quotes, dashes and letters are left exactly as they are.
func NormalizeSpace(s string) string {
	if isNormalized(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isNormalized reports whether s has no space to change: no space at
// either end, no two in a row, and none but the plain space. It reads
// ASCII a byte at a time, the fast path for the text it mostly sees.
func isNormalized(s string) bool {
	prevSpace := true // a leading space is not normalized
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace(c)
			if space && (prevSpace || c != ' ') {
				return false
			}
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError || unicode.IsSpace(r) {
				return false // a non-ASCII space, or invalid UTF-8 for the slow path to replace
			}
			i += size
		}
		prevSpace = space
	}
	return !prevSpace || s == ""
}

// asciiSpace is unicode.IsSpace for an ASCII byte.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// FirstSentence returns the first sentence of a paragraph: the text up to
// the first full stop, question or exclamation mark that is followed by a
// space and a capital letter or an opening quote. Abbreviations such as
// "U.S." do not end a sentence because the next word must start a new one
// and single capitals before the stop are skipped.
func FirstSentence(p string) string {
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		if i+1 >= len(p) {
			break
		}
		if p[i+1] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(p[i+2:])
		if !unicode.IsUpper(next) && next != '“' && next != '"' {
			continue
		}
		if c == '.' && endsWithInitial(p[:i]) {
			continue
		}
		return p[:i+1]
	}
	return p
}

// endsWithInitial reports whether s ends with a lone capital letter, as in
// "Robert M" before "M. Cutler" or "U.S" before "U.S. officials".
func endsWithInitial(s string) bool {
	r, size := utf8.DecodeLastRuneInString(s)
	if !unicode.IsUpper(r) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:len(s)-size])
	return prev == utf8.RuneError || prev == ' ' || prev == '.'
}

// Slugify makes a lower-case, hyphenated name from a title or heading:
// "Author’s Bio" -> "authors-bio". Letters outside ASCII are kept.
func Slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '\'' || r == '’':
			// "Author's" -> "authors", not "author-s".
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}

// PlainText turns the Markdown of one paragraph into the text a reader
// sees: lines are joined with a space and backslash escapes are removed.
func PlainText(md string) string {
	md = NormalizeSpace(md)
	if !strings.Contains(md, `\`) {
		return md
	}
	var b strings.Builder
	for i := 0; i < len(md); i++ {
		if md[i] == '\\' && i+1 < len(md) && isASCIIPunct(md[i+1]) {
			i++
		}
		b.WriteByte(md[i])
	}
	return b.String()
}

// EscapeMarkdown escapes the characters of plain text that Markdown would
// otherwise read as markup, so that PlainText(EscapeMarkdown(s)) == s for
// any text without line breaks.
func EscapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if strings.IndexByte("\\`*_[]<>#|~", c) >= 0 || (c == '&' && startsEntity(s[i+1:])) {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	out := b.String()
	// A paragraph that starts like a list item, quote, heading, thematic
	// break or ordered item would not be a paragraph.
	if needsLeadEscape(out) {
		return `\` + out
	}
	if n := orderedMarker(out); n > 0 {
		return out[:n] + `\` + out[n:]
	}
	return out
}

func needsLeadEscape(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '-', '+', '=':
		return true
	}
	return false
}

// orderedMarker returns the index of the "." or ")" that would make s an
// ordered list item ("1998. A year ..."), or 0.
func orderedMarker(s string) int {
	i := 0
	for i < len(s) && i < 10 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i >= len(s) || (s[i] != '.' && s[i] != ')') {
		return 0
	}
	if i+1 == len(s) || s[i+1] == ' ' {
		return i
	}
	return 0
}

// startsEntity reports whether the text after an "&" could make it an
// HTML entity such as "&amp;" or "&#8212;".
func startsEntity(s string) bool {
	return s != "" && (s[0] == '#' || (s[0]|0x20 >= 'a' && s[0]|0x20 <= 'z'))
}

func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}
