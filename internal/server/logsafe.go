package server

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// maxLogged bounds what the log keeps of a string a client chose, such as
// a user name or a command, in bytes: a client sent 250 KB user names.
const maxLogged = 200

// clientString makes a string a client chose safe for one line of the log,
// in any format: backslashes, control characters (line breaks among them),
// the Unicode line and paragraph separators and invalid UTF-8 are escaped
// as in a Go string literal, so that nothing the client sends can end the
// line or write one of its own; and what is longer than maxLogged is cut,
// saying how long it was.
func clientString(s string) string {
	var b strings.Builder
	cut := false
	for i, r := range s {
		if b.Len() >= maxLogged {
			cut = i < len(s)
			break
		}
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == utf8.RuneError && !validRuneAt(s, i):
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0, r == 0x2028, r == 0x2029:
			q := fmt.Sprintf("%+q", string(r)) // "\n", "\x1b", "\u2028"
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	if cut {
		fmt.Fprintf(&b, "…[cut: %d bytes in all]", len(s))
	}
	return b.String()
}

// validRuneAt says whether the rune at s[i:] is valid UTF-8 (a real U+FFFD
// is; a byte that decodes to it as an error is not).
func validRuneAt(s string, i int) bool {
	r, size := utf8.DecodeRuneInString(s[i:])
	return r != utf8.RuneError || size > 1
}
