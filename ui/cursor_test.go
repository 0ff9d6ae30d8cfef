package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"analyst/internal/content"
)

// cursorText is the text of the paragraph under the cursor, and its
// section's name.
func cursorText(hs *harness) (string, string) {
	hs.tb.Helper()
	r := &hs.m.reader
	p, ok := r.cursorParagraph()
	if !ok {
		hs.tb.Fatalf("the cursor is not shown")
	}
	sec := r.doc.Sections[p.Section].Section
	return sec.Paragraphs[p.Index], sec.Name
}

// paneLines is the reading pane's lines as plain text, without the
// sidebar.
func paneLines(hs *harness) []string {
	lines := strings.Split(hs.screen(), "\n")
	lines = lines[1 : len(lines)-1]
	r := &hs.m.reader
	for i, l := range lines {
		lines[i] = ansi.Cut(l, r.lay.left, r.lay.left+r.lay.textWidth)
	}
	return lines
}

// cursorRows are the pane's rows that show the cursor's bar: a reverse
// video cell in the text's first column.
func cursorRows(hs *harness) []int {
	var rows []int
	r := &hs.m.reader
	body := r.pane.view(r.lay.textWidth)
	r.drawCursor(body)
	cell := r.c.marks().Cursor.Render(" ")
	for i, l := range body {
		if strings.HasPrefix(l, cell) {
			rows = append(rows, i)
		}
	}
	return rows
}

func TestCursorStartsOnTheFirstParagraphInSight(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("2", "v")
	cutler := hs.article("cutler")
	text, sec := cursorText(hs)
	if sec != "Lead" || text != cutler.Lead().Paragraphs[0] {
		t.Fatalf("v at the top points at %s: %.40q", sec, text)
	}
	rows := cursorRows(hs)
	p, _ := hs.m.reader.cursorParagraph()
	if len(rows) != p.End-p.First || rows[0] != p.First {
		t.Errorf("the bar is on rows %v, want the paragraph's lines %d-%d", rows, p.First, p.End)
	}
	if !strings.Contains(paneLines(hs)[p.First], firstWords(text, 4)) {
		t.Errorf("the bar's first row does not show the paragraph")
	}
	hs.keys("v")
	if hs.m.reader.annotations.cursor.shown || len(cursorRows(hs)) != 0 {
		t.Errorf("v again hides the cursor")
	}
	hs.keys("]", "v")
	if text, sec := cursorText(hs); sec != "Background" || text != cutler.Sections[1].Paragraphs[0] {
		t.Errorf("v with Background's heading on top points at %s: %.40q", sec, text)
	}
	hs.keys("esc")
	if hs.m.reader.annotations.cursor.shown || hs.m.screen != readerScreen {
		t.Errorf("esc hides the cursor and stays in the reader")
	}
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

// TestCursorWalksEveryParagraph moves the cursor from the first paragraph
// to the last and back, at three sizes: every paragraph of the lead and
// the sections in order, each in sight, the sidebar's mark on its section.
func TestCursorWalksEveryParagraph(t *testing.T) {
	for _, size := range goldenSizes {
		hs := newHarness(t, Options{}, size[0], size[1])
		hs.keys("4", "v")
		a := hs.article("cornell")
		var want []string
		var secs []*content.Section
		for _, s := range a.Numbered() {
			for _, p := range s.Paragraphs {
				want = append(want, p)
				secs = append(secs, s)
			}
		}
		r := &hs.m.reader
		for i := range want {
			if i > 0 {
				hs.keys("j")
			}
			text, name := cursorText(hs)
			if text != want[i] || name != secs[i].Name {
				t.Fatalf("%v: paragraph %d is %s %.30q, want %s %.30q", size, i, name, text, secs[i].Name, want[i])
			}
			if !r.cursorInSight() {
				t.Fatalf("%v: paragraph %d is out of sight", size, i)
			}
			if got := r.doc.Sections[r.currentSection()].Section; got != secs[i] {
				t.Fatalf("%v: the current section is %s at paragraph %d of %s", size, got.Name, i, secs[i].Name)
			}
		}
		hs.keys("j")
		if text, _ := cursorText(hs); text != want[len(want)-1] || !strings.Contains(r.status, "last paragraph") {
			t.Errorf("%v: j on the last paragraph stays and says so: %q", size, r.status)
		}
		if size[0] >= sidebarFoldsAt && !strings.Contains(hs.screen(), "▸ 4 Conclusion") {
			t.Errorf("the sidebar marks the cursor's section:\n%s", hs.screen())
		}
		for range want {
			hs.keys("up")
		}
		if text, _ := cursorText(hs); text != want[0] {
			t.Errorf("%v: up all the way is the first paragraph: %.30q", size, text)
		}
	}
}

func TestTheSidebarFollowsTheCursorNotTheTopLine(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("2", "v")
	for {
		if _, sec := cursorText(hs); sec == "Background" {
			break
		}
		hs.keys("j")
	}
	r := &hs.m.reader
	if r.doc.SectionAt(r.pane.offset) != 0 {
		t.Fatalf("the lead scrolled away at 120x40: the test needs it on top")
	}
	if !strings.Contains(hs.screen(), "▸ 2 Background") {
		t.Errorf("with the lead on top and the cursor in Background, the sidebar marks Background:\n%s", hs.screen())
	}
}

func TestOtherMovesTakeTheCursorAlong(t *testing.T) {
	hs := newHarness(t, Options{}, 80, 24)
	hs.keys("2", "v", "]", "]")
	r := &hs.m.reader
	if _, sec := cursorText(hs); sec != "Implications" {
		t.Errorf("] ] takes the cursor to Implications, it is in %s", sec)
	}
	hs.keys("g")
	if _, sec := cursorText(hs); sec != "Lead" || !r.cursorInSight() {
		t.Errorf("g takes the cursor to the top: %s", sec)
	}
	hs.keys("space")
	if !r.cursorInSight() {
		t.Errorf("a page down keeps the cursor in sight")
	}
	hs.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	hs.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if !r.cursorInSight() {
		t.Errorf("the wheel keeps the cursor in sight")
	}
	hs.keys("/")
	hs.typeText("nakhchivan")
	hs.keys("enter")
	if !r.cursorInSight() || len(r.search.matches) == 0 {
		t.Fatalf("a search keeps the cursor in sight")
	}
	p, _ := r.cursorParagraph()
	if m := r.search.matches[r.search.current].line(); m < r.pane.offset || m >= r.pane.offset+r.pane.height || p.End <= r.pane.offset {
		t.Errorf("the match and the cursor are both on screen")
	}
	hs.keys("esc")
	if !r.annotations.cursor.shown || r.search.active() {
		t.Errorf("esc clears the search first, then hides the cursor")
	}
}

func TestCursorAcrossArticles(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("2", "v", "j", "j")
	left, _ := cursorText(hs)
	at := hs.m.reader.pane.offset
	hs.keys("n")
	r := &hs.m.reader
	if r.article.Slug != "jamal" || !r.annotations.cursor.shown {
		t.Fatalf("n keeps the cursor shown, in the next article")
	}
	if text, _ := cursorText(hs); text != hs.article("jamal").Lead().Paragraphs[0] {
		t.Errorf("an article not read yet opens at its top, the cursor on its first paragraph: %.30q", text)
	}
	hs.keys("p")
	if r.article.Slug != "cutler" || r.pane.offset != at {
		t.Errorf("p comes back to where the reader left the article: offset %d, want %d", r.pane.offset, at)
	}
	if text, _ := cursorText(hs); !r.cursorInSight() || text == "" {
		t.Errorf("the cursor is in sight after p")
	} else if left == "" {
		t.Errorf("no paragraph")
	}
}

func TestCursorKeepsItsParagraphThroughAResize(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("3", "v", "j", "j", "j", "j", "j")
	before, _ := cursorText(hs)
	for _, size := range [][2]int{{80, 24}, {40, 12}, {200, 60}, {120, 40}} {
		hs.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		if text, _ := cursorText(hs); text != before || !hs.m.reader.cursorInSight() {
			t.Errorf("%v: the cursor moved to %.30q", size, text)
		}
	}
}

func TestAnnotationKeysNeedTheCursor(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("2", "m")
	if len(hs.m.c.notes.marks) != 0 || !strings.Contains(hs.m.reader.status, "v") {
		t.Errorf("m without the cursor highlights nothing and says to press v: %q", hs.m.reader.status)
	}
	if hs.m.c.keys.Mark.Enabled() || !hs.m.c.keys.Cursor.Enabled() {
		t.Errorf("without the cursor, m is off and v on")
	}
	hs.keys("v")
	if !hs.m.c.keys.Mark.Enabled() || !hs.m.c.keys.Note.Enabled() || !hs.m.c.keys.Copy.Enabled() {
		t.Errorf("with the cursor, m, a and y are on")
	}
	if !strings.Contains(lastLine(hs.screen()), "m highlight") {
		t.Errorf("the status line's help names m with the cursor shown: %q", lastLine(hs.screen()))
	}
}
