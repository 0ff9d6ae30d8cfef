package ui

import "analyst/internal/content"

// Place is where a reader left an article: a section (its slug) and how far
// into it, from 0 to 1. The command line saves places between runs.
type Place struct {
	Section  string  `json:"section"`
	Fraction float64 `json:"fraction"`
	End      bool    `json:"end,omitempty"` // at the end of the text, whatever its length on screen
}

// PlaceKey names an article in saved places: "2026-01/cutler".
func PlaceKey(a *content.Article) string { return a.Issue.Slug + "/" + a.Slug }

// restorePlaces takes saved places for the articles of the library.
func (r *readerModel) restorePlaces(saved map[string]Place) {
	for _, a := range r.c.lib.Articles() {
		if p, ok := saved[PlaceKey(a)]; ok {
			r.places[a] = place{section: p.Section, frac: p.Fraction, end: p.End}
		}
	}
}

// Places returns where the reader is in every article opened, for saving.
func (m *Model) Places() map[string]Place {
	m.reader.remember()
	out := make(map[string]Place, len(m.reader.places))
	for a, p := range m.reader.places {
		out[PlaceKey(a)] = Place{Section: p.section, Fraction: p.frac, End: p.end}
	}
	return out
}

// LastRead is the key of the article read last, or "".
func (m *Model) LastRead() string {
	if m.reader.article == nil {
		return ""
	}
	return PlaceKey(m.reader.article)
}
