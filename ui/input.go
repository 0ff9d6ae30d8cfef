package ui

import (
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"analyst/internal/content"
)

// textInput is a one-line text field for the filter and the search: it
// takes printable text, backspace and ctrl+u. It is small enough that the
// bubbles textinput (and its clipboard dependency) does not earn its place.
type textInput struct {
	value string
	limit int // the most characters it takes; 0 is maxInput
}

// maxInput bounds what a reader can type in the field.
const maxInput = 200

func (t *textInput) update(msg tea.KeyPressMsg) {
	switch msg.String() {
	case "backspace", "ctrl+h":
		if r := []rune(t.value); len(r) > 0 {
			t.value = string(r[:len(r)-1])
		}
	case "ctrl+u":
		t.value = ""
	case "space":
		t.insert(" ")
	default:
		if msg.Text != "" && msg.Mod&^tea.ModShift == 0 {
			t.insert(msg.Text)
		}
	}
}

// insert adds text at the end, without control characters: a search
// cannot match them, and the field must not send them to the terminal.
func (t *textInput) insert(s string) {
	s = content.StripControls(s)
	if len([]rune(t.value))+len([]rune(s)) <= t.max() {
		t.value += s
	}
}

// max is the most characters the field takes.
func (t *textInput) max() int {
	if t.limit == 0 {
		return maxInput
	}
	return t.limit
}

// paste types pasted text, its runs of white space (line breaks among
// them) made one space and without control characters, cut where the
// field is full: a search needs no megabyte.
func (t *textInput) paste(s string) {
	room := t.max() - utf8.RuneCountInString(t.value)
	if room <= 0 {
		return
	}
	// Only the start can fit: a generous cut first, so that a huge paste
	// costs no more than a small one.
	s = s[:min(len(s), 8*room*utf8.UTFMax)]
	s = content.StripControls(strings.Join(strings.Fields(s), " "))
	if r := []rune(s); len(r) > room {
		s = string(r[:room])
	}
	t.value += s
}

// refuses says whether a key is text that the field has no room for, and
// so changes nothing.
func (t *textInput) refuses(msg tea.KeyPressMsg) bool {
	text := msg.Text
	if msg.String() == "space" {
		text = " "
	}
	return text != "" && msg.Mod&^tea.ModShift == 0 && utf8.RuneCountInString(t.value)+utf8.RuneCountInString(text) > t.max()
}

func (t *textInput) reset() { t.value = "" }

// numberKey reads a key of the Number binding, 1 to 9, which picks an
// article in the list and a section in the reader.
func numberKey(msg tea.KeyPressMsg, number key.Binding) (int, bool) {
	s := msg.String()
	if !key.Matches(msg, number) || len(s) != 1 || s[0] < '1' || s[0] > '9' {
		return 0, false
	}
	return int(s[0] - '0'), true
}
