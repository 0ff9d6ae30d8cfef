package ui

import (
	"reflect"
	"testing"

	tea "charm.land/bubbletea/v2"

	"analyst/internal/render"
	"analyst/internal/testlib"
)

// runOnly runs a command and those it batches or sequences, without
// giving their messages to the model, and returns the messages.
func runOnly(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if v := reflect.ValueOf(msg); v.IsValid() && v.Kind() == reflect.Slice && v.Type().Elem() == cmdType {
		var out []tea.Msg
		for i := range v.Len() {
			out = append(out, runOnly(v.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// TestTheArticleRendersBeforeTheOthers: opening at an article, the first
// size renders that article alone; the others of the issue are rendered
// once it has arrived, the next and previous first.
func TestTheArticleRendersBeforeTheOthers(t *testing.T) {
	lib := testlib.Library(t)
	a, _ := lib.Find("2")
	cache := render.NewCache(render.DefaultCacheBytes)
	m := New(Options{Library: lib, Cache: cache, Article: a})
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	msgs := runOnly(cmd)
	if n, _ := cache.Len(); n != 1 || len(msgs) != 1 {
		t.Fatalf("the first size rendered %d articles (%d messages), want the one on screen alone", n, len(msgs))
	}
	doc := msgs[0].(docMsg).doc
	if doc.Article != a {
		t.Fatalf("the first rendering is of %s, want %s", doc.Article.Slug, a.Slug)
	}
	_, cmd = m.Update(msgs[0])
	if m.reader.doc == nil {
		t.Fatalf("the article is not on screen after its rendering arrived")
	}
	var order []string
	for _, msg := range runOnly(cmd) {
		order = append(order, msg.(docMsg).doc.Article.Slug)
	}
	if len(order) != 3 || order[0] != "jamal" || order[1] != "tolipov" {
		t.Errorf("after the article, the others rendered in the order %q, want jamal, tolipov, then the rest", order)
	}
}

// TestPrerenderShowsTheTextWithTheFirstSize: a reader that knows the
// terminal's size before the program starts renders the article while
// the program starts, and the first size shows its text at once.
func TestPrerenderShowsTheTextWithTheFirstSize(t *testing.T) {
	lib := testlib.Library(t)
	a, _ := lib.Find("3")
	m := New(Options{Library: lib, Cache: render.NewCache(render.DefaultCacheBytes), Article: a})
	m.Prerender(100, 30).Wait()
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if m.reader.doc == nil || m.reader.doc.Article != a {
		t.Fatalf("the first size after Prerender does not show the article")
	}
}
