package cite

import (
	"fmt"
	"strconv"
	"strings"
)

// RIS, the tagged format of EndNote, Zotero, Mendeley and library
// catalogues: "TAG  - value" lines from TY to ER.
//
// The type is MGZN (magazine article), for the reason csljson.go gives.
// The periodical is given twice, as T2 (its tag in the 2011 specification)
// and JF (the older full-name tag that many readers, bibutils among them,
// still look for). DA gives the month as YYYY/MM//, PY the year.
//
// An editorial headline is not the journal's title, so there is no TI. RIS
// has no tag for a supplied title; N1 (notes) is the one every reader keeps,
// so the headline goes there, in brackets, with a few words saying what it
// is.
func ris(w work) string {
	var b strings.Builder
	tag := func(t, value string) {
		if value != "" {
			fmt.Fprintf(&b, "%s  - %s\n", t, value)
		}
	}
	tag("TY", "MGZN")
	for _, n := range w.authors {
		tag("AU", n.inverted())
	}
	tag("TI", w.title)
	tag("T2", w.journal)
	tag("JF", w.journal)
	if w.year != 0 {
		tag("PY", strconv.Itoa(w.year))
		tag("DA", fmt.Sprintf("%04d/%02d//", w.year, int(w.month)))
	}
	if w.headline != "" {
		tag("N1", w.suppliedNote())
	}
	tag("ID", w.key)
	// The end tag has a space after its dash, as the specification writes it.
	b.WriteString("ER  - \n")
	return b.String()
}
