package ui

import tea "charm.land/bubbletea/v2"

// NoticeMsg puts a message from outside the program, such as the SSH
// server going down, on the top line of every screen until another
// notice replaces it (an empty one takes it away).
type NoticeMsg string

// Notice returns a command that shows a notice; a program's owner can
// also p.Send(NoticeMsg(...)).
func Notice(text string) tea.Cmd {
	return func() tea.Msg { return NoticeMsg(text) }
}

// KeepingMsg tells the reader whether what they change is being kept, as
// the SSH server hears of its database: Err says why not, on the notice
// line, until a KeepingMsg without one says that changes are kept again;
// then the changes held meanwhile are written.
type KeepingMsg struct{ Err error }
