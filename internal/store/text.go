package store

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"analyst/internal/content"
)

// checkNote refuses a note that a terminal could take for a command: one
// with a control character (ESC, CSI, BEL, ... : see content.IsControl) or
// bytes that are not UTF-8. Refused, not escaped, so that what is kept is
// exactly what the reader wrote; the editor shows the reason and keeps the
// text for them to fix. Line breaks are the exception: a note may have
// several lines (pasted, or written by a future editor), kept as "\n"
// ("\r\n" and a lone "\r" become "\n", since a bare carriage return would
// send the terminal's cursor back over the line). Tabs are kept.
func checkNote(note string) (string, error) {
	if !utf8.ValidString(note) {
		return "", &Error{Op: "the note", Problem: Invalid, Reason: "it is not UTF-8 text"}
	}
	if strings.Contains(note, "\r") {
		note = strings.ReplaceAll(strings.ReplaceAll(note, "\r\n", "\n"), "\r", "\n")
	}
	if i, r := content.FirstControl(note); i >= 0 {
		return "", &Error{Op: "the note", Problem: Invalid,
			Reason: fmt.Sprintf("it holds a control character, %s; a note is plain text", content.ControlName(r))}
	}
	return note, nil
}

// clean is text read back from the database with the control characters
// that a hand-edited or damaged file may hold shown as escapes (ESC as
// the four characters \x1b: content.ShowControls), so that nothing the
// store returns can reach a terminal as a command, and nothing in it is
// silently lost either: the reader sees that the text holds something
// odd. A lone "\r" would move the cursor too, and becomes "\n"; "\n" and
// tabs stay (see checkNote).
func clean(s string) string {
	if i, _ := content.FirstControl(s); i < 0 && strings.IndexByte(s, '\r') < 0 && utf8.ValidString(s) {
		return s // the text the store wrote, as it almost always is
	}
	s = content.ShowControls(strings.ToValidUTF8(s, "\uFFFD"))
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}
