package ui

import (
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	tea "charm.land/bubbletea/v2"

	"analyst/internal/content"
	"analyst/internal/render"
	"analyst/internal/testlib"
)

func TestListOpensTheSelectedArticle(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	if hs.m.screen != listScreen || !strings.Contains(hs.screen(), "Central Asia-Caucasus Analyst") {
		t.Fatalf("the reader must start at the issue list:\n%s", hs.screen())
	}
	hs.keys("j", "enter")
	if hs.m.screen != readerScreen || hs.m.reader.article.Slug != "cutler" {
		t.Fatalf("j enter opened %v", hs.m.reader.article)
	}
	if hs.m.reader.doc == nil || hs.m.reader.pane.offset != 0 {
		t.Fatalf("the article must show at its top at once")
	}
	if !strings.Contains(hs.screen(), "The Armenia–Azerbaijan Peace Process Enters 2026") {
		t.Errorf("title not on screen:\n%s", hs.screen())
	}
}

func TestDigitOpensArticle(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("4")
	if hs.m.reader.article == nil || hs.m.reader.article.Slug != "cornell" {
		t.Fatalf("4 must open the fourth article")
	}
}

func TestSectionJumpsPutTheHeadingOnTop(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}, {40, 12}} {
		hs := newHarness(t, Options{}, size[0], size[1])
		hs.keys("2")
		for _, want := range []string{"Background", "Implications", "Conclusions"} {
			hs.keys("]")
			if got := hs.topLine(); got != want {
				t.Errorf("%dx%d: ] put %q on the top line, want %q", size[0], size[1], got, want)
			}
		}
		hs.keys("]")
		if hs.m.reader.status == "" || hs.topLine() != "Conclusions" {
			t.Errorf("] after the last section must stay and say so; status %q", hs.m.reader.status)
		}
		hs.keys("[", "j", "j", "[")
		if got := hs.topLine(); got != "Implications" {
			t.Errorf("[ inside a section goes back to its heading, got %q", got)
		}
		hs.keys("[")
		if got := hs.topLine(); got != "Background" {
			t.Errorf("[ from a heading goes to the previous one, got %q", got)
		}
	}
}

func TestCurrentSectionFollowsScrolling(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("2", "]", "]")
	r := &hs.m.reader
	if name := r.doc.Sections[r.currentSection()].Section.Name; name != "Implications" {
		t.Fatalf("current section %q after two ]", name)
	}
	if !strings.Contains(hs.screen(), "▸ 3 Implications") {
		t.Errorf("the sidebar must mark Implications:\n%s", hs.screen())
	}
	hs.keys("k")
	if name := r.doc.Sections[r.currentSection()].Section.Name; name != "Background" {
		t.Errorf("a line above Implications is Background, got %s", name)
	}
}

func TestScrollKeys(t *testing.T) {
	hs := newHarness(t, Options{}, 80, 24)
	hs.keys("1")
	p := &hs.m.reader.pane
	h := p.height
	steps := []struct {
		key  string
		want int
	}{
		{"j", 1}, {"down", 2}, {"k", 1}, {"up", 0}, {"k", 0},
		{"space", h - 1}, {"b", 0}, {"pgdown", h - 1}, {"pgup", 0}, {"f", h - 1},
		{"d", h - 1 + h/2}, {"u", h - 1}, {"g", 0}, {"G", p.real - h}, {"home", 0}, {"end", p.real - h},
	}
	for _, s := range steps {
		hs.keys(s.key)
		if p.offset != s.want {
			t.Errorf("after %s the offset is %d, want %d", s.key, p.offset, s.want)
		}
	}
	hs.send(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if p.offset != p.real-h-3 {
		t.Errorf("the wheel scrolls 3 lines: %d", p.offset)
	}
}

func TestNextAndPreviousArticle(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("3", "]")
	hs.keys("n")
	r := &hs.m.reader
	if r.article.Slug != "cornell" || r.pane.offset != 0 {
		t.Fatalf("n must open the next article at its top: %s at %d", r.article.Slug, r.pane.offset)
	}
	if !strings.Contains(hs.screen(), "Svante E. Cornell") {
		t.Errorf("the sidebar must name the next author")
	}
	hs.keys("n")
	if r.article.Slug != "cornell" || !strings.Contains(hs.screen(), "last article") {
		t.Errorf("n on the last article must stay and say so:\n%s", hs.screen())
	}
	hs.keys("p", "p", "p")
	if r.article.Slug != "tolipov" {
		t.Errorf("three p from the fourth article reach the first, got %s", r.article.Slug)
	}
	hs.keys("p")
	if !strings.Contains(hs.screen(), "first article") {
		t.Errorf("p on the first article must say so")
	}
}

func TestEscKeepsThePlace(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("2", "]", "]", "j")
	at := hs.m.reader.pane.offset
	hs.keys("esc")
	if hs.m.screen != listScreen || hs.m.list.selected().Slug != "cutler" {
		t.Fatalf("esc must go back to the list with the article selected")
	}
	hs.keys("enter")
	if hs.m.reader.pane.offset != at {
		t.Errorf("reopening the article must keep the place: %d, want %d", hs.m.reader.pane.offset, at)
	}
}

func TestSearch(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("2", "/")
	hs.typeText("azerbaijan")
	if !strings.Contains(hs.screen(), "/azerbaijan█") {
		t.Errorf("the query must show while typed:\n%s", hs.screen())
	}
	hs.keys("enter")
	s := &hs.m.reader.search
	if len(s.matches) < 3 {
		t.Fatalf("%d matches for azerbaijan, want several", len(s.matches))
	}
	first := s.matches[s.current]
	if first.line() < hs.m.reader.pane.offset || first.line() >= hs.m.reader.pane.offset+hs.m.reader.pane.height {
		t.Errorf("the view must show the current match")
	}
	view := hs.m.View().Content
	if !strings.Contains(view, "\x1b[") || !strings.Contains(hs.screen(), "1 of") {
		t.Errorf("the match must be highlighted and counted")
	}
	hs.keys("ctrl+n")
	if s.current != 1 {
		t.Errorf("ctrl+n: current %d, want 1", s.current)
	}
	hs.keys("ctrl+p", "ctrl+p")
	if s.current != len(s.matches)-1 {
		t.Errorf("ctrl+p from the first match wraps to the last: %d", s.current)
	}
	hs.keys("esc")
	if s.active() || hs.m.screen != readerScreen {
		t.Errorf("esc clears the search and stays in the reader")
	}
	hs.keys("/")
	hs.typeText("zzqqx")
	hs.keys("enter")
	if !strings.Contains(hs.screen(), "no match") {
		t.Errorf("a search without matches must say so")
	}
}

func TestSearchTypingDoesNotTriggerKeys(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("1", "/")
	hs.typeText("qn?]")
	if hs.quit || hs.m.help || hs.m.reader.article.Slug != "tolipov" {
		t.Errorf("keys typed into the search must not act")
	}
	hs.keys("backspace", "backspace")
	if hs.m.reader.search.input.value != "qn" {
		t.Errorf("backspace: %q", hs.m.reader.search.input.value)
	}
}

func TestPickSectionFromSidebar(t *testing.T) {
	for _, w := range []int{120, 60} {
		hs := newHarness(t, Options{}, w, 30)
		hs.keys("2", "tab")
		if !hs.m.reader.side.picking || !strings.Contains(hs.screen(), "SECTIONS") {
			t.Fatalf("%d: tab must show the section list with the keyboard", w)
		}
		hs.keys("down", "down", "enter")
		if got := hs.topLine(); got != "Implications" {
			t.Errorf("%d: picking the third section shows %q", w, got)
		}
		if w < sidebarFoldsAt && hs.m.reader.side.overlay {
			t.Errorf("%d: the overlay must close after the pick", w)
		}
	}
}

func TestSidebarFoldsAndShowsAsOverlay(t *testing.T) {
	hs := newHarness(t, Options{}, 80, 24)
	hs.keys("2")
	if hs.m.reader.lay.sidebarSide || strings.Contains(hs.screen(), "SECTIONS") {
		t.Fatalf("below %d columns the sidebar folds away", sidebarFoldsAt)
	}
	if !strings.Contains(hs.screen(), "% read") {
		t.Errorf("with the sidebar folded the status line shows the progress")
	}
	hs.keys("s")
	if !strings.Contains(hs.screen(), "SECTIONS") || !strings.Contains(hs.screen(), "Robert M. Cutler is Director") {
		t.Errorf("s shows the sidebar over the text:\n%s", hs.screen())
	}
	hs.keys("esc")
	if hs.m.reader.side.overlay || hs.m.screen != readerScreen {
		t.Errorf("esc closes the overlay first")
	}
	wide := newHarness(t, Options{}, 120, 40)
	wide.keys("2", "s")
	if strings.Contains(wide.screen(), "SECTIONS") || wide.m.reader.lay.textWidth != defaultMeasure {
		t.Errorf("s hides the sidebar on a wide terminal and gives the text its width")
	}
}

func TestWideTerminalKeepsAReadableColumn(t *testing.T) {
	hs := newHarness(t, Options{}, 300, 60)
	hs.keys("1")
	l := hs.m.reader.lay
	if l.textWidth > defaultMeasure || !l.sidebarSide || l.left == 0 {
		t.Errorf("at 300 columns: text %d wide, sidebar %v, left margin %d", l.textWidth, l.sidebarSide, l.left)
	}
}

func TestResizeKeepsOldTextUntilTheNewArrives(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("2", "]")
	old := hs.m.reader.doc
	// Deliver the size without running the render it asks for.
	_, cmd := hs.m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if hs.m.reader.doc != old {
		t.Fatalf("the old text must stay until the new rendering arrives")
	}
	hs.run(cmd)
	if d := hs.m.reader.doc; d == old || d.Width != hs.m.reader.lay.textWidth {
		t.Fatalf("the new rendering must replace the old")
	}
	if name := hs.m.reader.doc.Sections[hs.m.reader.currentSection()].Section.Name; name != "Background" {
		t.Errorf("a resize keeps the place: now in %s", name)
	}
}

func TestOpenAtSection(t *testing.T) {
	lib := testlib.Library(t)
	a, _ := lib.Find("cornell")
	sec, _ := a.Section("conclusions")
	hs := newHarness(t, Options{Library: lib, Article: a, Section: sec}, 80, 24)
	if got := hs.topLine(); got != "Conclusion" {
		t.Errorf("opening at a section shows %q on top", got)
	}
}

func TestBackgroundColourPicksTheStyle(t *testing.T) {
	hs := newHarness(t, Options{}, 80, 24)
	hs.keys("1")
	hs.send(tea.BackgroundColorMsg{Color: color.White})
	if hs.m.c.style != render.Light || hs.m.reader.doc.Style != render.Light {
		t.Errorf("a light background must switch to the light style, got %s", hs.m.c.style)
	}
	fixed := newHarness(t, Options{Style: render.Dark}, 80, 24)
	fixed.send(tea.BackgroundColorMsg{Color: color.White})
	if fixed.m.c.style != render.Dark {
		t.Errorf("--style dark must not follow the terminal")
	}
	if _, ok := New(Options{Library: fixed.m.c.lib, Style: render.Dark}).Init()().(keptMsg); !ok {
		t.Errorf("a fixed style needs no question to the terminal: Init only loads what the keeper holds")
	}
}

func TestHelpListsEveryEnabledBinding(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("1", "?")
	screen := hs.screen()
	for _, b := range []string{"next section", "previous article", "search", "next match", "quit", "pick a section"} {
		if !strings.Contains(screen, b) {
			t.Errorf("reader help lacks %q:\n%s", b, screen)
		}
	}
	hs.keys("?", "esc")
	if hs.m.screen != listScreen {
		t.Fatal("esc from the reader goes to the list")
	}
	hs.keys("?")
	screen = hs.screen()
	if !strings.Contains(screen, "/          find") || strings.Contains(screen, "next section") {
		t.Errorf("list help must show the list's keys only:\n%s", screen)
	}
}

func TestListFilter(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("/")
	hs.typeText("turkic")
	if n := len(hs.m.list.visible()); n != 1 {
		t.Fatalf("filter turkic leaves %d articles", n)
	}
	hs.keys("enter", "enter")
	if hs.m.reader.article == nil || hs.m.reader.article.Slug != "cornell" {
		t.Errorf("enter after the filter opens the match")
	}
}

func TestQuit(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		hs := newHarness(t, Options{}, 80, 24)
		hs.keys("2", k)
		if !hs.quit {
			t.Errorf("%s must quit", k)
		}
	}
}

func TestTooSmall(t *testing.T) {
	for _, size := range [][2]int{{1, 1}, {20, 6}, {29, 20}, {100, 7}} {
		hs := newHarness(t, Options{}, size[0], size[1])
		hs.keys("2")
		if s := hs.screen(); !strings.HasPrefix(s, strings.Repeat("Terminal too small", 1)[:min(size[0], 18)]) {
			t.Errorf("%dx%d: %q", size[0], size[1], s)
		}
	}
}

func TestKeysTypedBeforeTheTextArriveAreKept(t *testing.T) {
	// A cold cache: the size arrives, but the renders it starts do not.
	m := New(Options{Library: testlib.Library(t), Cache: sharedCache()})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	hs := &harness{tb: t, m: m}
	_, cmd := m.Update(keyPress("3"))
	if m.reader.doc != nil {
		t.Fatal("the text must not be there before its rendering runs")
	}
	m.Update(keyPress("]"))
	m.Update(keyPress("]"))
	hs.run(cmd)
	if got := hs.topLine(); got != "Implications" {
		t.Errorf("keys typed while rendering must apply when the text arrives: top line %q", got)
	}
}

func TestSwitchIssuesInTheList(t *testing.T) {
	fsys := fstest.MapFS{}
	root := filepath.Join(testlib.Dir(), "2026-01")
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(root, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fsys["2026-01/"+e.Name()] = &fstest.MapFile{Data: data}
	}
	fsys["2026-02/issue.md"] = &fstest.MapFile{Data: []byte("---\npublication: Central Asia-Caucasus Analyst\ndate: 2026-02\n---\n\nAbout.\n")}
	fsys["2026-02/01-doe.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A February Piece\nauthor: Jane Doe\n---\n\nLead.\n\n## Background\n\nText.\n")}
	lib, err := content.Load(fsys, "lib")
	if err != nil {
		t.Fatal(err)
	}
	hs := newHarness(t, Options{Library: lib}, 100, 30)
	if !strings.Contains(hs.screen(), "February 2026") || !strings.Contains(hs.screen(), "issue 2 of 2") {
		t.Fatalf("the list must open at the newest issue:\n%s", hs.screen())
	}
	hs.keys("[")
	if !strings.Contains(hs.screen(), "January 2026") || !strings.Contains(hs.screen(), "Tolipov") {
		t.Fatalf("[ must switch to the other issue:\n%s", hs.screen())
	}
	hs.keys("G", "enter", "n")
	if hs.m.reader.article.Slug != "cornell" || !strings.Contains(hs.screen(), "last article") {
		t.Errorf("n stays within the issue")
	}
}

func TestDigitsPickSections(t *testing.T) {
	hs := newHarness(t, Options{}, 100, 30)
	hs.keys("2", "3")
	if got := hs.topLine(); got != "Implications" {
		t.Errorf("3 in the reader goes to the third section, got %q", got)
	}
	hs.keys("9", "1")
	if hs.m.reader.pane.offset != 0 {
		t.Errorf("9 (no such section) must do nothing, and 1 goes to the lead")
	}
	hs.keys("tab", "4", "enter")
	if got := hs.topLine(); got != "Conclusions" {
		t.Errorf("a digit in the section picker picks that section, got %q", got)
	}
}

func TestEscClearsTheListFilter(t *testing.T) {
	hs := newHarness(t, Options{}, 80, 24)
	hs.keys("/")
	hs.typeText("peace") // in a title: enter keeps the filter (on a passage, it opens it)
	hs.keys("enter")
	if !strings.Contains(hs.screen(), "filter: peace") {
		t.Fatalf("the applied filter must show:\n%s", hs.screen())
	}
	hs.keys("esc")
	if hs.m.list.filter.value != "" || strings.Contains(hs.screen(), "filter:") || len(hs.m.list.visible()) != 4 {
		t.Errorf("esc must clear the applied filter:\n%s", hs.screen())
	}
	hs.keys("/")
	hs.typeText("turkic")
	hs.keys("enter", "esc")
	if a := hs.m.list.selected(); a == nil || a.Number != 4 {
		t.Errorf("clearing the filter must keep the cursor on the article it was on, 4: %v", a)
	}
	hs.keys("k", "/")
	hs.typeText("zzz")
	hs.keys("enter", "esc")
	if a := hs.m.list.selected(); a == nil || a.Number != 3 {
		t.Errorf("clearing a filter that matched nothing must put the cursor back on 3: %v", a)
	}
	hs.keys("?")
	if strings.Contains(hs.screen(), "clear the filter") {
		t.Errorf("with no filter, help must not offer esc to clear one")
	}
}

func TestListShowsEveryArticleWhenTheWindowGrows(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		hs := newHarness(t, Options{}, 40, 12)
		hs.keys("G")
		hs.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		screen := hs.screen()
		for _, a := range hs.m.list.visible() {
			if !strings.Contains(screen, a.Title[:20]) {
				t.Errorf("after growing to %dx%d, the list hides %q:\n%s", size[0], size[1], a.Title, screen)
			}
		}
		if hs.m.list.selected().Number != 4 {
			t.Errorf("the selection must stay on article 4")
		}
	}
}

func TestHelpScrollStopsAtItsEnd(t *testing.T) {
	hs := newHarness(t, Options{}, 40, 12)
	hs.keys("2", "?")
	for range 30 {
		hs.keys("j")
	}
	end := hs.screen()
	if hs.m.helpOffset != helpMaxOffset(hs.m.c, 40, 12) || hs.m.helpOffset == 0 {
		t.Fatalf("help offset %d, want its end %d", hs.m.helpOffset, helpMaxOffset(hs.m.c, 40, 12))
	}
	hs.keys("k")
	if hs.screen() == end {
		t.Errorf("one k from the end of help must scroll back at once")
	}
}

// TestHelpPagesAndEnds: the help taller than the screen moves a page
// with space and b, and to its ends with G and g, as the text does.
func TestHelpPagesAndEnds(t *testing.T) {
	hs := newHarness(t, Options{}, 40, 12)
	hs.keys("2", "?")
	last, page := helpMaxOffset(hs.m.c, 40, 12), helpRoom(12)
	if last <= page {
		t.Fatalf("the help is %d lines past the screen at 40x12: too short to page", last)
	}
	hs.keys("space")
	if hs.m.helpOffset != page {
		t.Errorf("space moved the help to %d, want a page, %d", hs.m.helpOffset, page)
	}
	hs.keys("G")
	if hs.m.helpOffset != last {
		t.Errorf("G moved the help to %d, want its end %d", hs.m.helpOffset, last)
	}
	hs.keys("space")
	if hs.m.helpOffset != last {
		t.Errorf("space at the end moved the help to %d", hs.m.helpOffset)
	}
	hs.keys("b")
	if hs.m.helpOffset != last-page {
		t.Errorf("b moved the help to %d, want %d", hs.m.helpOffset, last-page)
	}
	hs.keys("g")
	if hs.m.helpOffset != 0 || !hs.m.help {
		t.Errorf("g moved the help to %d (shown: %v), want its top", hs.m.helpOffset, hs.m.help)
	}
}

func TestPickerStaysInSightWhenTheWindowNarrows(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("2", "tab")
	hs.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if !hs.m.reader.side.picking || !strings.Contains(hs.screen(), "SECTIONS") {
		t.Fatalf("the picker must stay in sight at 80x24:\n%s", hs.screen())
	}
	hs.keys("j", "j", "enter")
	if got := hs.topLine(); got != "Implications" {
		t.Errorf("picking the third section shows %q", got)
	}
	if hs.m.reader.side.overlay || strings.Contains(hs.screen(), "SECTIONS") {
		t.Errorf("the overlay must close after the pick:\n%s", hs.screen())
	}
}

func TestPickerPutsAHiddenSidebarAway(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("2", "s")
	if strings.Contains(hs.screen(), "SECTIONS") {
		t.Fatal("s hides the sidebar")
	}
	hs.keys("tab")
	if !strings.Contains(hs.screen(), "SECTIONS") {
		t.Fatalf("tab must show the sections:\n%s", hs.screen())
	}
	hs.keys("esc")
	if strings.Contains(hs.screen(), "SECTIONS") || !hs.m.reader.side.hidden {
		t.Errorf("closing the picker must hide again the sidebar the reader hid:\n%s", hs.screen())
	}
}

func TestDigitInThePickerJumps(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("2", "tab", "3")
	if got := hs.topLine(); got != "Implications" || hs.m.reader.side.picking {
		t.Errorf("3 in the picker must jump to the third section and close it: top %q, picking %v", got, hs.m.reader.side.picking)
	}
}

func TestTheStatusLineKeepsWhatTheReaderTypedAndAskedFor(t *testing.T) {
	hs := newHarness(t, Options{}, 40, 12)
	hs.keys("2", "/")
	hs.typeText("central asian integration")
	status := lastLine(hs.screen())
	if !strings.Contains(status, "integration█") {
		t.Errorf("the end of the query and the cursor must show: %q", status)
	}
	hs.keys("enter")
	if status := lastLine(hs.screen()); !strings.Contains(status, " of ") && !strings.Contains(status, "no match") {
		t.Errorf("the search's count must show at 40 columns: %q", status)
	}
	hs.keys("esc", "ctrl+n")
	if status := lastLine(hs.screen()); !strings.Contains(status, "press / to search") {
		t.Errorf("ctrl+n with no search must say how to search: %q", status)
	}
	hs.keys("esc", "esc", "/")
	hs.typeText("a filter much longer than the forty columns")
	if status := lastLine(hs.screen()); !strings.Contains(status, "columns█") {
		t.Errorf("the list's filter keeps its end in sight too: %q", status)
	}
}

func TestTheLastSectionIsCurrentAtTheEnd(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("2", "G")
	header := strings.SplitN(hs.screen(), "\n", 2)[0]
	if !strings.Contains(header, "Conclusions") {
		t.Errorf("at the end of the article the header must name its last section: %q", header)
	}
}

func TestTooSmallWrapsItsMessage(t *testing.T) {
	hs := newHarness(t, Options{}, 10, 5)
	if got := strings.Join(strings.Fields(hs.screen()), " "); !strings.Contains(got, "need 30×8, have 10×5") {
		t.Errorf("the whole message must show at 10x5:\n%s", hs.screen())
	}
}

func lastLine(screen string) string {
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	return lines[len(lines)-1]
}

func TestSectionStepsAtTheEndOfTheText(t *testing.T) {
	for _, size := range [][2]int{{120, 100}, {120, 40}, {80, 24}} {
		hs := newHarness(t, Options{}, size[0], size[1])
		hs.keys("2", "G")
		at := hs.m.reader.pane.offset
		hs.keys("[")
		if hs.m.reader.pane.offset > at {
			t.Errorf("%dx%d: [ at the end scrolled forward, from %d to %d", size[0], size[1], at, hs.m.reader.pane.offset)
		}
		hs.keys("G")
		at = hs.m.reader.pane.offset
		hs.keys("]")
		if got := hs.topLine(); got != "Conclusions" && hs.m.reader.pane.offset <= at {
			t.Errorf("%dx%d: ] at the end must go on to the next heading: top %q, %q", size[0], size[1], got, hs.m.reader.status)
		}
	}
}

func TestTheEndOfTheTextStaysTheEndThroughAResize(t *testing.T) {
	hs := newHarness(t, Options{}, 30, 8)
	hs.keys("2", "G")
	hs.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	p := &hs.m.reader.pane
	if p.offset != p.textEnd() {
		t.Errorf("after G and a resize the pane is at %d, want the end of the text at %d", p.offset, p.textEnd())
	}
	for range 500 {
		hs.keys("j")
	}
	if p.offset != p.textEnd() {
		t.Errorf("j goes on to %d, past where G stops (%d)", p.offset, p.textEnd())
	}
	hs.keys("]")
	if hs.topLine() != "Conclusions" {
		t.Errorf("] still brings the last heading to the top: %q", hs.topLine())
	}
}

func TestTheCurrentMatchStaysInSightThroughAResize(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("2", "/")
	hs.typeText("baku")
	hs.keys("enter", "ctrl+n", "ctrl+n")
	if !hs.m.reader.currentMatchShown() {
		t.Fatal("ctrl+n shows the match")
	}
	for _, size := range [][2]int{{40, 12}, {80, 24}, {120, 40}} {
		hs.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		if !hs.m.reader.currentMatchShown() {
			t.Errorf("at %dx%d the current match is off the screen", size[0], size[1])
		}
	}
}

func TestReaderHelpSaysWhatEscDoesNow(t *testing.T) {
	hs := newHarness(t, Options{}, 80, 24)
	hs.keys("2", "?")
	if !strings.Contains(hs.screen(), "esc        back") {
		t.Errorf("help: esc goes back to the list:\n%s", hs.screen())
	}
	hs.keys("?", "/")
	hs.typeText("baku")
	hs.keys("enter", "?")
	if !strings.Contains(hs.screen(), "clear the search") {
		t.Errorf("with a search, help must say esc clears it:\n%s", hs.screen())
	}
	hs.keys("?", "esc", "s", "?")
	if !strings.Contains(hs.screen(), "close the sidebar") {
		t.Errorf("with the sidebar over the text, help must say esc closes it:\n%s", hs.screen())
	}
	wide := newHarness(t, Options{}, 120, 40)
	wide.keys("2", "tab", "?")
	if !strings.Contains(wide.screen(), "close the picker") {
		t.Errorf("while picking a section, help must say esc closes the picker:\n%s", wide.screen())
	}
}

func TestANoticeStaysOnTheTopLineOfEveryScreen(t *testing.T) {
	const notice = "The server is going down: this session ends in 10s. Press q to leave now."
	hs := newHarness(t, Options{}, 120, 40)
	hs.send(NoticeMsg(notice))
	for _, step := range [][]string{{}, {"j"}, {"2"}, {"]"}, {"?"}, {"?", "/"}} {
		hs.keys(step...)
		if first := strings.SplitN(hs.screen(), "\n", 2)[0]; !strings.Contains(first, notice) {
			t.Errorf("after %q the top line is %q, want the notice", step, first)
		}
	}
	hs.typeText("baku")
	if status := lastLine(hs.screen()); !strings.Contains(status, "/baku█") {
		t.Errorf("the notice must leave the search prompt in sight: %q", status)
	}
	hs.keys("esc")
	hs.send(NoticeMsg(""))
	if strings.Contains(hs.screen(), "going down") {
		t.Errorf("an empty notice takes it away")
	}
}

func TestProgressGoesFromNoneToAll(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		hs := newHarness(t, Options{}, size[0], size[1])
		hs.keys("2")
		if !strings.Contains(hs.screen(), " 0% read · 6 min left") {
			t.Errorf("%dx%d: an article just opened is 0%% read", size[0], size[1])
		}
		hs.keys("G")
		if !strings.Contains(hs.screen(), "100% read") {
			t.Errorf("%dx%d: at the end it is 100%% read", size[0], size[1])
		}
	}
}

func TestADigitPastTheLastSectionSaysHowManyThereAre(t *testing.T) {
	hs := newHarness(t, Options{}, 80, 24)
	hs.keys("2", "9")
	if !strings.Contains(lastLine(hs.screen()), "This article has 4 sections.") || hs.m.reader.pane.offset != 0 {
		t.Errorf("9 in a four-section article: %q, offset %d", lastLine(hs.screen()), hs.m.reader.pane.offset)
	}
}

// An article that fits the screen whole is read from its top: the
// header and the sidebar mark the lead, not the last section, while the
// title and the lead are on screen.
func TestAOneScreenArticleStartsAtItsLead(t *testing.T) {
	hs := newHarness(t, Options{Library: threeIssues(t)}, 120, 30)
	hs.keys("1")
	s := hs.screen()
	if head := strings.Split(s, "\n")[0]; strings.Contains(head, "Background") {
		t.Errorf("the header names the last section: %q", head)
	}
	if strings.Contains(s, "▸ 2 Background") || !strings.Contains(s, "▸ 1") {
		t.Errorf("the sidebar marks the last section:\n%s", s)
	}
}

// A digit past the issue's last article says so on the list, as the
// reader does for a section.
func TestADigitPastTheLastArticleSaysSo(t *testing.T) {
	hs := newHarness(t, Options{}, 100, 30)
	hs.keys("5")
	lines := strings.Split(hs.screen(), "\n")
	if hs.m.screen != listScreen || !strings.Contains(lines[len(lines)-1], "This issue has 4 articles.") {
		t.Errorf("5 on a list of 4: %q", lines[len(lines)-1])
	}
	hs.keys("j")
	if lines := strings.Split(hs.screen(), "\n"); strings.Contains(lines[len(lines)-1], "4 articles") {
		t.Errorf("until the next key")
	}
}
