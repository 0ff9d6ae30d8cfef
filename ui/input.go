package ui

import (
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
	limit := t.limit
	if limit == 0 {
		limit = maxInput
	}
	if len([]rune(t.value))+len([]rune(s)) <= limit {
		t.value += s
	}
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
