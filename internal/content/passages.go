package content

import (
	"container/heap"
	"context"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Passage is a paragraph of the library that holds a search query: where
// it is, how often the query occurs in it, and the occurrence to show,
// with a line of context around it.
type Passage struct {
	Match          // the occurrence shown: the first whole-word one, or else the first
	Matches   int  // how many times the query occurs in the paragraph
	WholeWord bool // the query occurs as a word (or words) of its own, not only inside longer words
	// InSection is how many occurrences of the query come before Match in
	// its section, so that a reader can find the same one in its own text.
	InSection int
}

// Passages is what a library-wide search found.
type Passages struct {
	Query   string
	Best    []Passage // best first (see SearchPassages), at most the limit asked for
	Total   int       // paragraphs that hold the query
	Matches int       // occurrences in them
	Issues  int       // issues they are in
}

// SearchPassages finds the paragraphs of the whole library (the lead and
// the named sections of every article; not the bio, which the reader
// shows apart) that contain query, matched as Search matches it: case,
// typographic quotes and dashes do not matter, and a phrase that a line
// break splits in the file is found. It returns the best limit of them,
// best first:
//
//  1. paragraphs where the query stands as a word of its own ("Iran")
//     before those where it is only part of one ("Iranian");
//  2. then those where it occurs more often;
//  3. then newer issues first;
//  4. then in reading order: article, section, paragraph.
//
// The search reads every issue's articles not read yet. It stops early,
// returning ctx's error, once ctx is done; a query of any length is safe.
func (l *Library) SearchPassages(ctx context.Context, query string, limit int) (Passages, error) {
	out := Passages{Query: query}
	q := Fold(NormalizeSpace(query))
	if q == "" || limit <= 0 || l == nil {
		return out, ctx.Err()
	}
	qRunes := []rune(q)
	first, _ := utf8.DecodeRuneInString(q)
	last, _ := utf8.DecodeLastRuneInString(q)
	edges := [2]bool{isWordRune(first), isWordRune(last)}
	found := make([]issueHits, len(l.Issues))
	inParallel(len(l.Issues), func(i int) {
		if ctx.Err() == nil {
			found[i] = l.Issues[i].searchText().find(q, edges, i, limit)
		}
	})
	if err := ctx.Err(); err != nil {
		return Passages{Query: query}, err
	}
	best := &hitHeap{}
	for i := range found {
		f := found[len(found)-1-i] // newest first: older hits then rarely displace kept ones
		out.Total += f.paragraphs
		out.Matches += f.matches
		if f.paragraphs > 0 {
			out.Issues++
		}
		for _, h := range f.best {
			best.offer(h, limit)
		}
	}
	hits := best.sorted()
	out.Best = make([]Passage, 0, len(hits))
	for _, h := range hits {
		out.Best = append(out.Best, l.passage(h, qRunes, edges))
	}
	return out, nil
}

// Prepare reads every article of the library and makes the text that
// searches read, so that the first search does not wait for them.
func (l *Library) Prepare() {
	if l != nil {
		inParallel(len(l.Issues), func(i int) { l.Issues[i].searchText() })
	}
}

// hit is a paragraph that holds the query, before it becomes a Passage.
type hit struct {
	issue     int // index in Library.Issues
	para      paraRef
	matches   int
	wholeWord bool
}

// better reports whether a ranks before b (see SearchPassages).
func (a hit) better(b hit) bool {
	switch {
	case a.wholeWord != b.wholeWord:
		return a.wholeWord
	case a.matches != b.matches:
		return a.matches > b.matches
	case a.issue != b.issue:
		return a.issue > b.issue // issues are oldest first
	}
	return a.para.before(b.para)
}

// issueHits is what one issue's search found: its best paragraphs, and
// how many paragraphs and occurrences there were in all.
type issueHits struct {
	best                []hit
	paragraphs, matches int
}

// issueText is the text searches read for one issue: the paragraphs of
// its articles' leads and named sections, folded (Fold) and each ended by
// a line break, which no query holds, so no match spans two.
type issueText struct {
	folded string
	paras  []paraRef // in order, with where each starts in folded
}

// paraRef locates a paragraph of an issue.
type paraRef struct {
	start                       int // byte offset in issueText.folded
	sectionStart                int // where its section's first paragraph starts there
	article, section, paragraph int // indexes in Articles(), Sections and Paragraphs
}

func (p paraRef) before(o paraRef) bool { return p.start < o.start }

// searchText returns the issue's search text, made on first use.
func (is *Issue) searchText() *issueText {
	if is.src == nil {
		return &issueText{}
	}
	is.Articles()
	is.src.textOnce.Do(func() { is.src.text = makeIssueText(is.src.articles) })
	return &is.src.text
}

func makeIssueText(articles []*Article) issueText {
	size := 0
	for _, a := range articles {
		for _, s := range a.Sections {
			for _, p := range s.Paragraphs {
				size += len(p) + 1
			}
		}
	}
	var b strings.Builder
	b.Grow(size)
	var paras []paraRef
	for ai, a := range articles {
		for si, s := range a.Sections {
			if s.Kind == KindBio {
				continue
			}
			sectionStart := b.Len()
			for pi, p := range s.Paragraphs {
				paras = append(paras, paraRef{start: b.Len(), sectionStart: sectionStart, article: ai, section: si, paragraph: pi})
				foldInto(&b, p)
				b.WriteByte('\n')
			}
		}
	}
	return issueText{folded: b.String(), paras: paras}
}

// foldInto writes Fold(s) to b, ASCII a byte at a time.
func foldInto(b *strings.Builder, s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		b.WriteRune(FoldRune(r))
		i += size
	}
}

// find looks for the folded query q in the issue, keeping its best limit
// paragraphs. edges says whether q starts and ends with a letter or digit,
// for telling whole words. It sweeps the issue's text for the next
// occurrence, then takes the rest of its paragraph at once: a rare word
// costs one sweep, a common one a count per paragraph.
func (t *issueText) find(q string, edges [2]bool, issue, limit int) issueHits {
	var out issueHits
	best := &hitHeap{}
	p := 0
	for at := 0; at < len(t.folded); {
		i := strings.Index(t.folded[at:], q)
		if i < 0 {
			break
		}
		start := at + i
		p = t.paraAt(start, p)
		end := len(t.folded)
		if p+1 < len(t.paras) {
			end = t.paras[p+1].start
		}
		h := hit{issue: issue, para: t.paras[p], matches: strings.Count(t.folded[start:end], q)}
		for off := start; !h.wholeWord; off += len(q) {
			j := strings.Index(t.folded[off:end], q)
			if j < 0 {
				break
			}
			off += j
			h.wholeWord = wholeWordAt(t.folded, off, off+len(q), edges)
		}
		out.paragraphs++
		out.matches += h.matches
		best.offer(h, limit)
		at = end
	}
	out.best = *best // unordered: the library's search orders what it keeps
	return out
}

// paraAt is the index of the paragraph that holds byte offset at, looking
// forward from after.
func (t *issueText) paraAt(at, after int) int {
	lo, hi := max(after, 0), len(t.paras)
	for lo+1 < hi { // t.paras[lo].start <= at < t.paras[hi].start
		mid := (lo + hi) / 2
		if t.paras[mid].start <= at {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// wholeWordAt reports whether the match [start, end) of text is not part
// of a longer word: no letter or digit touches an end of the match that
// is itself a letter or digit.
func wholeWordAt(text string, start, end int, edges [2]bool) bool {
	if edges[0] && start > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:start]); isWordRune(r) {
			return false
		}
	}
	if edges[1] && end < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[end:]); isWordRune(r) {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// passage makes a Passage of a hit: the occurrence to show in the
// paragraph's own text, its context, and how many come before it in its
// section (counted in the search text: a match never spans two
// paragraphs, so counting across them counts each's).
func (l *Library) passage(h hit, q []rune, edges [2]bool) Passage {
	is := l.Issues[h.issue]
	folded := is.searchText().folded
	a := is.Articles()[h.para.article]
	s := a.Sections[h.para.section]
	text := s.Paragraphs[h.para.paragraph]
	spans := FoldIndexAll(text, q)
	if len(spans) == 0 { // cannot happen: the search text is this text folded
		spans = [][2]int{{0, 0}}
	}
	shown := 0
	if h.wholeWord {
		for i, sp := range spans {
			if wholeWordAt(text, sp[0], sp[1], edges) {
				shown = i
				break
			}
		}
	}
	sp := spans[shown]
	return Passage{
		Match:     matchAt(a, s, h.para.paragraph, sp),
		Matches:   h.matches,
		WholeWord: h.wholeWord,
		InSection: strings.Count(folded[h.para.sectionStart:h.para.start], string(q)) + shown,
	}
}

// hitHeap keeps the best hits offered to it, up to a limit: a heap with
// the worst kept hit on top, to be pushed out by a better one.
type hitHeap []hit

func (h hitHeap) Len() int           { return len(h) }
func (h hitHeap) Less(i, j int) bool { return h[j].better(h[i]) }
func (h hitHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *hitHeap) Push(x any)        { *h = append(*h, x.(hit)) }
func (h *hitHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// offer keeps x if it is among the best limit hits seen. The hits are
// kept as they come until there are limit of them, and only then ordered
// as a heap: most issues have fewer.
func (h *hitHeap) offer(x hit, limit int) {
	switch {
	case h.Len() < limit-1:
		*h = append(*h, x)
	case h.Len() == limit-1:
		*h = append(*h, x)
		heap.Init(h)
	case x.better((*h)[0]):
		(*h)[0] = x
		heap.Fix(h, 0)
	}
}

// sorted is the hits kept, best first.
func (h *hitHeap) sorted() []hit {
	out := slices.Clone(*h)
	slices.SortFunc(out, func(a, b hit) int {
		if a.better(b) {
			return -1
		}
		if b.better(a) {
			return 1
		}
		return 0
	})
	return out
}
