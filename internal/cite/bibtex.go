package cite

import (
	"strconv"
	"strings"
)

// BibTeX, read by BibTeX, biber and biblatex, pandoc and every reference
// manager: an @article entry with the fields BibTeX has always had.
//
// The title is wrapped in a second pair of braces so that bibliography
// styles keep it as written instead of lower-casing it.
//
// An editorial headline is not the journal's title, so there is no title
// field. BibTeX has no field for a supplied title (biblatex's titleaddon is
// an addition to a title, not a stand-in for one); "note" is the field
// every style prints, so the headline goes there, in brackets, with a few
// words saying what it is.
func bibtex(w work) string {
	var b strings.Builder
	b.WriteString("@article{" + w.key + ",\n")
	field := func(name, value string) {
		b.WriteString("  " + name + strings.Repeat(" ", 7-len(name)) + " = " + value + ",\n")
	}
	if len(w.authors) > 0 {
		names := make([]string, len(w.authors))
		for i, n := range w.authors {
			names[i] = bibtexName(n)
		}
		field("author", "{"+strings.Join(names, " and ")+"}")
	}
	if w.title != "" {
		field("title", "{{"+bibtexEscape(w.title)+"}}")
	}
	if w.journal != "" {
		field("journal", "{"+bibtexEscape(w.journal)+"}")
	}
	if w.year != 0 {
		field("year", "{"+strconv.Itoa(w.year)+"}")
		// The month macros (jan, feb, …) are defined by every style.
		field("month", strings.ToLower(w.month.String()[:3]))
	}
	if w.headline != "" {
		field("note", "{"+bibtexEscape(w.suppliedNote())+"}")
	}
	b.WriteString("}\n")
	return b.String()
}

// bibtexName is a name as BibTeX reads it unambiguously: "Family, Given"
// or "Family, Suffix, Given".
func bibtexName(n name) string {
	parts := nonEmpty(bibtexEscape(n.family), bibtexEscape(n.suffix), bibtexEscape(n.given))
	return strings.Join(parts, ", ")
}

// bibtexEscape keeps text as written in TeX: the characters TeX reads as
// markup become the commands that print them; characters outside ASCII stay
// as they are (UTF-8, which biber, pandoc and modern BibTeX read).
//
// Braces: BibTeX counts them even after a backslash, so \{ and \} (which
// every parser reads back) are safe only when the text's braces pair up; a
// brace alone becomes a command with no brace in it.
func bibtexEscape(s string) string {
	paired := bracesPair(s)
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '{', '}':
			switch {
			case paired:
				b.WriteString(`\` + string(r))
			case r == '{':
				b.WriteString(`\textbraceleft{}`)
			default:
				b.WriteString(`\textbraceright{}`)
			}
		case '\\':
			b.WriteString(`\textbackslash{}`)
		case '~':
			b.WriteString(`\textasciitilde{}`)
		case '^':
			b.WriteString(`\textasciicircum{}`)
		case '&', '%', '$', '#', '_':
			b.WriteString(`\` + string(r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// bracesPair reports whether every brace in s closes one opened before it.
func bracesPair(s string) bool {
	depth := 0
	for _, r := range s {
		switch r {
		case '{':
			depth++
		case '}':
			if depth--; depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}
