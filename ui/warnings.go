package ui

import "fmt"

// warningNotice is the notice line for warnings from the start, such as
// a broken article in the library or a state that cannot be saved: the
// first, with how many there are (the command line prints them all when
// the reader ends).
func warningNotice(warnings []string) string {
	switch len(warnings) {
	case 0:
		return ""
	case 1:
		return "warning: " + warnings[0]
	}
	// The count first: a narrow line cuts the end.
	return fmt.Sprintf("warning 1 of %d (all printed when you quit): %s", len(warnings), warnings[0])
}
