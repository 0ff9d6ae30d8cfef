package ui

import (
	"analyst/internal/content"
)

// Place is where a reader left an article: a section (its slug) and how far
// into it, from 0 to 1. The command line saves places between runs.
type Place struct {
	Section  string  `json:"section"`
	Fraction float64 `json:"fraction"`
	End      bool    `json:"end,omitempty"` // at the end of the text, whatever its length on screen
	// Progress is how far through the article, 0 to 1, for the list.
	Progress float64 `json:"progress,omitempty"`
}

// restorePlaces keeps saved places to take up when their articles open:
// going through every article of a large library at start would read
// every issue before the first screen.
func (r *readerModel) restorePlaces(saved map[string]Place) {
	r.saved = make(map[string]Place, len(saved))
	for k, p := range saved {
		r.saved[k] = p
	}
}

// placeOf is where the reader left an article: in this run, or in an
// earlier one.
func (r *readerModel) placeOf(a *content.Article) (place, bool) {
	if p, ok := r.places[a]; ok {
		return p, true
	}
	p, ok := r.saved[a.Key()]
	return place{section: p.Section, frac: p.Fraction, end: p.End}, ok
}
