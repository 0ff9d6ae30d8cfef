package glossary

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"analyst/internal/content"
	"analyst/internal/testlib"
)

// Two meanings of ISF in one article, and uses of ISF elsewhere.
var twoMeanings = []string{
	// one: both meanings, each used after it is defined
	`Lead.

## Background

Pakistan may join the International Stabilization Force (ISF). The ISF is a UN body.

## Implications

Pakistan may deploy Islamic Security Forces (ISF) in Gaza. The ISF would serve there.
`,
	// two: ISF, defined nowhere in this article: two meanings elsewhere
	`Lead.

## Background

The ISF was mentioned.
`,
	// three: uses ISF before defining it with one meaning
	`The ISF in the lead.

## Background

The International Stabilization Force (ISF) again. The ISF once more.
`,
}

func TestTwoMeanings(t *testing.T) {
	is := issueOf(t, twoMeanings...)
	g := Build(is)
	e := g.Lookup("ISF")
	if e == nil {
		t.Fatal("no ISF")
	}
	if got, want := longs(e), []string{"International Stabilization Force@one#background", "Islamic Security Forces@one#implications", "International Stabilization Force@three#background"}; !slices.Equal(got, want) {
		t.Fatalf("definitions %q, want %q", got, want)
	}
	if got := e.LongForms(); !slices.Equal(got, []string{"International Stabilization Force", "Islamic Security Forces"}) {
		t.Errorf("LongForms %q", got)
	}
	one, two, three := article(t, is, "one"), article(t, is, "two"), article(t, is, "three")
	tests := []struct {
		name string
		at   Place
		want string // the explaining definition as long@where, "" for none
	}{
		{"after the first meaning", placeOf(t, one, "The ISF is"), "International Stabilization Force@one#background"},
		{"after the second meaning", placeOf(t, one, "The ISF would"), "Islamic Security Forces@one#implications"},
		{"several meanings elsewhere, none here", placeOf(t, two, "The ISF"), ""},
		{"before its article's one meaning", placeOf(t, three, "The ISF in"), "International Stabilization Force@three#background"},
		{"after its article's definition", placeOf(t, three, "The ISF once"), "International Stabilization Force@three#background"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ""
			if d := g.Explain("ISF", tc.at); d != nil {
				got = d.Long + "@" + where(d)
			}
			if got != tc.want {
				t.Errorf("explained by %q, want %q", got, tc.want)
			}
		})
	}
	if e.Uses != 5 || e.Unexplained != 1 {
		t.Errorf("ISF: %d uses, %d unexplained; want 5 and 1", e.Uses, e.Unexplained)
	}
	var counts []int
	for _, d := range e.Definitions {
		counts = append(counts, d.Uses)
	}
	if !slices.Equal(counts, []int{1, 1, 2}) {
		t.Errorf("uses per definition %v, want [1 1 2]", counts)
	}
	// The issue's listing: three definitions, then the unexplained use.
	var items []string
	for _, it := range g.Items() {
		if it.Entry == e {
			items = append(items, itemString(it))
		}
	}
	want := []string{"ISF International Stabilization Force@one#background 1 one", "ISF Islamic Security Forces@one#implications 1 one", "ISF International Stabilization Force@three#background 2 three", "ISF - 1 two"}
	if !slices.Equal(items, want) {
		t.Errorf("items\n %q\nwant %q", items, want)
	}
}

// itemString is "ABBR long@where uses [articles]", "-" for no definition.
func itemString(it Item) string {
	s := it.Entry.Abbr + " -"
	if it.Definition != nil {
		s = it.Entry.Abbr + " " + it.Definition.Long + "@" + where(it.Definition)
	}
	s += " " + strconv.Itoa(it.Uses)
	var in []string
	for _, a := range it.Articles {
		in = append(in, a.Slug)
	}
	if len(in) > 0 {
		s += " " + strings.Join(in, ",")
	}
	return s
}

// A definition in one article explains the uses in the others, before it
// or after it in the issue.
func TestDefinedInAnotherArticle(t *testing.T) {
	is := issueOf(t,
		"Lead.\n\n## One\n\nThe EAEU grew, and the EAEU met.\n",
		"Lead.\n\n## Two\n\nIt joined the Eurasian Economic Union (EAEU) in 2015.\n",
		"Lead.\n\n## Three\n\nThe EAEU summit and the CIS summit.\n",
	)
	g := Build(is)
	def := g.Lookup("EAEU").Definitions[0]
	for _, slug := range []string{"one", "three"} {
		a := article(t, is, slug)
		if d := g.Explain("EAEU", placeOf(t, a, "EAEU")); d != def {
			t.Errorf("EAEU in %s explained by %v, want the definition in two", slug, d)
		}
	}
	if def.Uses != 3 || def.Article.Slug != "two" {
		t.Errorf("the definition in %s explains %d uses, want two and 3", def.Article.Slug, def.Uses)
	}
	var items []string
	for _, it := range g.Items() {
		items = append(items, itemString(it))
	}
	if want := []string{"CIS - 1 three", "EAEU Eurasian Economic Union@two#two 3 one,three"}; !slices.Equal(items, want) {
		t.Errorf("the issue's items %q, want %q", items, want)
	}
	// Article three's listing: EAEU with two's definition, one use here;
	// CIS, never spelled out.
	var got []string
	for _, it := range g.ArticleItems(article(t, is, "three")) {
		got = append(got, itemString(it))
	}
	if want := []string{"CIS - 1 three", "EAEU Eurasian Economic Union@two#two 1 three"}; !slices.Equal(got, want) {
		t.Errorf("article three's items %q, want %q", got, want)
	}
	// Article two's: its definition, used nowhere in it.
	got = nil
	for _, it := range g.ArticleItems(article(t, is, "two")) {
		got = append(got, itemString(it))
	}
	if want := []string{"EAEU Eurasian Economic Union@two#two 0"}; !slices.Equal(got, want) {
		t.Errorf("article two's items %q, want %q", got, want)
	}
}

// What the text never spells out is listed without a long form; the
// glossary does not take one from elsewhere in the text.
func TestNeverSpelledOut(t *testing.T) {
	is := issueOf(t, "The Central Asian Community grows.\n\n## One\n\nRussia's membership in CAC, the CIS and NATO.\n\n## Two\n\nThe CIS again.\n")
	g := Build(is)
	for abbr, uses := range map[string]int{"CAC": 1, "CIS": 2, "NATO": 1} {
		e := g.Lookup(abbr)
		if e == nil || e.SpelledOut() || e.Uses != uses || len(e.LongForms()) != 0 {
			t.Errorf("%s: %+v, want not spelled out, %d uses", abbr, e, uses)
			continue
		}
		if d := g.Explain(abbr, placeOf(t, article(t, is, "one"), abbr)); d != nil {
			t.Errorf("%s explained by %q", abbr, d.Long)
		}
	}
	var got []string
	for _, it := range g.Items() {
		got = append(got, itemString(it))
	}
	if want := []string{"CAC - 1 one", "CIS - 2 one", "NATO - 1 one"}; !slices.Equal(got, want) {
		t.Errorf("items %q, want %q", got, want)
	}
}

func TestNoAbbreviations(t *testing.T) {
	g := Build(issueOf(t, "A lead.\n\n## One\n\nNo abbreviation (none at all) in 2004.\n"))
	if !g.Empty() || len(g.Items()) != 0 || len(g.Filter("a")) != 0 || len(g.Definitions()) != 0 {
		t.Errorf("an issue without abbreviations has a glossary: %v", g.Entries())
	}
	if !Build(nil).Empty() {
		t.Error("no issue, yet a glossary")
	}
}

// Between gives the sidebar each abbreviation on screen once per meaning,
// in the order they appear.
func TestBetween(t *testing.T) {
	is := issueOf(t, twoMeanings...)
	g := Build(is)
	one := article(t, is, "one")
	bg, impl := one.Sections[1], one.Sections[2]
	show := func(from, to Place) []string {
		var out []string
		for _, u := range g.Between(from, to) {
			long := "-"
			if u.Definition != nil {
				long = u.Definition.Long
			}
			out = append(out, u.Text+"="+long)
		}
		return out
	}
	all := show(Place{Article: one, Section: bg}, Place{Article: one, Section: impl, Offset: 1 << 30})
	if want := []string{"ISF=International Stabilization Force", "UN=-", "ISF=Islamic Security Forces"}; !slices.Equal(all, want) {
		t.Errorf("both sections show %q, want %q", all, want)
	}
	part := show(placeOf(t, one, "The ISF is"), placeOf(t, one, "is a UN"))
	if want := []string{"ISF=International Stabilization Force"}; !slices.Equal(part, want) {
		t.Errorf("part of a paragraph shows %q, want %q", part, want)
	}
	if got := g.Between(Place{Article: one, Section: bg}, Place{Article: article(t, is, "two")}); got != nil {
		t.Errorf("a range over two articles shows %d", len(got))
	}
	other := &content.Article{}
	if got := g.Between(Place{Article: other}, Place{Article: other}); got != nil {
		t.Errorf("an article from elsewhere shows %d", len(got))
	}
	// A section of another article, with more sections than this one.
	three := article(t, is, "three")
	longer := Place{Article: three, Section: one.Sections[2]}
	if got := g.Between(longer, longer); got != nil {
		t.Errorf("a section of another article shows %d", len(got))
	}
	if d := g.Explain("ISF", longer); d != nil {
		t.Errorf("a place in no section is explained by %q", d.Long)
	}
	// Uses marks the definitions' own abbreviations.
	var defining int
	for _, u := range g.Uses(one) {
		if u.Defining {
			defining++
			if u.Definition == nil || u.Offset != u.Definition.AbbrOffset {
				t.Errorf("the abbreviation of a definition at %d points at %v", u.Offset, u.Definition)
			}
		}
	}
	if defining != 2 {
		t.Errorf("%d defining uses in one, want 2", defining)
	}
}

func TestFilter(t *testing.T) {
	g := Build(testlib.Library(t).Latest())
	tests := map[string][]string{
		"":                nil, // all
		"isf":             {"ISF"},
		"corridor":        {"CPEC", "IMEC"},
		"india-middle":    {"IMEC"}, // a typed hyphen finds the text's en dash
		"turkic":          {"OTS"},
		"u.s":             {"U.S."},
		"nothing like it": {},
		"\x00\x1b[31m(((": {},
	}
	for q, want := range tests {
		var got []string
		for _, e := range g.Filter(q) {
			got = append(got, e.Abbr)
		}
		if q == "" {
			if len(got) != len(g.Entries()) {
				t.Errorf("a blank filter shows %d of %d", len(got), len(g.Entries()))
			}
			continue
		}
		if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("Filter(%q) = %q, want %q", q, got, want)
		}
	}
	long := strings.Repeat("organization ", 10000)
	if got := g.Filter(long); len(got) != 0 {
		t.Errorf("a long query matched %d", len(got))
	}
}
