package cli

import "testing"

// The reader's notices are continued on stderr after "warning: " with a
// lower-case first letter; one that starts with a letter of two bytes
// keeps it whole.
func TestLowerFirst(t *testing.T) {
	for in, want := range map[string]string{
		"Nothing will be kept": "nothing will be kept",
		"Élan":                 "élan",
		"Ωmega":                "ωmega",
		"":                     "",
		"\xffbad":              "\xffbad",
	} {
		if got := lowerFirst(in); got != want {
			t.Errorf("lowerFirst(%q) = %q, want %q", in, got, want)
		}
	}
}
