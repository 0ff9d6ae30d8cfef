package ui

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
)

// writeCmd starts a write, when there is one to make and none is in
// flight (one at a time: a slow keeper does not gather a goroutine for
// every key), and not before what the keeper held has come. retry writes
// the held changes too, with nothing new queued.
func (nb *notebook) writeCmd(retry bool) tea.Cmd {
	if nb.writing || !nb.loaded || !(nb.saver.pending() || retry && nb.saver.holding()) {
		return nil
	}
	nb.writing = true
	return nb.saver.writeCmd
}

// retryDueMsg says that held changes may be tried again.
type retryDueMsg struct{}

// saved takes the outcome of a write: a failure stays on the notice line
// until nothing is held or queued any more, a highlight the keeper
// refused goes from the screen, and a change that failed is tried again
// after a delay that doubles with each failure (a keeper that is
// unavailable waits for the next change, or for news that it is back).
func (nb *notebook) saved(msg savedMsg) tea.Cmd {
	nb.writing = false
	nb.dropRefused()
	switch {
	case msg.err != nil:
		nb.failed = failedNotice(msg.err)
	case msg.wrote && !nb.saver.holding() && !nb.saver.pending():
		nb.failed = ""
	}
	tries := nb.saver.tries()
	if tries == 0 || nb.retryDelay <= 0 {
		return nil
	}
	wait := min(nb.retryDelay<<(tries-1), maxRetryDelay)
	return tea.Tick(wait, func(time.Time) tea.Msg { return retryDueMsg{} })
}

// failedNotice is a failed write's error as the notice line says it: the
// keeper's own sentence when it says what was not kept, else after "Not
// saved:".
func failedNotice(err error) string {
	msg := err.Error()
	if strings.Contains(msg, " not kept") || strings.Contains(msg, " not being kept") {
		return strings.ToUpper(msg[:1]) + msg[1:]
	}
	return "Not saved: " + msg
}

// dropRefused takes the highlights the keeper refused off the screen.
func (nb *notebook) dropRefused() {
	kept := nb.marks[:0]
	for _, m := range nb.marks {
		if !m.refused.Load() {
			kept = append(kept, m)
		}
	}
	if len(kept) != len(nb.marks) {
		clear(nb.marks[len(kept):])
		nb.marks = kept
		nb.version++
	}
}

// keeping takes news of the keeper from outside the program: it cannot be
// reached (said on the notice line until it is back), or it is back, and
// the changes held meanwhile are written.
func (nb *notebook) keeping(msg KeepingMsg) tea.Cmd {
	if msg.Err != nil {
		nb.failed, nb.back = failedNotice(msg.Err), false
		return nil
	}
	if nb.failed == "" && !nb.saver.holding() {
		return nil
	}
	nb.failed, nb.back = "", true
	return nb.writeCmd(true) // not before what the keeper held has come, as ever
}

// notice is what the notice line says about keeping, or "", and whether
// it is a warning (what the reader does is not kept) rather than news.
// A reader whose keeper forgets at the end of the session is told so
// until their first key.
func (nb *notebook) notice(touched bool) (string, bool) {
	switch {
	case nb.notKept != "":
		return nb.notKept, true
	case nb.failed != "":
		return nb.failed, true
	case nb.back:
		return "Your changes are kept again.", false
	case nb.sessionOnly && nb.keyWould && !touched:
		return sessionStartNotice, false
	}
	return "", false
}
