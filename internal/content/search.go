package content

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Match is one place where a search query occurs.
type Match struct {
	Article   *Article
	Section   *Section
	Paragraph int     // index in Section.Paragraphs
	Offset    int     // byte offset of the match in the paragraph
	Length    int     // byte length of the match in the paragraph
	Context   string  // one line of the paragraph's text around the match, as it is written
	InContext [2]int  // where the match is in Context: [start, end) bytes
	Cut       [2]bool // whether the paragraph goes on before Context, and after it
}

// MarkedContext is Context with mark ("…") where the paragraph goes on
// before or after it, and where the match is in that: what a line of
// context shows. Context holds the text alone, so that a mark of the
// text's own is never taken for a cut.
func (m Match) MarkedContext(mark string) (context string, match [2]int) {
	context, match = m.Context, m.InContext
	if m.Cut[0] {
		context = mark + context
		match[0], match[1] = match[0]+len(mark), match[1]+len(mark)
	}
	if m.Cut[1] {
		context += mark
	}
	return context, match
}

// contextWidth is about how many characters of context a match shows.
const contextWidth = 100

// Search finds every occurrence of query in the text of the library's
// articles (the lead and the named sections), in reading order, ignoring
// case and the difference between typographic and typed punctuation
// (FoldRune).
//
// Authors' bios are not searched, here as in SearchPassages (the reader's
// library search): a bio is about its author, not the article's matter,
// and is repeated in every issue the author writes for, so its words (an
// institute's name, "Central Asia-Caucasus Institute") would be found in
// every issue, burying the articles' own matches.
func (l *Library) Search(query string) []Match {
	q := FoldQuery(query)
	if len(q) == 0 {
		return nil
	}
	var out []Match
	for _, a := range l.Articles() {
		for _, s := range a.Sections {
			if s.Kind == KindBio {
				continue
			}
			for pi, p := range s.Paragraphs {
				for _, span := range FoldIndexAll(p, q) {
					out = append(out, matchAt(a, s, pi, span))
				}
			}
		}
	}
	return out
}

// Ordinal is how many occurrences of query, matched as Search matches
// it, come before the one at byte offset of the section's paragraph p: a
// reader that searches its own rendering of the section finds that one by
// counting as many.
func (s *Section) Ordinal(query string, p, offset int) int {
	q := FoldQuery(query)
	n := 0
	for i, para := range s.Paragraphs[:min(p+1, len(s.Paragraphs))] {
		for _, sp := range FoldIndexAll(para, q) {
			if i == p && sp[0] >= offset {
				break
			}
			n++
		}
	}
	return n
}

// FoldRune is how searches compare text: lower case, and the typographic
// quotes and dashes of the journal's text as the keys a reader types
// (’ as ', “ as ", – and — as -), one rune for one so that offsets in the
// folded text are offsets in the text.
func FoldRune(r rune) rune {
	switch r {
	case '‘', '’', 'ʼ', '′':
		return '\''
	case '“', '”', '„', '″':
		return '"'
	case '‐', '‑', '‒', '–', '—', '−':
		return '-'
	}
	return unicode.ToLower(r)
}

// Fold is s with every rune folded by FoldRune.
func Fold(s string) string { return strings.Map(FoldRune, s) }

// FoldQuery is a search query as searches compare it: its spaces made
// single, its runes folded.
func FoldQuery(query string) []rune { return []rune(Fold(NormalizeSpace(query))) }

// FoldRunes returns text's runes folded by FoldRune, and the byte offset
// in text of each, with len(text) after the last, so that a match in the
// runes maps back to the text.
func FoldRunes(text string) (runes []rune, offsets []int) {
	runes = make([]rune, 0, len(text))
	offsets = make([]int, 0, len(text)+1)
	for i, r := range text {
		runes = append(runes, FoldRune(r))
		offsets = append(offsets, i)
	}
	return runes, append(offsets, len(text))
}

// FoldIndexAll returns the byte spans [start, end) of every non-overlapping
// occurrence of the folded query (FoldQuery) in text, compared rune by
// rune after FoldRune.
func FoldIndexAll(text string, query []rune) [][2]int {
	if len(query) == 0 {
		return nil
	}
	runes, offsets := FoldRunes(text)
	var spans [][2]int
	for i := 0; i+len(query) <= len(runes); {
		if runesEqual(runes[i:i+len(query)], query) {
			spans = append(spans, [2]int{offsets[i], offsets[i+len(query)]})
			i += len(query)
			continue
		}
		i++
	}
	return spans
}

func runesEqual(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// matchAt is the Match of the span [start, end) of section s's paragraph
// pi, with about contextWidth characters of context around it.
func matchAt(a *Article, s *Section, pi int, span [2]int) Match {
	p := s.Paragraphs[pi]
	from, to := snippet(p, span[0], span[1], contextWidth)
	return Match{
		Article: a, Section: s, Paragraph: pi,
		Offset: span[0], Length: span[1] - span[0],
		Context: p[from:to], InContext: [2]int{span[0] - from, span[1] - from},
		Cut: [2]bool{from > 0, to < len(p)},
	}
}

// snippet is where to cut about width characters of p around [start,
// end), on word boundaries: the context is p[from:to].
func snippet(p string, start, end, width int) (from, to int) {
	if utf8.RuneCountInString(p) <= width {
		return 0, len(p)
	}
	side := max((width-utf8.RuneCountInString(p[start:end]))/2, 10)
	from = start
	for n := 0; from > 0 && n < side; n++ {
		_, size := utf8.DecodeLastRuneInString(p[:from])
		from -= size
	}
	to = end
	for n := 0; to < len(p) && n < side; n++ {
		_, size := utf8.DecodeRuneInString(p[to:])
		to += size
	}
	if from > 0 {
		if i := strings.IndexByte(p[from:start], ' '); i >= 0 {
			from += i + 1
		}
	}
	if to < len(p) {
		if i := strings.LastIndexByte(p[end:to], ' '); i >= 0 {
			to = end + i
		}
	}
	return from, to
}
