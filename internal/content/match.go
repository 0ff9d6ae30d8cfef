package content

import "strings"

// Query is what a reader typed, folded once as searches compare text
// (FoldQuery), to be matched against many texts: a filter over a list.
type Query struct{ folded string }

// NewQuery folds a query.
func NewQuery(query string) Query { return Query{string(FoldQuery(query))} }

// Empty reports whether the query matches everything: nothing but spaces
// was typed.
func (q Query) Empty() bool { return q.folded == "" }

// In reports whether text holds the query, compared as Search compares:
// case, typographic quotes and dashes, and the kinds and runs of spaces
// do not matter.
func (q Query) In(text string) bool {
	return strings.Contains(Fold(NormalizeSpace(text)), q.folded)
}
