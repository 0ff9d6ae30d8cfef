package store

import (
	"strings"

	"analyst/internal/content"
)

// Status says how Locate found a highlight in the library.
type Status int

// Where a highlight can be.
const (
	Here     Status = iota // at its position, with its text
	Moved                  // its text, unchanged (but for spaces), at another position
	Edited                 // a lightly edited version of its text (see NearMatch)
	Detached               // nowhere: kept, and shown with its quote and note
)

// String names the status for lists and JSON: "here", "moved", "edited",
// "detached".
func (s Status) String() string {
	switch s {
	case Here:
		return "here"
	case Moved:
		return "moved"
	case Edited:
		return "edited"
	}
	return "detached"
}

// Location is where a highlight is in a loaded library today.
type Location struct {
	Status    Status
	Article   *content.Article // the highlight's article; nil when the library has no such article
	Section   *content.Section // nil when detached
	Paragraph int              // the paragraph's index in Section.Paragraphs
}

// Found reports whether the highlight marks a paragraph (it is not
// detached).
func (l Location) Found() bool { return l.Section != nil }

// NearMatch is how alike a paragraph's text must be to a highlight's quote
// to carry the highlight when the quote is no longer found as it was. The
// likeness is over words (lowercased, in order): twice the longest run of
// words the two share in order, over the words of both, so 1 is the same
// text and 0 nothing in common. At 0.8 a paragraph keeps its highlight
// through a corrected typo or name, a changed phrase, a sentence added to
// or dropped from a five-sentence paragraph (0.89), one word in five
// replaced (0.8); two different paragraphs of the library are nowhere near
// (the closest pair of the seed issue's 72 is 0.27: see
// TestNearMatchIsFarAboveDifferentParagraphs, which fails at 0.5). A paragraph rewritten beyond that is a new
// paragraph: the highlight is detached, never put on the wrong text.
const NearMatch = 0.8

// Locate finds a highlight in a loaded library: in its article, at its
// position when the text there is still its quote; else where its quote
// is, unchanged but for spaces (the nearest to its old position when the
// text is there twice); else the paragraph most like its quote, when one
// is at least NearMatch alike; else it is detached.
func Locate(lib *content.Library, h Highlight) Location {
	a := lib.ArticleByKey(h.Ref().Key())
	if a == nil {
		return Location{Status: Detached}
	}
	return LocateIn(a, h)
}

// LocateIn is Locate in one loaded article, the highlight's own (for the
// reader's overlay); a highlight of another article is detached.
func LocateIn(a *content.Article, h Highlight) Location {
	if a == nil || a.Issue == nil || a.Issue.Slug != h.Issue || a.Slug != h.Article {
		return Location{Status: Detached}
	}
	quote := content.NormalizeSpace(h.Quote)
	if sec := sectionOf(a, h.Section); sec != nil && h.Paragraph >= 0 && h.Paragraph < len(sec.Paragraphs) &&
		content.NormalizeSpace(sec.Paragraphs[h.Paragraph]) == quote {
		return Location{Status: Here, Article: a, Section: sec, Paragraph: h.Paragraph}
	}
	best := Location{Status: Detached, Article: a}
	var bestScore float64
	var words []string // the quote's, made when first needed
	for _, sec := range a.Sections {
		for i, p := range sec.Paragraphs {
			text := content.NormalizeSpace(p)
			status, score := Moved, 2.0 // above any likeness: the same text wins over a near one
			if text != quote {
				if words == nil {
					words = wordsOf(quote)
				}
				status, score = Edited, likeness(words, wordsOf(text))
				if score < NearMatch {
					continue
				}
			}
			cand := Location{Status: status, Article: a, Section: sec, Paragraph: i}
			if !best.Found() || score > bestScore || score == bestScore && closer(h, cand, best) {
				best, bestScore = cand, score
			}
		}
	}
	return best
}

// LocateAll locates highlights in a library, in their order.
func LocateAll(lib *content.Library, hs []Highlight) []Location {
	locs := make([]Location, len(hs))
	for i, h := range hs {
		locs[i] = Locate(lib, h)
	}
	return locs
}

// closer reports whether a is nearer than b to the highlight's old
// position: in its old section before any other, then by paragraphs apart.
func closer(h Highlight, a, b Location) bool {
	if (a.Section.Slug == h.Section) != (b.Section.Slug == h.Section) {
		return a.Section.Slug == h.Section
	}
	return abs(a.Paragraph-h.Paragraph) < abs(b.Paragraph-h.Paragraph)
}

func abs(n int) int { return max(n, -n) }

func sectionOf(a *content.Article, slug string) *content.Section {
	for _, s := range a.Sections {
		if s.Slug == slug {
			return s
		}
	}
	return nil
}

// wordsOf splits a text into lowercased words.
func wordsOf(s string) []string { return strings.Fields(strings.ToLower(s)) }

// likeness is 2·LCS/(len(a)+len(b)) over words, where LCS is the longest
// sequence of words both have in the same order. Two cheap bounds come
// first, so that the quadratic count runs only for paragraphs that could
// reach NearMatch: the shorter text's share of both, and the words the two
// have in common in any order.
func likeness(a, b []string) float64 {
	n := len(a) + len(b)
	if n == 0 {
		return 1
	}
	if 2*float64(min(len(a), len(b)))/float64(n) < NearMatch {
		return 0
	}
	ids, x := wordIDs(a, b)
	y := x[len(a):]
	x = x[:len(a)]
	if 2*float64(common(x, y, len(ids)))/float64(n) < NearMatch {
		return 0
	}
	return 2 * float64(lcs(x, y)) / float64(n)
}

// wordIDs numbers the words of a and b, so that they compare as integers;
// it returns the numbering and a's numbers followed by b's.
func wordIDs(a, b []string) (map[string]int, []int) {
	ids := make(map[string]int, len(a))
	out := make([]int, 0, len(a)+len(b))
	for _, w := range append(a[:len(a):len(a)], b...) {
		id, ok := ids[w]
		if !ok {
			id = len(ids)
			ids[w] = id
		}
		out = append(out, id)
	}
	return ids, out
}

// common counts the words x and y share, each as often as both have it.
func common(x, y []int, distinct int) int {
	seen := make([]int, distinct)
	for _, id := range x {
		seen[id]++
	}
	n := 0
	for _, id := range y {
		if seen[id] > 0 {
			seen[id]--
			n++
		}
	}
	return n
}

// lcs is the length of the longest common subsequence of x and y, in two
// rows of memory.
func lcs(x, y []int) int {
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for _, xi := range x {
		for j, yj := range y {
			if xi == yj {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(y)]
}
