package importer

import (
	"strings"
	"unicode/utf8"
)

// LooksLikeText reports whether raw reads as text at all, rather than
// as an image, an archive or a word processor's file given by mistake:
// text has no NUL byte near its start (the test git and grep use), and
// most of its lines are UTF-8.
func LooksLikeText(raw string) bool {
	if strings.IndexByte(raw[:min(len(raw), 8<<10)], 0) >= 0 {
		return false
	}
	lines, bad := 0, 0
	for line := range strings.SplitSeq(raw, "\n") {
		if line == "" {
			continue
		}
		lines++
		if !utf8.ValidString(line) {
			bad++
		}
	}
	return bad*4 <= lines
}
