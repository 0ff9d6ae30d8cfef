package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// cursorList is what the list screens share (the issue list, the
// glossary, the highlights): a cursor on one of their entries, the first
// row shown, and the filter that narrows the entries. Each screen embeds
// it and says how many entries it has when the cursor moves.
type cursorList struct {
	cursor    int       // the entry under the cursor, by index among those shown
	top       int       // the first block (or line, for the highlights) shown
	filter    textInput // the text that narrows the entries
	filtering bool      // the filter line has the keyboard
}

// clampTo keeps the cursor on one of n entries; on the first when there
// are none.
func (l *cursorList) clampTo(n int) { l.cursor = max(0, min(l.cursor, n-1)) }

// moveBy moves the cursor d entries, within n.
func (l *cursorList) moveBy(d, n int) { l.cursor += d; l.clampTo(n) }

// moveKey moves the cursor through n entries for the keys that move it:
// an entry, a page of page entries (when page is above 0), the first or
// the last. It reports whether msg was one of those keys.
func (l *cursorList) moveKey(msg tea.KeyPressMsg, k KeyMap, n, page int) bool {
	switch {
	case key.Matches(msg, k.Down):
		l.moveBy(1, n)
	case key.Matches(msg, k.Up):
		l.moveBy(-1, n)
	case page > 0 && key.Matches(msg, k.PageDown):
		l.moveBy(page, n)
	case page > 0 && key.Matches(msg, k.PageUp):
		l.moveBy(-page, n)
	case key.Matches(msg, k.Top):
		l.cursor = 0
	case key.Matches(msg, k.Bottom):
		l.cursor = max(n-1, 0)
	default:
		return false
	}
	return true
}

// filterKeyResult is what filterKey did with a key, for the screen to
// finish.
type filterKeyResult int

const (
	filterTyped   filterKeyResult = iota // a key for the filter's text, which the screen types
	filterDone                           // enter: the filter stays, the keyboard goes back to the list
	filterCleared                        // esc: the keyboard goes back, and the screen clears the filter
	filterMoved                          // up or down moved the cursor
)

// filterKey handles a key while the filter line has the keyboard, among
// n entries: enter and esc give the keyboard back, up and down move the
// cursor. What the filter's text becomes is the screen's to say.
func (l *cursorList) filterKey(msg tea.KeyPressMsg, n int) filterKeyResult {
	switch msg.String() {
	case "enter":
		l.filtering = false
		return filterDone
	case "esc":
		l.filtering = false
		return filterCleared
	case "up":
		l.moveBy(-1, n)
		return filterMoved
	case "down":
		l.moveBy(1, n)
		return filterMoved
	}
	return filterTyped
}

// keepInSight scrolls a list of blocks of the given heights in room
// lines so that block cur, the cursor's, is in sight (scrollTop).
func (l *cursorList) keepInSight(cur int, heights []int, room, slack, lead int) {
	l.top = scrollTop(l.top, cur, heights, room, slack, lead)
}

// keepLinesInSight scrolls by lines, l.top being the first line shown of
// total in room lines, so that the cursor's entry, on lines [at, end),
// is in sight with the two lines above it (its article's heading) when
// it comes into sight from above. Scrolling by lines, not blocks (as
// keepInSight does), lets an entry's first lines be above the top.
// An at below 0 means no entry is under the cursor.
func (l *cursorList) keepLinesInSight(at, end, total, room int) {
	if at >= 0 {
		if at < l.top+1 {
			l.top = max(0, at-2)
		}
		if end > l.top+room {
			l.top = end - room
		}
	}
	l.top = max(0, min(l.top, total-room))
}
