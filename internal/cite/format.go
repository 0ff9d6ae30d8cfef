// Package cite writes the citation of an article, and of a quote from one,
// in the styles and formats readers paste into their work: Chicago
// author-date (the default), APA, MLA, BibTeX, RIS and CSL-JSON.
//
// Only what the library holds is cited: the author, the title, the issue's
// publication and its month. No URL, page, volume or number is made up.
// Text is kept as written: curly quotes, dashes and accents stay, and no
// title is re-cased.
//
// A title written for this edition (title_source: editorial) is never
// given as the journal's title. The prose styles give it as a supplied
// description in square brackets, the convention of Chicago and APA for
// untitled works; the data formats leave their title field empty and carry
// the headline in the field each offers for a description or a note (see
// csljson.go, bibtex.go and ris.go).
package cite

import (
	"fmt"
	"strings"
)

// Format is a citation style (chicago, apa, mla) or a data format
// (bibtex, ris, csl-json).
type Format string

// The formats, by the names the command line takes.
const (
	Chicago Format = "chicago" // Chicago author-date, as pandoc's default CSL style renders it
	APA     Format = "apa"     // APA, 7th edition
	MLA     Format = "mla"     // MLA, 9th edition
	BibTeX  Format = "bibtex"
	RIS     Format = "ris"
	CSLJSON Format = "csl-json"
)

// Default is the format used when none is asked for.
const Default = Chicago

// Formats lists every format, the default first.
func Formats() []Format { return []Format{Chicago, APA, MLA, BibTeX, RIS, CSLJSON} }

// FormatNames is the list of formats as a message shows it:
// "chicago, apa, mla, bibtex, ris, csl-json".
func FormatNames() string {
	names := make([]string, 0, 6)
	for _, f := range Formats() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}

// Prose reports whether the format is a style a person reads (chicago,
// apa, mla) rather than data for a reference manager. Only prose styles
// cite quotes.
func (f Format) Prose() bool { return f == Chicago || f == APA || f == MLA }

// UnknownFormatError says that a format name is not one of Formats.
type UnknownFormatError struct{ Name string }

func (e *UnknownFormatError) Error() string {
	return fmt.Sprintf("unknown citation format %q; the formats are %s", e.Name, FormatNames())
}

// ParseFormat returns the format a name stands for, ignoring case and
// surrounding space, or an *UnknownFormatError naming the formats.
func ParseFormat(name string) (Format, error) {
	want := strings.ToLower(strings.TrimSpace(name))
	for _, f := range Formats() {
		if string(f) == want {
			return f, nil
		}
	}
	return "", &UnknownFormatError{Name: name}
}
