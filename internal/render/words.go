package render

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// countWords makes a Doc's word offsets: how many words of the text's
// paragraphs come before each line, and all of them last. The title,
// byline and headings, which are laid out anew for each width, count
// none. A word is a run of characters other than spaces, as
// content.CountWords counts them; a word the wrap broke after its hyphen
// ("fiber-" / "optic") is one, so that the count is the same at every
// width.
func countWords(plain []string, paragraphs []DocParagraph) []int {
	inText := make([]int, len(plain))
	for _, p := range paragraphs {
		for i := p.First; i < p.End && i < len(plain); i++ {
			inText[i] = 1
		}
	}
	words := make([]int, len(plain)+1)
	broken := false // the line before ended in a word broken at its hyphen
	for i, l := range plain {
		n := 0
		if inText[i] == 1 {
			fields := strings.Fields(l)
			n = len(fields)
			if broken && n > 0 {
				n--
			}
			broken = len(fields) > 0 && brokenAtHyphen(fields[len(fields)-1])
		}
		words[i+1] = words[i] + n
	}
	return words
}

// brokenAtHyphen says whether a line's last word ends in a hyphen after
// a letter, where the wrap may have broken a hyphenated word.
func brokenAtHyphen(word string) bool {
	w, ok := strings.CutSuffix(word, "-")
	if !ok || w == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(w)
	return unicode.IsLetter(r)
}

// WordsBefore is how many words of the article's paragraphs come
// before line i; the title, headings and lines laid in with WithBlocks
// have none. Words count the same at every width: a place
// kept in words is found again after the text wraps anew.
func (d *Doc) WordsBefore(line int) int {
	if len(d.words) == 0 {
		return 0
	}
	return d.words[max(0, min(line, len(d.words)-1))]
}

// LineOfWord is the line in [start, end) that holds the text's word
// number n (from 0, as WordsBefore counts); end when the range has no
// such word.
func (d *Doc) LineOfWord(start, end, n int) int {
	for i := start; i < end; i++ {
		if d.WordsBefore(i+1) > n {
			return i
		}
	}
	return end
}
