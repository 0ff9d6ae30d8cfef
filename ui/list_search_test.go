package ui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"analyst/internal/content"
)

// TestListSearchShowsPassagesWhileTyping: every letter typed after / in
// the list searches the library, and the passages shown are for the text
// typed so far; the article filter goes on as before.
func TestListSearchShowsPassagesWhileTyping(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("/")
	typed := ""
	for _, r := range "gwadar" {
		typed += string(r)
		hs.typeText(string(r))
		if got := hs.m.list.found.found.Query; got != typed {
			t.Fatalf("after %q the passages are for %q", typed, got)
		}
		if len(hs.m.list.passages()) == 0 {
			t.Fatalf("no passage for %q", typed)
		}
	}
	screen := hs.screen()
	if !strings.Contains(screen, "PASSAGES · 2 in 1 issue") || !strings.Contains(screen, "No article matches") {
		t.Errorf("the list should show two passages and no article:\n%s", screen)
	}
	p := hs.m.list.passages()[0]
	if p.Article.Slug != "jamal" || p.Section.Slug != "implications" {
		t.Errorf("the first passage is in %s#%s", p.Article.Slug, p.Section.Slug)
	}
	if !strings.Contains(screen, "Pakistan, the Abraham Accords and Central Asian Connectivity * · Implications") {
		t.Errorf("a passage names its article and section:\n%s", screen)
	}
	if !strings.Contains(screen, "ports at Gwadar and Karachi") {
		t.Errorf("a passage shows its context:\n%s", screen)
	}
	hs.typeText("zz")
	if len(hs.m.list.passages()) != 0 || !strings.Contains(hs.screen(), "PASSAGES · none in the library") {
		t.Errorf("a text nowhere in the library shows no passage:\n%s", hs.screen())
	}
	hs.keys("esc")
	if len(hs.m.list.passages()) != 0 || strings.Contains(hs.screen(), "PASSAGES") || len(hs.m.list.visible()) != 4 {
		t.Errorf("esc clears the filter and the passages:\n%s", hs.screen())
	}
}

// TestListSearchMarksTheMatch: the match in a passage's context is drawn
// in the match style.
func TestListSearchMarksTheMatch(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("/")
	hs.typeText("gwadar")
	view := hs.m.View().Content
	want := hs.m.c.styles.Match.Render("Gwadar")
	if !strings.Contains(view, want) {
		t.Errorf("no match drawn as %q in:\n%s", want, ansi.Strip(view))
	}
}

// TestListSearchRunsInTheBackground: a key only starts the search, as a
// command, so that the next keys are taken at once; the list shows the
// older results, saying it is searching, until the new ones arrive.
func TestListSearchRunsInTheBackground(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("/")
	hs.typeText("gwada")
	_, cmd := hs.m.Update(keyPress("r"))
	if cmd == nil {
		t.Fatal("typing returned no command: the search would have run in Update")
	}
	if got := hs.m.list.found.found.Query; got != "gwada" || !hs.m.list.found.pending {
		t.Errorf("before its command runs, the passages are for %q (pending %v)", got, hs.m.list.found.pending)
	}
	if !strings.Contains(hs.screen(), "searching…") {
		t.Errorf("the list does not say it is searching:\n%s", hs.screen())
	}
	hs.run(cmd)
	if got := hs.m.list.found.found.Query; got != "gwadar" || hs.m.list.found.pending {
		t.Errorf("after it, the passages are for %q (pending %v)", got, hs.m.list.found.pending)
	}
}

// TestListSearchDropsStaleResults: results of a search that a later key
// superseded are never shown, and that search is cancelled.
func TestListSearchDropsStaleResults(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("/")
	_, stale := hs.m.Update(keyPress("t")) // a search for "t", held back
	hs.typeText("urkic")                   // superseded by the searches for "tu" ... "turkic"
	if got := hs.m.list.found.found.Query; got != "turkic" {
		t.Fatalf("the passages are for %q", got)
	}
	shown := len(hs.m.list.passages())
	var msgs []passagesMsg
	for _, msg := range messages(stale) {
		if msg, ok := msg.(passagesMsg); ok {
			msgs = append(msgs, msg)
		}
	}
	if len(msgs) != 1 {
		t.Fatalf("the held command gave %d search results", len(msgs))
	}
	if !errors.Is(msgs[0].err, context.Canceled) {
		t.Errorf("the superseded search was not cancelled: %v", msgs[0].err)
	}
	msgs[0].err = nil // even had it finished, its results are too old
	msgs[0].found.Query = "t"
	hs.send(msgs[0])
	if got := hs.m.list.found.found.Query; got != "turkic" || len(hs.m.list.passages()) != shown {
		t.Errorf("stale results replaced the passages: now for %q", got)
	}
}

// TestListSearchEnterOpensAtTheMatch: enter on a passage opens its
// article with the search on, the passage's occurrence current and on
// screen; ctrl+n and ctrl+p go on from it. esc twice comes back to the
// passages.
func TestListSearchEnterOpensAtTheMatch(t *testing.T) {
	for _, size := range goldenSizes {
		hs := newHarness(t, Options{}, size[0], size[1])
		hs.keys("/")
		hs.typeText("turkic")
		hs.keys("down") // past the one article whose title has it, onto the passages
		for range 3 {
			hs.keys("down")
		}
		want := *hs.m.list.selectedPassage()
		hs.keys("enter")
		r := &hs.m.reader
		if hs.m.screen != readerScreen || r.article != want.Article {
			t.Fatalf("%v: enter opened %v, want %s", size, r.article, want.Article.Slug)
		}
		if r.search.query != "turkic" || len(r.search.matches) == 0 {
			t.Fatalf("%v: the reader's search is %q with %d matches", size, r.search.query, len(r.search.matches))
		}
		m := r.search.matches[r.search.current]
		if !r.currentMatchShown() {
			t.Errorf("%v: the current match (line %d) is not on screen (from %d)", size, m.line(), r.pane.offset)
		}
		if got := r.doc.SectionAt(m.line()); r.doc.Sections[got].Section != want.Section {
			t.Errorf("%v: the current match is in %s, the passage in %s", size, r.doc.Sections[got].Section.Slug, want.Section.Slug)
		}
		if !atPassage(r, want) {
			t.Errorf("%v: the current match is not the passage's: %q", size, want.Context)
		}
		current := r.search.current
		hs.keys("ctrl+n")
		if r.search.current != (current+1)%len(r.search.matches) {
			t.Errorf("%v: ctrl+n went from %d to %d", size, current, r.search.current)
		}
		hs.keys("ctrl+p", "ctrl+p")
		if r.search.current != (current-1+len(r.search.matches))%len(r.search.matches) {
			t.Errorf("%v: ctrl+p twice went from %d+1 to %d", size, current, r.search.current)
		}
		hs.keys("esc", "esc")
		if hs.m.screen != listScreen || hs.m.list.filter.value != "turkic" || len(hs.m.list.passages()) == 0 {
			t.Errorf("%v: back from a passage, the list shows no passages:\n%s", size, hs.screen())
		}
	}
}

// TestListSearchMatchesEveryOccurrence: each passage of a query opens at
// its own occurrence, whatever section and paragraph it is in.
func TestListSearchMatchesEveryOccurrence(t *testing.T) {
	hs := newHarness(t, Options{Cache: sharedCache()}, 100, 30)
	hs.keys("/")
	hs.typeText("russia")
	passages := append(hs.m.list.passages()[:0:0], hs.m.list.passages()...)
	n := len(hs.m.list.visible())
	if len(passages) < 15 {
		t.Fatalf("%d passages for russia", len(passages))
	}
	for i, p := range passages {
		hs.m.list.cursor = n + i
		hs.keys("enter")
		r := &hs.m.reader
		m := r.search.matches[r.search.current]
		if r.article != p.Article || r.doc.Sections[r.doc.SectionAt(m.line())].Section != p.Section {
			t.Errorf("passage %d (%s#%s ¶%d) opened at line %d of %s", i, p.Article.Slug, p.Section.Slug, p.Paragraph, m.line(), r.article.Slug)
		}
		if !atPassage(r, p) {
			t.Errorf("passage %d (%s#%s ¶%d) opened at another occurrence: %q", i, p.Article.Slug, p.Section.Slug, p.Paragraph, p.Context)
		}
		hs.keys("esc", "esc")
	}
}

// TestListSearchTakesAnyText: control characters never reach the screen
// or the search, and a text as long as the field takes is safe.
func TestListSearchTakesAnyText(t *testing.T) {
	hs := newHarness(t, Options{}, 80, 24)
	hs.keys("/")
	hs.typeText("gwa\x1b[2J\x07dar")
	if got := hs.m.list.filter.value; got != "gwa[2Jdar" {
		t.Errorf("the filter holds %q", got)
	}
	if strings.ContainsAny(hs.m.View().Content, "\x07") {
		t.Errorf("a control character reached the screen")
	}
	hs.keys("ctrl+u")
	hs.typeText(strings.Repeat("central asia ", 40))
	if n := len([]rune(hs.m.list.filter.value)); n > maxInput {
		t.Errorf("the filter holds %d characters", n)
	}
	if got := hs.m.list.found.found.Query; got != hs.m.list.filter.value {
		t.Errorf("the passages are for %q", got)
	}
}

// atPassage reports whether the reader's current match is the passage's
// occurrence: the letters of the rendered text up to the end of the
// match end with the letters of the passage's context up to the end of
// its match (twenty of them, to tell occurrences apart).
func atPassage(r *readerModel, p content.Passage) bool {
	m := r.search.matches[r.search.current]
	last := m.parts[len(m.parts)-1]
	var upTo strings.Builder
	for l := max(0, m.line()-3); l < last.line; l++ {
		upTo.WriteString(r.doc.Plain[l] + " ")
	}
	end := r.doc.Plain[last.line]
	upTo.WriteString(ansi.Cut(end, 0, last.to))
	got := lettersOnly(upTo.String())
	want := lettersOnly(p.Context[:p.InContext[1]])
	want = want[max(0, len(want)-20):]
	return strings.HasSuffix(got, want)
}

func lettersOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// messages runs a command, and those it returns in batches and
// sequences, and returns their messages.
func messages(cmd tea.Cmd) []tea.Msg {
	var out []tea.Msg
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		if cmds, ok := batched(msg); ok {
			queue = append(queue, cmds...)
			continue
		}
		out = append(out, msg)
	}
	return out
}

// The list's filter and the highlights screen's match text as the
// reader's search does: a double or non-breaking space typed (or pasted)
// is a space.
func TestFiltersMatchAsSearchDoes(t *testing.T) {
	hs := newHarness(t, Options{Keeper: seeded(t)}, 100, 30)
	hs.keys("/")
	hs.send(tea.PasteMsg{Content: "Turkic\u00a0States"})
	if v := hs.m.list.visible(); len(v) != 1 || v[0].Slug != "cornell" {
		t.Errorf("a non-breaking space in the filter: %d articles", len(v))
	}
	hs.keys("esc", "H", "/")
	hs.typeText("as  a  bloc")
	if got := len(hs.m.highlights.entries()); got != 1 {
		t.Errorf("double spaces in the highlights' filter: %d entries", got)
	}
}
