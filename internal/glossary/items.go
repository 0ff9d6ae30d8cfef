package glossary

import (
	"slices"

	"analyst/internal/content"
)

// Item is one line of a glossary listing: an abbreviation with one of its
// definitions and the uses that definition explains, or with none.
type Item struct {
	Entry *Entry

	// Definition is nil for an abbreviation the issue never spells out,
	// and, when Entry.SpelledOut(), for the uses no definition explains.
	Definition *Definition

	Uses     int
	Articles []*content.Article // where those uses are, in reading order
}

// Items lists the whole issue's glossary, entries in Entries' order: one
// item per definition, then one without a definition for the uses none
// explains, or for an abbreviation never spelled out.
func (g *Glossary) Items() []Item {
	where := g.usedIn()
	var out []Item
	for _, e := range g.entries {
		for _, d := range e.Definitions {
			out = append(out, Item{Entry: e, Definition: d, Uses: d.Uses, Articles: where[itemKey{e, d}]})
		}
		switch {
		case !e.SpelledOut():
			out = append(out, Item{Entry: e, Uses: e.Uses, Articles: where[itemKey{e, nil}]})
		case e.Unexplained > 0:
			out = append(out, Item{Entry: e, Uses: e.Unexplained, Articles: where[itemKey{e, nil}]})
		}
	}
	return out
}

// itemKey is what an item lists: an entry and one of its definitions, or
// none.
type itemKey struct {
	e *Entry
	d *Definition
}

// usedIn is, for each item, the articles of its uses in reading order.
func (g *Glossary) usedIn() map[itemKey][]*content.Article {
	out := map[itemKey][]*content.Article{}
	if g.Issue == nil {
		return out
	}
	for _, a := range g.Issue.Articles() {
		for _, u := range g.uses[a] {
			k := itemKey{u.Entry, u.Definition}
			if as := out[k]; !u.Defining && (len(as) == 0 || as[len(as)-1] != a) {
				out[k] = append(as, a)
			}
		}
	}
	return out
}

// ArticleItems lists what one article defines or uses, as Items does, but
// counting only the uses in that article; a definition from another
// article of the issue appears when it explains uses in this one.
func (g *Glossary) ArticleItems(a *content.Article) []Item {
	counts := map[itemKey]int{}
	var keys []itemKey
	for _, u := range g.uses[a] {
		k := itemKey{u.Entry, u.Definition}
		if _, seen := counts[k]; !seen {
			keys = append(keys, k)
			counts[k] = 0
		}
		if !u.Defining {
			counts[k]++
		}
	}
	rank := make(map[*Entry]int, len(g.entries))
	for i, e := range g.entries {
		rank[e] = i
	}
	slices.SortStableFunc(keys, func(x, y itemKey) int {
		if x.e != y.e {
			return rank[x.e] - rank[y.e]
		}
		switch {
		case x.d == nil:
			return 1
		case y.d == nil:
			return -1
		case x.d.at.less(y.d.at):
			return -1
		}
		return 1
	})
	out := make([]Item, 0, len(keys))
	for _, k := range keys {
		it := Item{Entry: k.e, Definition: k.d, Uses: counts[k]}
		if it.Uses > 0 {
			it.Articles = []*content.Article{a}
		}
		out = append(out, it)
	}
	return out
}
