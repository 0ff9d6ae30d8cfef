package ui

import "testing"

// The moving keys keep the cursor among the entries: a step, a page
// (only for a screen that pages), the first, the last; other keys are
// left to the screen.
func TestCursorListMoveKey(t *testing.T) {
	k := DefaultKeyMap()
	cases := []struct {
		from, n, page int
		key           string
		moved         bool
		want          int
	}{
		{0, 5, 0, "j", true, 1},
		{4, 5, 0, "down", true, 4}, // the last stays the last
		{0, 5, 0, "k", true, 0},
		{1, 10, 4, "pgdown", true, 5},
		{8, 10, 4, "space", true, 9},
		{5, 10, 4, "b", true, 1},
		{5, 10, 0, "pgdown", false, 5}, // a screen that does not page
		{3, 10, 0, "g", true, 0},
		{3, 10, 0, "G", true, 9},
		{0, 0, 0, "G", true, 0}, // no entries: the cursor stays on the first place
		{3, 10, 0, "/", false, 3},
	}
	for _, c := range cases {
		l := cursorList{cursor: c.from}
		moved := l.moveKey(keyPress(c.key), k, c.n, c.page)
		if moved != c.moved || l.cursor != c.want {
			t.Errorf("%q from %d of %d (page %d): moved %v to %d, want %v to %d", c.key, c.from, c.n, c.page, moved, l.cursor, c.moved, c.want)
		}
	}
}

// While the filter is typed, enter and esc give the keyboard back, up
// and down move, and the other keys are the filter's text.
func TestCursorListFilterKey(t *testing.T) {
	cases := []struct {
		key       string
		want      filterKeyResult
		filtering bool
		cursor    int
	}{
		{"enter", filterDone, false, 2},
		{"esc", filterCleared, false, 2},
		{"up", filterMoved, true, 1},
		{"down", filterMoved, true, 3},
		{"j", filterTyped, true, 2}, // j is a letter of the filter, not a move
	}
	for _, c := range cases {
		l := cursorList{cursor: 2, filtering: true}
		if got := l.filterKey(keyPress(c.key), 4); got != c.want || l.filtering != c.filtering || l.cursor != c.cursor {
			t.Errorf("%q: %v, filtering %v, cursor %d; want %v, %v, %d", c.key, got, l.filtering, l.cursor, c.want, c.filtering, c.cursor)
		}
	}
	l := cursorList{cursor: 3, filtering: true}
	l.filterKey(keyPress("down"), 4)
	if l.cursor != 3 {
		t.Errorf("down on the last entry stays there: %d", l.cursor)
	}
}

// Scrolling by lines: an entry that comes into sight from above brings
// the two lines over it (its article's heading); one below is drawn to
// its last line on the bottom one; no room is left empty at the end
// while lines above are hidden.
func TestCursorListKeepLinesInSight(t *testing.T) {
	cases := []struct {
		name                      string
		top, at, end, total, room int
		want                      int
	}{
		{"in sight: no move", 3, 6, 8, 50, 10, 3},
		{"above: its heading too", 20, 10, 12, 50, 10, 8},
		{"on the top line: its heading too", 10, 10, 12, 50, 10, 8},
		{"near the start", 5, 1, 3, 50, 10, 0},
		{"below: its last line at the bottom", 0, 12, 15, 50, 10, 5},
		{"past the end: the last room lines", 45, 46, 48, 50, 10, 40},
		{"no entry: only the end is kept full", 45, -1, -1, 50, 10, 40},
		{"fewer lines than room", 3, 2, 4, 6, 10, 0},
	}
	for _, c := range cases {
		l := cursorList{top: c.top}
		l.keepLinesInSight(c.at, c.end, c.total, c.room)
		if l.top != c.want {
			t.Errorf("%s: top %d, want %d", c.name, l.top, c.want)
		}
	}
}
