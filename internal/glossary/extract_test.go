package glossary

import (
	"slices"
	"testing"
)

// definitions reads the definitions of one paragraph as "ABBR = long".
func definitions(p string) []string {
	var out []string
	for _, f := range extract(p) {
		out = append(out, p[f.abbr.start:f.abbr.end]+" = "+p[f.long[0]:f.long[1]])
	}
	return out
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		p    string
		want []string
	}{
		{"initials", "It joined the Eurasian Economic Union (EAEU) in 2015.",
			[]string{"EAEU = Eurasian Economic Union"}},
		{"letters inside words", "The Trans-Caspian International Transport Route (TITR) is slow.",
			[]string{"TITR = Trans-Caspian International Transport Route"}},
		{"a function word does not start it", "In 2025, the Organization of Turkic States (OTS) met.",
			[]string{"OTS = Organization of Turkic States"}},
		{"function words do not count towards the window", "It joined the Consultative Meetings of the Heads of State of Central Asia (CMHS).",
			[]string{"CMHS = Consultative Meetings of the Heads of State of Central Asia"}},
		{"transliteration", "CACO merged with the Russia-led Eurasian Economic Community (EvrAzES) in 2005.",
			[]string{"EvrAzES = Eurasian Economic Community"}},
		{"letters missing from the long form", "Agents of the Federal Security Service (FSB) came.",
			[]string{"FSB = Federal Security Service"}},
		{"accents", "Türk Devletleri Teşkilatı (TDT) is its name in Turkish.",
			[]string{"TDT = Türk Devletleri Teşkilatı"}},
		{"dashes", "It meets the India–Middle East–Europe Economic Corridor (IMEC) and the China–Pakistan Economic Corridor (CPEC).",
			[]string{"IMEC = India–Middle East–Europe Economic Corridor", "CPEC = China–Pakistan Economic Corridor"}},
		{"curly quotes round the name", "Against the “Central Asian Six” (CAS) stands the Russia-led bloc.",
			[]string{"CAS = “Central Asian Six”"}},
		{"curly quotes inside", "The “C5+1” Ministerial Format (CMF) met.",
			[]string{"CMF = “C5+1” Ministerial Format"}},
		{"a closing quote whose opening is outside", "He spoke of “the Collective Security Treaty Organization” (CSTO) twice.",
			[]string{"CSTO = Collective Security Treaty Organization"}},
		{"abbreviation first", "The EAEU (Eurasian Economic Union) grew.",
			[]string{"EAEU = Eurasian Economic Union"}},
		{"abbreviation first, transliterated", "Uzbekistan left EvrAzES (Eurasian Economic Community) in 2008.",
			[]string{"EvrAzES = Eurasian Economic Community"}},
		{"abbreviation first, after a function word", "The CSTO (the Collective Security Treaty Organization) met.",
			[]string{"CSTO = Collective Security Treaty Organization"}},
		{"a plural", "Kazakhstan bought unmanned aerial vehicles (UAVs) from Türkiye.",
			[]string{"UAVs = unmanned aerial vehicles"}},
		{"dotted", "He met the United States (U.S.) envoy.",
			[]string{"U.S. = United States"}},
		{"nested: a definition in an aside", "The summit (held by the Organization of Turkic States (OTS) in Gabala) ended.",
			[]string{"OTS = Organization of Turkic States"}},
		{"nested: an aside in the definition", "The Shanghai Cooperation Organisation (SCO (founded 2001)) met.",
			[]string{"SCO = Shanghai Cooperation Organisation"}},
		{"a comma after the abbreviation", "The Central Asian Cooperation Organization (CACO, 2002–2005) merged.",
			[]string{"CACO = Central Asian Cooperation Organization"}},
		{"not past a parenthesis before it", "The Eurasian (a bloc) Economic Union (EAEU) grew.",
			nil},
		{"not past the sentence", "The Shanghai Council met. Cooperation (SC) followed.",
			nil},
		{"a year", "Russia applied in 2004 (2004) and again (in 2019).", nil},
		{"see below", "This is the main vector (see below) of its policy.", nil},
		{"a translation", "Director of “Bilim Karvoni” (“Knowledge Caravan”) in Tashkent.", nil},
		{"an aside", "Türkiye engages in defense (where Europe and the U.S. have generally been absent, with the notable exception of NATO’s Partnership for Peace program).", nil},
		{"a member list", "Its members are Kazakhstan (EAEU), Armenia (CSTO) and Georgia.", nil},
		{"abbreviation first, the letters not ending the long form", "The EU (whose European members met) and the NATO (North Atlantic Treaty Organization) summit.",
			[]string{"NATO = North Atlantic Treaty Organization"}},
		{"an aside after an abbreviation", "NATO (which Turkey joined in 1952) and the OTS (since 2021) differ.", nil},
		{"a name that is no definition", "He left for Brussels (NATO) in May.", nil},
		{"lower case in parentheses", "The lead section (lead) opens it.", nil},
		{"unbalanced", "It (began (EAEU and ended) here.", nil},
		{"empty", "()", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := definitions(tc.p); !slices.Equal(got, tc.want) {
				t.Errorf("%s\n got %q\nwant %q", tc.p, got, tc.want)
			}
		})
	}
}

// The whole definition is found, from its first character to the closing
// parenthesis, in both orders.
func TestExtractSpans(t *testing.T) {
	p := "So the Eurasian Economic Union (EAEU) and the CSTO (Collective Security Treaty Organization) met."
	fs := extract(p)
	if len(fs) != 2 {
		t.Fatalf("found %d definitions, want 2", len(fs))
	}
	for i, want := range []string{"Eurasian Economic Union (EAEU)", "CSTO (Collective Security Treaty Organization)"} {
		if got := p[fs[i].span[0]:fs[i].span[1]]; got != want {
			t.Errorf("definition %d spans %q, want %q", i, got, want)
		}
	}
}
