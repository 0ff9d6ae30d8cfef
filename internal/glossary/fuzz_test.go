package glossary

import (
	"strings"
	"testing"

	"analyst/internal/content"
	"analyst/internal/testlib"
)

// FuzzExtract reads any text as a paragraph. Extraction must not panic;
// every long form is a verbatim part of the text, inside one sentence as
// content.FirstSentence cuts them (so never longer than it), before or
// inside the parenthesis of its definition; and a glossary built from the
// paragraph holds the same definitions.
func FuzzExtract(f *testing.F) {
	for _, a := range testlib.Library(f).Articles() {
		for _, s := range a.Sections {
			for _, p := range s.Paragraphs {
				f.Add(p)
			}
		}
	}
	for _, p := range []string{
		"",
		"(",
		")",
		"()",
		"(A)",
		"((((((((((EAEU))))))))))",
		"Eurasian Economic Union (EAEU",
		"Eurasian Economic Union EAEU)",
		"The “Central Asian Six” (CAS) and “C5+1” Ministerial Format (CMF).",
		"U.S. Agency for International Development (USAID). Then the U.S.-backed India–Middle East–Europe Economic Corridor (IMEC).",
		"The summit (held by the Organization of Turkic States (OTS) in Gabala) ended.",
		"EvrAzES (Eurasian Economic Community) and Türk Devletleri Teşkilatı (TDT).",
		"A. B. C. D. (ABCD)",
		"of of of of the the the (OT)",
		"\"Foo Bar\" (FB) \"",
		"“ ” (“”) ”“ (Ab)",
		"A (B) C (D) E (F) G (H)",
		"x\xff\xfe (XX) \xc3",
		"Ünïcödé Ärmy (ÜÄ) and İstanbul Işık (İI)",
		strings.Repeat("Eurasian Economic Union (EAEU) ", 50),
	} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p string) {
		sents := sentenceSpans(p)
		var fromExtract []string
		for _, d := range extract(p) {
			long := p[d.long[0]:d.long[1]]
			sent := sentenceOf(sents, d.long[0])
			if !within(d.long, sent) {
				t.Errorf("long form %q (%d–%d) leaves its sentence %q", long, d.long[0], d.long[1], p[sent[0]:sent[1]])
			}
			if len(long) > sent[1]-sent[0] {
				t.Errorf("long form %q is longer than its sentence", long)
			}
			if !within(d.long, d.span) || !within([2]int{d.abbr.start, d.abbr.end}, d.span) {
				t.Errorf("long form %v or abbreviation %d–%d outside the definition %v", d.long, d.abbr.start, d.abbr.end, d.span)
			}
			if p[d.span[1]-1] != ')' {
				t.Errorf("definition %q does not end at its parenthesis", p[d.span[0]:d.span[1]])
			}
			fromExtract = append(fromExtract, long)
		}
		// The same paragraph in an issue.
		sec := &content.Section{Kind: content.KindBody, Name: "S", Slug: "s", Paragraphs: []string{p}}
		art := &content.Article{Number: 1, Slug: "a", Sections: []*content.Section{sec}}
		is := &content.Issue{Slug: "2026-01"}
		is.SetArticles([]*content.Article{art})
		art.Issue = is
		g := Build(is)
		if len(g.Definitions()) != len(fromExtract) {
			t.Fatalf("Build found %d definitions, extract %d", len(g.Definitions()), len(fromExtract))
		}
		for i, d := range g.Definitions() {
			if d.Long != fromExtract[i] || !strings.Contains(p, d.Long) || p[d.LongOffset:d.LongOffset+len(d.Long)] != d.Long {
				t.Errorf("definition %d: long form %q is not the text's %q", i, d.Long, fromExtract[i])
			}
		}
		for _, u := range g.Uses(art) {
			if p[u.Offset:u.Offset+u.Length] != u.Text {
				t.Errorf("use %q is not at %d", u.Text, u.Offset)
			}
		}
		g.Filter(p)
		g.Lookup(p)
	})
}
