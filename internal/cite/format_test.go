package cite

import (
	"errors"
	"testing"
)

func TestParseFormat(t *testing.T) {
	for _, f := range Formats() {
		got, err := ParseFormat(string(f))
		if err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %q, %v", f, got, err)
		}
	}
	if got, err := ParseFormat(" BibTeX "); err != nil || got != BibTeX {
		t.Errorf("ParseFormat ignores case and space: got %q, %v", got, err)
	}
	_, err := ParseFormat("harvard")
	var unknown *UnknownFormatError
	if !errors.As(err, &unknown) || unknown.Name != "harvard" {
		t.Fatalf("ParseFormat(harvard) = %v, want an *UnknownFormatError", err)
	}
	want := `unknown citation format "harvard"; the formats are chicago, apa, mla, bibtex, ris, csl-json`
	if err.Error() != want {
		t.Errorf("message:\n got %s\nwant %s", err, want)
	}
	if Formats()[0] != Default || Default != Chicago {
		t.Errorf("the default format is %q, listed first: %v", Default, Formats())
	}
}
