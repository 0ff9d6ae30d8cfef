package glossary

import (
	"slices"
	"testing"
)

// abbreviations is what a paragraph uses by shape alone, as "form" or
// "form=key" when the key differs.
func abbreviations(p string) []string {
	var out []string
	for _, t := range tokens(p) {
		if !t.abbr {
			continue
		}
		s := t.form
		if t.key != t.form {
			s += "=" + t.key
		}
		out = append(out, s)
	}
	return out
}

func TestWhatCountsAsAnAbbreviation(t *testing.T) {
	tests := []struct {
		name string
		p    string
		want []string
	}{
		{"capitals", "The CIS and the CSTO met NATO.", []string{"CIS", "CSTO", "NATO"}},
		{"mixed", "Uzbekistan left EvrAzES; he holds a PhD.", []string{"EvrAzES", "PhD"}},
		{"dotted", "The U.S. envoy, a Ph.D., met U.N. staff in Washington, D.C.", []string{"U.S.=US", "Ph.D.=PhD", "U.N.=UN", "D.C.=DC"}},
		{"dotted, hyphenated", "A U.S.-brokered step by an Armenian-U.S. venture; NATO-U.S. ties.", []string{"U.S.=US", "U.S.=US", "NATO", "U.S.=US"}},
		{"plural", "Turkish UAVs and NGOs.", []string{"UAV", "NGO"}},
		{"possessive", "The OTS’s and the OTS's and NATO’s.", []string{"OTS", "OTS", "NATO"}},
		{"hyphens", "A Non-NATO ally, a NATO-adjacent presence, CIS-EAEU trade, ISIS-K.", []string{"NATO", "NATO", "CIS", "EAEU", "ISIS-K"}},
		{"slash", "The CIS/EAEU summits.", []string{"CIS", "EAEU"}},
		{"currency", "Debt of US$ 130 billion.", []string{"US"}},
		{"designations", "TB-2 drones, F-16s, the C5 and C5+1 formats, G20, Su-35.", nil},
		{"roman numerals", "World War II, Louis XIV, Part IV, Chapter XX.", nil},
		{"ordinary capitalised words", "Türkiye, McDonald, MacArthur, DeSantis, YouTube, I, A, Dr. Farkhod Tolipov, Robert M. Cutler.", nil},
		{"a long word in capitals", "It was UNPRECEDENTED, he said.", nil},
		{"shouting", "THE PEACE DEAL IS SIGNED, said the CSTO.", []string{"CSTO"}},
		{"two abbreviations in a row are not shouting", "The EU NATO summit.", []string{"EU", "NATO"}},
		{"lower case", "e.g. i.e. a.m. nato", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := abbreviations(tc.p); !slices.Equal(got, tc.want) {
				t.Errorf("%s\n got %q\nwant %q", tc.p, got, tc.want)
			}
		})
	}
}

// A word the issue defines counts wherever it is written, whatever its
// shape: a designation spelled out is an abbreviation.
func TestDefinedDesignationsCount(t *testing.T) {
	is := issueOf(t, "Lead.\n\n## One\n\nThe Central Asian Five (C5) met; the C5+1 format followed, and the C5 again.\n")
	g := Build(is)
	e := g.Lookup("C5")
	if e == nil || !e.SpelledOut() || e.Uses != 2 {
		t.Fatalf("C5: %+v, want defined and used twice", e)
	}
	if g.Lookup("C6") != nil {
		t.Error("C6 is not in the text")
	}
}

func TestLookupSpellings(t *testing.T) {
	g := Build(issueOf(t, "Lead.\n\n## One\n\nThe U.S. and US$ and the UAVs and a UAV.\n"))
	us := g.Lookup("U.S.")
	if us == nil || g.Lookup("US") != us || us.Uses != 2 || us.Abbr != "U.S." {
		t.Errorf("U.S. and US: %+v", us)
	}
	uav := g.Lookup("UAVs")
	if uav == nil || g.Lookup("UAV") != uav || uav.Uses != 2 || uav.Abbr != "UAV" {
		t.Errorf("UAVs and UAV: %+v", uav)
	}
	for _, q := range []string{"", " ", "us", "Nothing", "(", "\x00"} {
		if e := g.Lookup(q); e != nil {
			t.Errorf("Lookup(%q) = %s", q, e.Abbr)
		}
	}
}
