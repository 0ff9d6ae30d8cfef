package glossary

import (
	"slices"
	"strings"
	"testing"

	"analyst/internal/testlib"
)

// The January 2026 issue, read by hand: every parenthesis of the four
// articles, and every word written in capitals.

// wantDefinitions is every definition in the issue, in reading order:
// abbreviation, long form as written, and where (article#section).
var wantDefinitions = []struct{ abbr, long, where string }{
	{"CACO", "Central Asian Cooperation Organization", "tolipov#background"},
	{"EvrAzES", "Eurasian Economic Community", "tolipov#background"}, // a transliteration: not its initials
	{"EAEU", "Eurasian Economic Union", "tolipov#background"},
	{"CMHS", "Consultative Meetings of the Heads of State of Central Asia", "tolipov#implications"},
	{"CCA", "Community of Central Asia", "tolipov#implications"},
	{"TRIPP", "Trump Route for International Peace and Prosperity", "cutler#lead"},
	{"ISF", "International Stabilization Force", "jamal#background"},
	{"IMEC", "India–Middle East–Europe Economic Corridor", "jamal#implications"},
	{"CPEC", "China–Pakistan Economic Corridor", "jamal#implications"},
	{"TITR", "Trans-Caspian International Transport Route", "jamal#implications"},
	{"ISF", "Islamic Security Forces", "jamal#implications"}, // a second meaning in the same article
	{"DRI", "Diplomat Risk Intelligence", "jamal#bio"},
	{"OTS", "Organization of Turkic States", "cornell#lead"},
	{"OTS", "Organization of Turkic States", "cornell#background"}, // defined again
}

// wantUses is how often each abbreviation is used, its definitions' own
// abbreviations not counted (counted with grep over the article files).
// Those without a long form are never spelled out in the issue.
var wantUses = []struct {
	abbr string
	uses int
	long bool
}{
	{"CAC", 2, false}, // "Central Asian Community" is written, but never as its definition
	{"CACO", 3, true},
	{"CCA", 1, true},
	{"CIS", 5, false},
	{"CMHS", 3, true},
	{"CPEC", 0, true},
	{"CSTO", 1, false},
	{"DRI", 0, true},
	{"EAEU", 18, true},
	{"EU", 3, false},
	{"EvrAzES", 1, true},
	{"IMEC", 4, true},
	{"ISF", 0, true},
	{"ISIS-K", 1, false},
	{"NATO", 4, false}, // one in "Non-NATO", one in "NATO-adjacent"
	{"OTS", 19, true},
	{"PhD", 2, false}, // "PhD" and "Ph.D."
	{"SCMP", 1, false},
	{"TITR", 0, true},
	{"TRIPP", 1, true},
	{"U.S.", 23, false}, // 21 "U.S." and the US of 2 "US$"
	{"UAV", 2, false},   // "UAVs"
	{"UN", 2, false},
}

func TestEmbeddedIssueDefinitions(t *testing.T) {
	g := Build(testlib.Library(t).Latest())
	var got, want []string
	for _, d := range g.Definitions() {
		got = append(got, d.Abbr+" = "+d.Long+" @ "+where(d))
	}
	for _, w := range wantDefinitions {
		want = append(want, w.abbr+" = "+w.long+" @ "+w.where)
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missed: %s", w)
		}
	}
	for _, d := range got {
		if !slices.Contains(want, d) {
			t.Errorf("wrong: %s", d)
		}
	}
	if !slices.Equal(got, want) && !t.Failed() {
		t.Errorf("definitions out of reading order:\n got %q\nwant %q", got, want)
	}
}

func TestEmbeddedIssueEntries(t *testing.T) {
	g := Build(testlib.Library(t).Latest())
	var got, want []string
	for _, e := range g.Entries() {
		got = append(got, e.Abbr)
		if e.Unexplained != 0 {
			t.Errorf("%s: %d uses unexplained, want none (no abbreviation has two meanings outside one article)", e.Abbr, e.Unexplained)
		}
	}
	for _, w := range wantUses {
		want = append(want, w.abbr)
		e := g.Lookup(w.abbr)
		if e == nil {
			continue
		}
		if e.Uses != w.uses {
			t.Errorf("%s: %d uses, want %d", w.abbr, e.Uses, w.uses)
		}
		if e.SpelledOut() != w.long {
			t.Errorf("%s: spelled out %v, want %v", w.abbr, e.SpelledOut(), w.long)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("entries:\n got %q\nwant %q", got, want)
	}
	// Words in capitals that are not abbreviations.
	for _, not := range []string{"C5", "C6", "TB-2", "TB", "Türkiye", "Al-Quds", "Dr", "Bilim Karvoni", "Knowledge Caravan", "ISIS"} {
		if e := g.Lookup(not); e != nil {
			t.Errorf("%q is an entry (%s); it is not an abbreviation", not, e.Abbr)
		}
	}
}

// A definition's place is where its text is, so that the reader can jump
// to it: the paragraph from Offset holds "long form (ABBR)".
func TestEmbeddedDefinitionPlaces(t *testing.T) {
	g := Build(testlib.Library(t).Latest())
	for _, d := range g.Definitions() {
		p := d.Section.Paragraphs[d.Paragraph]
		text := p[d.Offset : d.Offset+d.Length]
		want := d.Long + " (" + d.Abbr + ")"
		if text != want {
			t.Errorf("%s at %s ¶%d+%d reads %q, want %q", d.Abbr, where(d), d.Paragraph, d.Offset, text, want)
		}
		if p[d.LongOffset:d.LongOffset+len(d.Long)] != d.Long || p[d.AbbrOffset:d.AbbrOffset+len(d.Abbr)] != d.Abbr {
			t.Errorf("%s: LongOffset %d or AbbrOffset %d do not point at them", d.Abbr, d.LongOffset, d.AbbrOffset)
		}
		if d.Initials == (d.Abbr == "EvrAzES") {
			t.Errorf("%s: Initials %v", d.Abbr, d.Initials)
		}
	}
}

// Each use is explained by the definition before it in its article: OTS
// is defined in Cornell's lead and again in Background.
func TestEmbeddedExplain(t *testing.T) {
	is := testlib.Library(t).Latest()
	g := Build(is)
	cornell := article(t, is, "cornell")
	lead := g.Explain("OTS", placeOf(t, cornell, "the OTS's evolution"))
	if lead == nil || lead.Section.Slug != "lead" {
		t.Errorf("OTS in the lead explained by %v, want the lead's definition", lead)
	}
	later := g.Explain("OTS", placeOf(t, cornell, "The OTS’s organizational move"))
	if later == nil || later.Section.Slug != "background" {
		t.Errorf("OTS in Implications explained by %v, want Background's definition", later)
	}
	if lead.Uses+later.Uses != 19 || lead.Uses != 1 {
		t.Errorf("OTS definitions explain %d and %d uses, want 1 and 18", lead.Uses, later.Uses)
	}
	cutler := article(t, is, "cutler")
	if d := g.Explain("TRIPP", placeOf(t, cutler, "the TRIPP specifically")); d == nil || d.Long != "Trump Route for International Peace and Prosperity" {
		t.Errorf("TRIPP in Implications explained by %v", d)
	}
	if d := g.Explain("NATO", placeOf(t, cutler, "NATO-adjacent")); d != nil {
		t.Errorf("NATO is never spelled out, yet explained by %q", d.Long)
	}
	// The sidebar for Tolipov's Background: what it uses, with long forms.
	tolipov := article(t, is, "tolipov")
	bg := tolipov.Sections[1]
	shown := g.Between(Place{Article: tolipov, Section: bg}, Place{Article: tolipov, Section: bg, Paragraph: len(bg.Paragraphs) - 1, Offset: 1 << 30})
	var got []string
	for _, u := range shown {
		long := ""
		if u.Definition != nil {
			long = u.Definition.Long
		}
		got = append(got, u.Entry.Abbr+"="+long)
	}
	want := []string{"CACO=Central Asian Cooperation Organization", "EvrAzES=Eurasian Economic Community", "EAEU=Eurasian Economic Union", "CIS="}
	if !slices.Equal(got, want) {
		t.Errorf("Tolipov's Background uses\n %q\nwant %q", got, want)
	}
	if strings.Contains(strings.Join(got, " "), "CMHS") {
		t.Error("CMHS is only in Implications")
	}
	// Cornell defines OTS twice, in the lead and in Background, with one
	// meaning: a screen showing both says it once.
	cLead, bgc := cornell.Sections[0], cornell.Sections[1]
	var ots []string
	for _, u := range g.Between(Place{Article: cornell, Section: cLead}, Place{Article: cornell, Section: bgc, Paragraph: len(bgc.Paragraphs) - 1, Offset: 1 << 30}) {
		if u.Entry.Abbr == "OTS" {
			ots = append(ots, u.Definition.Section.Slug)
		}
	}
	if len(ots) != 1 {
		t.Errorf("the lead and Background of Cornell's article show OTS %d times (defined in %q), want once", len(ots), ots)
	}
}
