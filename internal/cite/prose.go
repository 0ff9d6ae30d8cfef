package cite

import (
	"strconv"
	"strings"
	"time"
)

// The prose styles. Each gives the reference-list entry of a work and the
// parenthetical citation that goes after a quotation from it, where the
// section, when there is one, is the locator.
//
// The periodical is cited by its month, as Chicago and APA cite magazines
// and newsletters: the library holds an issue's month, not a volume or a
// number, and nothing is made up. Chicago follows what pandoc's citeproc
// gives with its default style (Chicago author-date, 17th edition) for the
// CSL-JSON of csljson.go, checked by the tests.

func reference(w work, f Format) richText {
	switch f {
	case APA:
		return apaReference(w)
	case MLA:
		return mlaReference(w)
	default:
		return chicagoReference(w)
	}
}

func inText(w work, f Format, section string) string {
	switch f {
	case APA:
		return apaInText(w, section)
	case MLA:
		return mlaInText(w, section)
	default:
		return chicagoInText(w, section)
	}
}

// addTitle adds the title: quoted (Chicago, MLA) or plain (APA), or the
// editorial headline as a supplied description, "[Headline].".
func addTitle(r *richText, w work, quote bool) {
	switch {
	case w.title != "" && quote:
		r.add(quoted(w.title))
	case w.title != "":
		r.add(endSentence(w.title))
	case w.headline != "":
		r.addRaw("[")
		r.add(w.headline)
		r.addRaw("]")
		r.add(".")
	}
}

// shortTitle names a work with no author in a parenthetical citation.
func shortTitle(w work, quote bool) string {
	switch {
	case w.title != "" && quote:
		return "“" + w.title + "”"
	case w.title != "":
		return w.title
	default:
		return w.supplied()
	}
}

func year(w work) string {
	if w.year == 0 {
		return "n.d."
	}
	return strconv.Itoa(w.year)
}

// Chicago author-date: Cutler, Robert M. 2026. “Title.” Journal, January 2026.
func chicagoReference(w work) richText {
	var r richText
	if len(w.authors) > 0 {
		r.add(endSentence(chicagoNames(w.authors)) + " ")
		r.add(endSentence(year(w)) + " ")
		addTitle(&r, w, true)
	} else {
		addTitle(&r, w, true)
		r.add(" " + endSentence(year(w)))
	}
	addPeriodical(&r, w, issueDate(w, Chicago))
	return r
}

// issueDate is the issue's month as a style writes it: "January 2026"
// (Chicago), "Jan. 2026" (MLA); "" when the issue has no date.
func issueDate(w work, f Format) string {
	if w.year == 0 {
		return ""
	}
	month := w.month.String()
	if f == MLA {
		month = mlaMonth(w.month)
	}
	return month + " " + strconv.Itoa(w.year)
}

// addPeriodical adds " Journal, date." (just " Journal." with no date).
func addPeriodical(r *richText, w work, date string) {
	if w.journal == "" && date == "" {
		return
	}
	r.add(" ")
	if w.journal != "" {
		r.addItalic(w.journal)
	}
	switch {
	case date == "":
		r.add(".")
	case w.journal == "":
		r.add(date + ".")
	default:
		r.add(", " + date + ".")
	}
}

// chicagoNames: "Cutler, Robert M.", "Cutler, Robert M., and Svante E.
// Cornell"; from eleven names on, the first seven and "et al.".
func chicagoNames(ns []name) string {
	etAl := len(ns) >= 11
	if etAl {
		ns = ns[:7]
	}
	parts := []string{ns[0].inverted()}
	for _, n := range ns[1:] {
		parts = append(parts, n.natural())
	}
	if etAl {
		return strings.Join(parts, ", ") + ", et al."
	}
	return joinAnd(parts, "and", true)
}

// chicagoInText: (Cutler 2026, sec. Background).
func chicagoInText(w work, section string) string {
	who := shortTitle(w, true)
	if len(w.authors) > 0 {
		who = familyNames(w.authors, "and", 4)
	}
	s := "(" + who + " " + year(w)
	if section != "" {
		s += ", sec. " + section
	}
	return s + ")"
}

// APA: Cutler, R. M. (2026, January). Title. Journal.
func apaReference(w work) richText {
	var r richText
	date := "(n.d.)"
	if w.year != 0 {
		date = "(" + strconv.Itoa(w.year) + ", " + w.month.String() + ")"
	}
	if len(w.authors) > 0 {
		r.add(endSentence(apaNames(w.authors)) + " " + date + ". ")
		addTitle(&r, w, false)
	} else {
		addTitle(&r, w, false)
		r.add(" " + date + ".")
	}
	if w.journal != "" {
		r.add(" ")
		r.addItalic(w.journal)
		r.add(".")
	}
	return r
}

// apaNames: "Cutler, R. M.", "Cutler, R. M., & Cornell, S. E."; past
// twenty names, the first nineteen, an ellipsis and the last.
func apaNames(ns []name) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = n.apa()
	}
	if len(parts) > 20 {
		return strings.Join(parts[:19], ", ") + ", . . . " + parts[len(parts)-1]
	}
	return joinAnd(parts, "&", true)
}

// apaInText: (Cutler, 2026, Background section).
func apaInText(w work, section string) string {
	who := shortTitle(w, false)
	if len(w.authors) > 0 {
		who = familyNames(w.authors, "&", 3)
	}
	s := "(" + who + ", " + year(w)
	if section != "" {
		s += ", " + section + " section"
	}
	return s + ")"
}

// MLA: Cutler, Robert M. “Title.” Journal, Jan. 2026.
func mlaReference(w work) richText {
	var r richText
	if len(w.authors) > 0 {
		r.add(endSentence(mlaNames(w.authors)) + " ")
	}
	addTitle(&r, w, true)
	addPeriodical(&r, w, issueDate(w, MLA))
	return r
}

// mlaNames: "Cutler, Robert M.", "Cutler, Robert M., and Svante E.
// Cornell"; from three names on, the first and "et al.".
func mlaNames(ns []name) string {
	switch len(ns) {
	case 1:
		return ns[0].inverted()
	case 2:
		return ns[0].inverted() + ", and " + ns[1].natural()
	default:
		return ns[0].inverted() + ", et al."
	}
}

// mlaInText: (Cutler, sec. Background).
func mlaInText(w work, section string) string {
	who := shortTitle(w, true)
	if len(w.authors) > 0 {
		who = familyNames(w.authors, "and", 3)
	}
	if section != "" {
		who += ", sec. " + section
	}
	return "(" + who + ")"
}

// mlaMonth abbreviates a month as MLA does: Jan., Feb., …, May, June, July, Sept.
func mlaMonth(m time.Month) string {
	switch m {
	case time.May, time.June, time.July:
		return m.String()
	case time.September:
		return "Sept."
	default:
		return m.String()[:3] + "."
	}
}

// familyNames names the authors in a parenthetical citation: "Cutler",
// "Cutler and Cornell", "Cutler, Cornell, and Jamal", or from etAlFrom
// names on "Cutler et al.".
func familyNames(ns []name, and string, etAlFrom int) string {
	if len(ns) >= etAlFrom {
		return ns[0].family + " et al."
	}
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = n.family
	}
	return joinAnd(parts, and, false)
}

// joinAnd joins "A", "A and B" (or with a comma before "and" when
// commaForTwo), "A, B, and C".
func joinAnd(parts []string, and string, commaForTwo bool) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	case 2:
		if commaForTwo {
			return parts[0] + ", " + and + " " + parts[1]
		}
		return parts[0] + " " + and + " " + parts[1]
	default:
		return strings.Join(parts[:len(parts)-1], ", ") + ", " + and + " " + parts[len(parts)-1]
	}
}
