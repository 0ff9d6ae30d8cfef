// Package glossary finds the abbreviations of an issue in its text: where
// it defines them ("long form (ABBR)" or "ABBR (long form)"), where it uses
// them, and which definition explains each use. It never invents an
// expansion: an abbreviation the issue uses but never spells out is listed
// as such.
//
// A glossary is per issue (Build); Library builds each issue's on first
// need and shares it. A Glossary is read-only once built, so one can serve
// many readers at once.
package glossary

import (
	"slices"
	"strings"

	"analyst/internal/content"
)

// Place is a point in an issue's text.
type Place struct {
	Article   *content.Article
	Section   *content.Section
	Paragraph int // index in Section.Paragraphs
	Offset    int // byte offset in the paragraph
}

// Definition is one place where the text spells an abbreviation out.
type Definition struct {
	Abbr string // the abbreviation as written there: "EvrAzES", "UAVs"
	Long string // the long form, verbatim: "India–Middle East–Europe Economic Corridor"

	// Place is where the definition starts: its long form, or the
	// abbreviation in "ABBR (long form)". Length is its length in bytes,
	// closing parenthesis included, so that a reader can show it as a
	// search shows a match.
	Place
	Length int

	LongOffset int // where the long form starts in the paragraph
	AbbrOffset int // where the abbreviation starts in the paragraph

	// Initials is true when the abbreviation's letters were found in the
	// long form, false for a name matched by its first letter only, as a
	// transliteration is ("Eurasian Economic Community (EvrAzES)").
	Initials bool

	Uses int // the uses this definition explains (see Glossary.Explain)

	entry *Entry
	at    order
}

// Entry is one abbreviation of an issue, with every definition of it.
type Entry struct {
	// Abbr is how the entry is shown: the first definition's spelling, or
	// for one never defined the spelling used most, less a plural s
	// ("UAV" for UAVs). Spellings the text also uses share the entry
	// ("U.S." and the US of "US$").
	Abbr string

	// Definitions are the places that spell it out, in reading order;
	// none when the issue never does. Two long forms are two meanings.
	Definitions []*Definition

	Uses        int // uses in the text, the definitions' own abbreviations not counted
	Unexplained int // uses that no definition explains: several meanings, none defined in the use's article

	key      string
	forms    []spelling // in the order the text first uses them
	articles []*content.Article
}

// spelling is one way the text writes an abbreviation, and how often.
type spelling struct {
	form string
	uses int
}

// SpelledOut reports whether the issue defines the abbreviation anywhere.
func (e *Entry) SpelledOut() bool { return len(e.Definitions) > 0 }

// LongForms are the entry's meanings: its definitions' long forms, each
// once (compared as a search compares text), in reading order.
func (e *Entry) LongForms() []string {
	var out []string
	seen := map[string]bool{}
	for _, d := range e.Definitions {
		k := foldLong(d.Long)
		if !seen[k] {
			seen[k] = true
			out = append(out, d.Long)
		}
	}
	return out
}

// Articles are the articles that use or define the abbreviation, in
// reading order.
func (e *Entry) Articles() []*content.Article { return e.articles }

// Use is one place where the text writes an abbreviation.
type Use struct {
	Entry *Entry
	Place
	Length int    // bytes of the abbreviation as written
	Text   string // as written: "UAVs", "U.S."

	// Definition is the definition that explains this use: nil when the
	// issue never spells the abbreviation out, or when it has several
	// meanings and none is defined in this use's article.
	Definition *Definition

	Defining bool // this is the abbreviation of Definition itself

	at order
}

// Glossary is the abbreviations of one issue.
type Glossary struct {
	Issue *content.Issue

	entries  []*Entry // by Abbr, ignoring case
	byKey    map[string]*Entry
	defs     []*Definition                // reading order
	uses     map[*content.Article][]Use   // reading order, definitions' abbreviations included
	articles map[*content.Article]int     // index in Issue.Articles
	sections map[*content.Section]int     // index in Article.Sections
	defAt    map[*content.Section][][]int // per paragraph, the AbbrOffsets of its definitions
}

// Entries is every abbreviation of the issue, spelled out or not, sorted
// by Abbr ignoring case. Empty when the issue has none.
func (g *Glossary) Entries() []*Entry { return g.entries }

// Empty reports whether the issue has no abbreviations at all.
func (g *Glossary) Empty() bool { return len(g.entries) == 0 }

// Definitions is every definition in the issue, in reading order.
func (g *Glossary) Definitions() []*Definition { return g.defs }

// Lookup finds the entry of an abbreviation as a reader or the text
// writes it: "U.S." and "US" find the same entry, "UAVs" finds UAV. Nil
// when the issue has no such abbreviation.
func (g *Glossary) Lookup(abbr string) *Entry {
	ts := tokens(strings.TrimSpace(abbr))
	if len(ts) == 0 {
		return nil
	}
	return g.byKey[ts[0].key]
}

// Uses is every place article a writes an abbreviation, in reading order,
// the definitions' own abbreviations included (Defining).
func (g *Glossary) Uses(a *content.Article) []Use { return g.uses[a] }

// Between is what a sidebar shows for the part of an article on screen:
// the abbreviations written from one place to another of the same article,
// both included, each once with the definition that explains it there (an
// abbreviation with two meanings on screen appears once for each; one
// defined twice with the same meaning, once), in the order they first
// appear. For whole paragraphs, give from.Offset 0 and
// to.Offset len(paragraph) or more.
func (g *Glossary) Between(from, to Place) []Use {
	if from.Article != to.Article {
		return nil
	}
	lo, hi := g.orderOf(from), g.orderOf(to)
	if lo.section < 0 || hi.section < 0 {
		return nil
	}
	type seen struct {
		e    *Entry
		long string // one meaning, however many times it is defined (OTS)
	}
	var out []Use
	shown := map[seen]bool{}
	for _, u := range g.uses[from.Article] {
		if u.at.less(lo) || hi.less(u.at) {
			continue
		}
		k := seen{e: u.Entry}
		if u.Definition != nil {
			k.long = u.Definition.Long
		}
		if !shown[k] {
			shown[k] = true
			out = append(out, u)
		}
	}
	return out
}

// Explain returns the definition that explains a use of abbr at a place
// of the issue, or nil when none does (or the place is not in the issue). The rules, in order, never a guess:
//  1. the nearest definition before it in the same article;
//  2. else, if its article defines it later with one meaning, the first of
//     those definitions;
//  3. else, if the whole issue gives it one meaning, the nearest
//     definition before it in reading order, or else the first after;
//  4. else none: it has several meanings and its article defines none.
func (g *Glossary) Explain(abbr string, at Place) *Definition {
	e := g.Lookup(abbr)
	o := g.orderOf(at)
	if e == nil || o.section < 0 {
		return nil
	}
	return e.explain(o)
}

// Filter is the entries whose abbreviation or a long form contains query,
// compared as the reader's search compares text (case, curly quotes and
// dashes do not matter); every entry for a blank query.
func (g *Glossary) Filter(query string) []*Entry {
	q := content.FoldQuery(query)
	if len(q) == 0 {
		return g.entries
	}
	var out []*Entry
	for _, e := range g.entries {
		if matches(e, q) {
			out = append(out, e)
		}
	}
	return out
}

func matches(e *Entry, q []rune) bool {
	if len(content.FoldIndexAll(e.Abbr, q)) > 0 {
		return true
	}
	for _, s := range e.forms {
		if len(content.FoldIndexAll(s.form, q)) > 0 {
			return true
		}
	}
	for _, d := range e.Definitions {
		if len(content.FoldIndexAll(d.Long, q)) > 0 {
			return true
		}
	}
	return false
}

// foldLong is a long form as meanings are compared: spaces, case, quotes
// and dashes do not matter.
func foldLong(s string) string { return content.Fold(content.NormalizeSpace(s)) }

// sortEntries orders entries by Abbr ignoring case, then as written.
func sortEntries(es []*Entry) {
	slices.SortFunc(es, func(a, b *Entry) int {
		if c := strings.Compare(strings.ToLower(a.Abbr), strings.ToLower(b.Abbr)); c != 0 {
			return c
		}
		return strings.Compare(a.Abbr, b.Abbr)
	})
}
