package cite

import (
	"reflect"
	"testing"
)

func TestParseAuthors(t *testing.T) {
	cases := []struct {
		in   string
		want []name
	}{
		{"Robert M. Cutler", []name{{given: "Robert M.", family: "Cutler"}}},
		{"  Svante   E.\nCornell ", []name{{given: "Svante E.", family: "Cornell"}}},
		{"Martin Luther King Jr.", []name{{given: "Martin Luther", family: "King", suffix: "Jr."}}},
		{"Martin Luther King, Jr.", []name{{given: "Martin Luther", family: "King", suffix: "Jr."}}},
		{"Madonna", []name{{family: "Madonna"}}},
		{"A Ant and B Bee", []name{{given: "A", family: "Ant"}, {given: "B", family: "Bee"}}},
		{"A Ant & B Bee", []name{{given: "A", family: "Ant"}, {given: "B", family: "Bee"}}},
		{"A Ant, B Bee and C Cat", []name{{given: "A", family: "Ant"}, {given: "B", family: "Bee"}, {given: "C", family: "Cat"}}},
		{"A Ant, B Bee, and C Cat", []name{{given: "A", family: "Ant"}, {given: "B", family: "Bee"}, {given: "C", family: "Cat"}}},
		{"A Ant, Jr. and B Bee", []name{{given: "A", family: "Ant", suffix: "Jr."}, {given: "B", family: "Bee"}}},
		{"", nil},
	}
	for _, c := range cases {
		if got := parseAuthors(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("parseAuthors(%q) = %+v, want %+v", c.in, got, c.want)
		}
	}
}

func TestNameForms(t *testing.T) {
	cases := []struct {
		n                                name
		inverted, natural, initials, apa string
	}{
		{name{given: "Robert M.", family: "Cutler"}, "Cutler, Robert M.", "Robert M. Cutler", "R. M.", "Cutler, R. M."},
		{name{given: "Kassym-Jomart", family: "Tokayev"}, "Tokayev, Kassym-Jomart", "Kassym-Jomart Tokayev", "K.-J.", "Tokayev, K.-J."},
		{name{given: "Émile Zoë", family: "Dupré"}, "Dupré, Émile Zoë", "Émile Zoë Dupré", "É. Z.", "Dupré, É. Z."},
		{name{given: "Martin Luther", family: "King", suffix: "Jr."}, "King, Martin Luther, Jr.", "Martin Luther King Jr.", "M. L.", "King, M. L., Jr."},
		{name{family: "Madonna"}, "Madonna", "Madonna", "", "Madonna"},
	}
	for _, c := range cases {
		if got := c.n.inverted(); got != c.inverted {
			t.Errorf("inverted %+v = %q, want %q", c.n, got, c.inverted)
		}
		if got := c.n.natural(); got != c.natural {
			t.Errorf("natural %+v = %q, want %q", c.n, got, c.natural)
		}
		if got := c.n.initials(); got != c.initials {
			t.Errorf("initials %+v = %q, want %q", c.n, got, c.initials)
		}
		if got := c.n.apa(); got != c.apa {
			t.Errorf("apa %+v = %q, want %q", c.n, got, c.apa)
		}
	}
}

func TestCitationKey(t *testing.T) {
	cases := []struct {
		slug, issue string
		number      int
		want        string
	}{
		{"cutler", "2026-01", 2, "cutler-2026-01"},
		{"türk", "2026-01", 1, "turk-2026-01"},
		{"ωμέγα", "2026-01", 3, "article3-2026-01"},
		{"cutler", "", 2, "cutler"},
	}
	for _, c := range cases {
		if got := citationKey(c.slug, c.issue, c.number); got != c.want {
			t.Errorf("citationKey(%q, %q, %d) = %q, want %q", c.slug, c.issue, c.number, got, c.want)
		}
	}
}
