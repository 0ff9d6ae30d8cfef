package cli

import "testing"

// A store's message begins a sentence on the status line whatever its
// first letter: "écrit" is not cut in half.
func TestSentenceTakesAWholeFirstLetter(t *testing.T) {
	for in, want := range map[string]string{
		"":                  "",
		"nothing kept":      "Nothing kept",
		"écrit hors ligne":  "Écrit hors ligne",
		"~/x: not a folder": "~/x: not a folder",
	} {
		if got := sentence(in); got != want {
			t.Errorf("sentence(%q) = %q, want %q", in, got, want)
		}
	}
}
