package server

import (
	"regexp"
	"strconv"
	"testing"
)

// cursorTo matches the renderer's absolute cursor moves, CSI row;col H.
var cursorTo = regexp.MustCompile(`\x1b\[(\d+);(\d+)H`)

// farthestCell is the largest row and column the output moves the cursor to.
func farthestCell(raw string) (row, col int) {
	for _, m := range cursorTo.FindAllStringSubmatch(raw, -1) {
		r, _ := strconv.Atoi(m[1])
		c, _ := strconv.Atoi(m[2])
		row, col = max(row, r), max(col, c)
	}
	return row, col
}

// A client's terminal size is the client's to choose, and every session
// keeps screen buffers of its size: a huge one is drawn as the largest the
// server allows, at the start and after a window change.
func TestReaderBoundsTheTerminalSize(t *testing.T) {
	ts := startServer(t, nil)
	s := reader(t, ts.dial(t, "alice"), 500, 1000)
	s.out.waitFor(t, 0, "Tolipov")
	s.press(t, "2")
	s.out.waitFor(t, 0, "SECTIONS")
	s.out.waitFor(t, 0, "% read")
	if row, col := farthestCell(s.out.String()); row > maxRows || col > maxColumns || row == 0 {
		t.Errorf("a 1000x500 terminal got the cursor to row %d, column %d; want at most %d, %d",
			row, col, maxRows, maxColumns)
	}

	m := s.out.mark()
	if err := s.WindowChange(300, 600); err != nil {
		t.Fatal(err)
	}
	s.out.waitForFrame(t, m, "% read")
	if row, col := farthestCell(s.out.String()[m:]); row > maxRows || col > maxColumns {
		t.Errorf("after a resize to 600x300 the cursor went to row %d, column %d; want at most %d, %d",
			row, col, maxRows, maxColumns)
	}

	s.press(t, "q")
	if code := s.exitStatus(t); code != 0 {
		t.Errorf("exit status = %d, want 0", code)
	}
}

func TestFitWindow(t *testing.T) {
	for _, c := range []struct{ w, h, ww, wh int }{
		{80, 24, 80, 24},
		{maxColumns, maxRows, maxColumns, maxRows},
		{maxColumns + 1, maxRows + 1, maxColumns, maxRows},
		{1 << 30, 1 << 30, maxColumns, maxRows},
		{0, 0, 0, 0},
		{-5, -5, 0, 0},
	} {
		if w, h := fitWindow(c.w, c.h); w != c.ww || h != c.wh {
			t.Errorf("fitWindow(%d, %d) = %d, %d; want %d, %d", c.w, c.h, w, h, c.ww, c.wh)
		}
	}
}
