package cli

import "fmt"

// printWarnings prints the warnings held while the reader ran (or was
// about to), and lets the next ones through at once. A library opened
// lazily has them printed, with the rest, by warnLate.
func (a *app) printWarnings() {
	if !a.warnPending {
		for _, w := range a.warnings {
			fmt.Fprintf(a.stderr, "analyst: warning: %s\n", w)
		}
	}
	a.warnings, a.holdWarnings = nil, false
}
