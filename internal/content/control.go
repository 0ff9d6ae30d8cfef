package content

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Control characters are refused in the library's text: printed by the
// reader, an ESC or a CSI would be a terminal code (clearing the screen,
// writing the clipboard), not text. Tab, LF and CR are whitespace.

// IsControl reports whether r is a control character that text must not
// hold: a C0 control other than tab, LF and CR, DEL, or a C1 control.
func IsControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7f && r <= 0x9f
}

// FirstControl returns the byte offset of the first control character in
// s (see IsControl) and the character, or -1 and 0 when there is none.
// s is read eight bytes at a time: prose has a newline now and then, so
// words are rarely looked at byte by byte.
func FirstControl(s string) (int, rune) {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		low := (x - 0x20*ones) & ^x & highs // a byte below 0x20
		del := x ^ 0x7f*ones                // a zero byte where s has DEL
		c2 := x ^ 0xc2*ones                 // a zero byte where s has 0xC2, a C1 lead byte
		if low|((del-ones)&^del&highs)|((c2-ones)&^c2&highs) != 0 {
			if j, r := firstControlIn(s, i, i+8); j >= 0 {
				return j, r
			}
		}
	}
	return firstControlIn(s, i, len(s))
}

// firstControlIn is FirstControl for the characters that start in
// s[from:to], a byte at a time.
func firstControlIn(s string, from, to int) (int, rune) {
	for i := from; i < to; i++ {
		switch c := s[i]; {
		case c < 0x20:
			if c != '\t' && c != '\n' && c != '\r' {
				return i, rune(c)
			}
		case c == 0x7f:
			return i, rune(c)
		case c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f:
			return i, rune(s[i+1]) // U+0080..U+009F is C2 80..C2 9F
		}
	}
	return -1, 0
}

// StripControls returns s without its control characters (see IsControl).
// Bytes that are not UTF-8 become U+FFFD when there is one to strip, so
// that no control is made of the bytes on either side of one ("\xc2",
// NUL, "\x80").
func StripControls(s string) string {
	i, _ := FirstControl(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(strings.ToValidUTF8(s[:i], "\uFFFD"))
	for _, r := range s[i:] {
		if !IsControl(r) {
			b.WriteRune(r) // RuneError for a byte that is not UTF-8
		}
	}
	return b.String()
}

// ShowControls returns s with each of its control characters (see
// IsControl) written as an escape a reader can see, as Go writes it: ESC
// as \x1b, CSI (U+009B) as \u009b. Bytes that are not UTF-8 become
// U+FFFD when there is a control to show, as in StripControls. Text
// without one is returned as it is.
func ShowControls(s string) string {
	i, _ := FirstControl(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(strings.ToValidUTF8(s[:i], "\uFFFD"))
	for _, r := range s[i:] {
		switch {
		case IsControl(r) && r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		case IsControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r) // RuneError for a byte that is not UTF-8
		}
	}
	return b.String()
}

// ControlName names a control character for a message: "U+001B (ESC)".
func ControlName(r rune) string {
	name := ""
	switch {
	case r < 0x20:
		name = c0Names[r]
	case r == 0x7f:
		name = "DEL"
	case r >= 0x80 && r <= 0x9f:
		name = c1Names[r-0x80]
	}
	if name == "" {
		return fmt.Sprintf("U+%04X", r)
	}
	return fmt.Sprintf("U+%04X (%s)", r, name)
}

var c0Names = [0x20]string{
	"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
	"DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
}

var c1Names = [0x20]string{
	"PAD", "HOP", "BPH", "NBH", "IND", "NEL", "SSA", "ESA", "HTS", "HTJ", "VTS", "PLD", "PLU", "RI", "SS2", "SS3",
	"DCS", "PU1", "PU2", "STS", "CCH", "MW", "SPA", "EPA", "SOS", "SGC", "SCI", "CSI", "ST", "OSC", "PM", "APC",
}

// checkControls reports the control characters in a file's text, src, to
// pl: one problem, on the line and column of the first, that counts the
// others and names their lines. It reports whether there were any.
func checkControls(src string, pl problemList) bool {
	at, r := FirstControl(src)
	if at < 0 {
		return false
	}
	line := 1 + strings.Count(src[:at], "\n")
	col := 1 + utf8.RuneCountInString(src[strings.LastIndexByte(src[:at], '\n')+1:at])
	msg := fmt.Sprintf("control character %s in the text, column %d", ControlName(r), col)

	// The others, and the lines they are on: a few lines, not all of a
	// file that is all controls (UTF-16 read as UTF-8 is all NULs).
	const maxLines = 5
	more, lines := 0, []string{}
	for rest, n, last := src[at+1:], line, line; ; {
		i, _ := FirstControl(rest)
		if i < 0 {
			break
		}
		more++
		n += strings.Count(rest[:i], "\n")
		if n != last && len(lines) <= maxLines {
			lines = append(lines, fmt.Sprint(n))
		}
		last, rest = n, rest[i+1:]
	}
	switch {
	case more == 0:
		msg += ": delete it (it would reach the reader's terminal as a code)"
	case len(lines) == 0:
		msg += fmt.Sprintf(", and %d more on that line: delete them (they would reach the reader's terminal as codes)", more)
	default:
		if len(lines) > maxLines {
			lines[maxLines] = "…"
		}
		msg += fmt.Sprintf(", and %d more, also on lines %s: delete them (they would reach the reader's terminal as codes)", more, strings.Join(lines, ", "))
	}
	pl.add(line, "%s", msg)
	return true
}
