package cite

import (
	"bytes"
	"encoding/json"
)

// CSL-JSON, the input of citation processors (citeproc-js in Zotero,
// pandoc's citeproc, citeproc-rs), as a list of one item.
//
// The type is article-magazine: the issue is known by its month, not by a
// volume and number, and CSL styles cite such a periodical by its date
// (Chicago "Journal, January 2026", APA "(2026, January)").
//
// An editorial headline is not the journal's title, so "title" is left out.
// CSL has no variable for a supplied title; the one its styles print in the
// place of a missing title is "genre", the description of an untitled work
// (chicago-author-date.csl prints it without quotes, apa.csl in brackets).
// The headline goes there, in square brackets, so that the default style
// prints "[Headline]." as Chicago wants a supplied description, and "note"
// says in words where the description comes from.
type cslItem struct {
	ID             string    `json:"id"`
	Type           string    `json:"type"`
	Author         []cslName `json:"author,omitempty"`
	Title          string    `json:"title,omitempty"`
	Genre          string    `json:"genre,omitempty"`
	ContainerTitle string    `json:"container-title,omitempty"`
	Issued         *cslDate  `json:"issued,omitempty"`
	Note           string    `json:"note,omitempty"`
}

type cslName struct {
	Family string `json:"family,omitempty"`
	Given  string `json:"given,omitempty"`
	Suffix string `json:"suffix,omitempty"`
}

type cslDate struct {
	DateParts [][]int `json:"date-parts"`
}

func cslJSON(w work) string {
	it := cslItem{
		ID:             w.key,
		Type:           "article-magazine",
		Title:          w.title,
		ContainerTitle: w.journal,
	}
	for _, n := range w.authors {
		it.Author = append(it.Author, cslName{Family: n.family, Given: n.given, Suffix: n.suffix})
	}
	if w.headline != "" {
		it.Genre = w.supplied()
		it.Note = "The description in brackets is a headline written for this edition, not the journal’s title."
	}
	if w.year != 0 {
		it.Issued = &cslDate{DateParts: [][]int{{w.year, int(w.month)}}}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // "&" and "<" as written
	enc.SetIndent("", "  ")
	if err := enc.Encode([]cslItem{it}); err != nil {
		panic(err) // strings and ints always encode
	}
	return b.String()
}
