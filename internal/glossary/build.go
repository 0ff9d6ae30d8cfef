package glossary

import (
	"analyst/internal/content"
)

// order is a place as indexes, to compare places of one issue.
type order struct{ article, section, paragraph, offset int }

func (o order) less(p order) bool {
	switch {
	case o.article != p.article:
		return o.article < p.article
	case o.section != p.section:
		return o.section < p.section
	case o.paragraph != p.paragraph:
		return o.paragraph < p.paragraph
	}
	return o.offset < p.offset
}

// orderOf is a place's indexes; article (or section) is -1 when the place
// is not in the issue.
func (g *Glossary) orderOf(p Place) order {
	ai, ok := g.articles[p.Article]
	if !ok {
		return order{article: -1, section: -1}
	}
	si, ok := g.sections[p.Section]
	if !ok || si >= len(p.Article.Sections) || p.Article.Sections[si] != p.Section {
		si = -1 // not a section of the article
	}
	return order{ai, si, p.Paragraph, p.Offset}
}

// paragraph is one paragraph of the issue as Build reads it.
type paragraph struct {
	place Place
	at    order
	text  string
	toks  []token
}

// Build makes the glossary of an issue: every definition (extract), every
// use, and the definition that explains each. A nil issue has an empty
// glossary.
func Build(is *content.Issue) *Glossary {
	g := &Glossary{
		Issue:    is,
		byKey:    map[string]*Entry{},
		uses:     map[*content.Article][]Use{},
		articles: map[*content.Article]int{},
		sections: map[*content.Section]int{},
		defAt:    map[*content.Section][][]int{},
	}
	if is == nil {
		return g
	}
	var paras []paragraph
	for ai, a := range is.Articles() {
		g.articles[a] = ai
		for si, s := range a.Sections {
			g.sections[s] = si
			g.defAt[s] = make([][]int, len(s.Paragraphs))
			for pi, text := range s.Paragraphs {
				pl := Place{Article: a, Section: s, Paragraph: pi}
				at := order{ai, si, pi, 0}
				for _, f := range extract(text) {
					g.addDefinition(text, pl, at, f)
				}
				paras = append(paras, paragraph{place: pl, at: at, text: text, toks: tokens(text)})
			}
		}
	}
	defined := make(map[string]bool, len(g.byKey))
	for k := range g.byKey {
		defined[k] = true
	}
	for _, pa := range paras {
		g.addUses(pa, defined)
	}
	g.explainUses()
	for _, e := range g.byKey {
		g.entries = append(g.entries, e)
		e.Abbr = e.shownForm()
	}
	sortEntries(g.entries)
	return g
}

// addDefinition records a definition found in a paragraph.
func (g *Glossary) addDefinition(text string, pl Place, at order, f found) {
	e := g.entry(f.abbr.key)
	pl.Offset = f.span[0]
	at.offset = f.span[0]
	d := &Definition{
		Abbr: text[f.abbr.start:f.abbr.end], Long: text[f.long[0]:f.long[1]],
		Place: pl, Length: f.span[1] - f.span[0],
		LongOffset: f.long[0], AbbrOffset: f.abbr.start, Initials: f.initials,
		entry: e, at: at,
	}
	if len(e.Definitions) == 0 {
		e.Abbr = f.abbr.form
	}
	e.Definitions = append(e.Definitions, d)
	g.defs = append(g.defs, d)
	g.defAt[pl.Section][pl.Paragraph] = append(g.defAt[pl.Section][pl.Paragraph], f.abbr.start)
}

// addUses records the abbreviations a paragraph writes: words shaped like
// one, and any word the issue defines.
func (g *Glossary) addUses(pa paragraph, defined map[string]bool) {
	a := pa.place.Article
	for _, t := range pa.toks {
		if !t.abbr && !defined[t.key] {
			continue
		}
		e := g.entry(t.key)
		u := Use{Entry: e, Place: pa.place, Length: t.end - t.start, Text: pa.text[t.start:t.end], at: pa.at}
		u.Offset, u.at.offset = t.start, t.start
		for _, off := range g.defAt[pa.place.Section][pa.place.Paragraph] {
			if off == t.start {
				u.Defining = true
				u.Definition = e.definitionAt(u.at)
			}
		}
		if !u.Defining {
			e.Uses++
			e.countForm(t.form)
		}
		if n := len(e.articles); n == 0 || e.articles[n-1] != a {
			e.articles = append(e.articles, a)
		}
		g.uses[a] = append(g.uses[a], u)
	}
}

// explainUses finds the definition that explains each use and counts the
// uses of each definition.
func (g *Glossary) explainUses() {
	for _, us := range g.uses {
		for i := range us {
			u := &us[i]
			if u.Defining {
				continue
			}
			u.Definition = u.Entry.explain(u.at)
			if u.Definition == nil {
				if u.Entry.SpelledOut() {
					u.Entry.Unexplained++
				}
				continue
			}
			u.Definition.Uses++
		}
	}
}

// entry returns the entry for a key, making it on first sight.
func (g *Glossary) entry(key string) *Entry {
	e := g.byKey[key]
	if e == nil {
		e = &Entry{key: key}
		g.byKey[key] = e
	}
	return e
}

// definitionAt is the entry's definition whose abbreviation is at o.
func (e *Entry) definitionAt(o order) *Definition {
	for _, d := range e.Definitions {
		if d.at.article == o.article && d.at.section == o.section && d.at.paragraph == o.paragraph && d.AbbrOffset == o.offset {
			return d
		}
	}
	return nil
}

// shownForm is the entry's Abbr: its first definition's spelling, or the
// spelling used most, the first used on a tie.
func (e *Entry) shownForm() string {
	if e.SpelledOut() {
		return e.Abbr
	}
	best := spelling{uses: -1}
	for _, s := range e.forms {
		if s.uses > best.uses {
			best = s
		}
	}
	return best.form
}

// countForm counts a use of a spelling.
func (e *Entry) countForm(form string) {
	for i := range e.forms {
		if e.forms[i].form == form {
			e.forms[i].uses++
			return
		}
	}
	e.forms = append(e.forms, spelling{form, 1})
}

// explain applies Glossary.Explain's rules to a use at o.
func (e *Entry) explain(o order) *Definition {
	var before *Definition
	var later []*Definition
	for _, d := range e.Definitions {
		if d.at.article != o.article {
			continue
		}
		if o.less(d.at) {
			later = append(later, d)
		} else {
			before = d
		}
	}
	switch {
	case before != nil:
		return before
	case len(later) > 0:
		if oneMeaning(later) {
			return later[0]
		}
		return nil
	case len(e.Definitions) == 0 || !oneMeaning(e.Definitions):
		return nil
	}
	var nearest *Definition
	for _, d := range e.Definitions {
		if o.less(d.at) {
			break
		}
		nearest = d
	}
	if nearest == nil {
		nearest = e.Definitions[0]
	}
	return nearest
}

// oneMeaning reports whether definitions all give one long form.
func oneMeaning(ds []*Definition) bool {
	for _, d := range ds[1:] {
		if foldLong(d.Long) != foldLong(ds[0].Long) {
			return false
		}
	}
	return true
}
