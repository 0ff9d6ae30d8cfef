package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// name is one author's name, split the way citation styles need it.
// The split is the one reference managers make for "Given Family": the
// last word is the family name, the words before it the given names, and
// a generational suffix (Jr., III) is kept apart.
type name struct {
	given, family, suffix string
}

// suffixes are the generational suffixes a name may end with.
var suffixes = map[string]bool{
	"jr.": true, "jr": true, "sr.": true, "sr": true,
	"ii": true, "iii": true, "iv": true,
}

func isSuffix(word string) bool { return suffixes[strings.ToLower(word)] }

// parseAuthors splits an author line into names: "A and B", "A & B",
// "A, B and C", "A, B, and C". A single name is the common case.
func parseAuthors(line string) []name {
	line = strings.Join(strings.Fields(line), " ")
	if line == "" {
		return nil
	}
	parts := splitAny(line, " and ", " & ")
	if len(parts) > 1 {
		// Only a list with an "and" is split at its commas: "John Smith, Jr."
		// alone is one name.
		var all []string
		for _, p := range parts {
			all = append(all, strings.Split(p, ",")...)
		}
		parts = all
	}
	var names []name
	for _, p := range parts {
		p = strings.TrimSpace(p)
		switch {
		case p == "":
		case isSuffix(p) && len(names) > 0 && names[len(names)-1].suffix == "":
			names[len(names)-1].suffix = p
		default:
			names = append(names, parseName(p))
		}
	}
	return names
}

// splitAny splits s at every occurrence of any of the separators.
func splitAny(s string, seps ...string) []string {
	out := []string{s}
	for _, sep := range seps {
		var next []string
		for _, p := range out {
			next = append(next, strings.Split(p, sep)...)
		}
		out = next
	}
	return out
}

// parseName splits one name written "Given Family" (or "Given Family, Jr.").
func parseName(s string) name {
	var n name
	if before, after, ok := strings.Cut(s, ","); ok && isSuffix(strings.TrimSpace(after)) {
		s, n.suffix = strings.TrimSpace(before), strings.TrimSpace(after)
	}
	words := strings.Fields(s)
	if len(words) > 1 && n.suffix == "" && isSuffix(words[len(words)-1]) {
		n.suffix = words[len(words)-1]
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return n
	}
	n.family = words[len(words)-1]
	n.given = strings.Join(words[:len(words)-1], " ")
	return n
}

// inverted is the name family first: "Cutler, Robert M.", and with a
// suffix "King, Martin Luther, Jr.".
func (n name) inverted() string {
	s := n.family
	if n.given != "" {
		s += ", " + n.given
	}
	if n.suffix != "" {
		s += ", " + n.suffix
	}
	return s
}

// natural is the name as written: "Robert M. Cutler", "Martin Luther King Jr.".
func (n name) natural() string {
	return strings.Join(nonEmpty(n.given, n.family, n.suffix), " ")
}

// initials are the given names as APA gives them: "Robert M." -> "R. M.",
// "Jean-Paul" -> "J.-P.".
func (n name) initials() string {
	var words []string
	for _, w := range strings.Fields(n.given) {
		var parts []string
		for _, p := range strings.Split(w, "-") {
			if r, _ := utf8.DecodeRuneInString(p); r != utf8.RuneError && unicode.IsLetter(r) {
				parts = append(parts, string(unicode.ToUpper(r))+".")
			}
		}
		if len(parts) > 0 {
			words = append(words, strings.Join(parts, "-"))
		}
	}
	return strings.Join(words, " ")
}

// apa is the name as an APA reference list gives it: "Cutler, R. M.".
func (n name) apa() string {
	s := n.family
	if in := n.initials(); in != "" {
		s += ", " + in
	}
	if n.suffix != "" {
		s += ", " + n.suffix
	}
	return s
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
