package ui

import (
	tea "charm.land/bubbletea/v2"

	"analyst/internal/content"
)

// prefetch renders, in the background, the articles of the issue on the
// list that are not cached at the reader's width and style, nearest to
// the article on screen first, so that n, p or opening one shows its text
// in the next frame. While the article on screen waits for its own
// rendering, nothing else is started: the first text comes first, and
// the rest follows when it arrives (the docMsg that brings it calls
// prefetch again). Nor is anything started until the width and style
// have held still (renders.go): the settledMsg calls prefetch again. Over
// budget, the renderRetryMsg does.
func (m *Model) prefetch() tea.Cmd {
	if m.c.width == 0 || len(m.c.lib.Issues) == 0 || !m.c.renders.settled {
		return nil
	}
	r := &m.reader
	if m.screen == readerScreen && r.article != nil && r.stale() {
		return nil
	}
	w, style := r.lay.textWidth, m.c.style
	k := renderKey{w, style}
	var cmds []tea.Cmd
	for _, a := range nearestFirst(m.list.currentIssue().Articles(), r.article) {
		if _, ok := m.c.cache.Peek(a, w, style); ok || m.c.renders.wasAsked(a, k) {
			continue
		}
		if !m.c.renders.take(a, k) {
			cmds = append(cmds, m.c.renders.retry())
			break
		}
		cmds = append(cmds, renderCmd(m.c, a, w, style))
	}
	return tea.Sequence(cmds...)
}

// nearestFirst orders articles by their distance from a in the issue
// (the next before the previous); all in order when a is not among them.
func nearestFirst(articles []*content.Article, a *content.Article) []*content.Article {
	at := -1
	for i, x := range articles {
		if x == a {
			at = i
		}
	}
	if at < 0 {
		return articles
	}
	out := make([]*content.Article, 0, len(articles))
	for d := 1; len(out) < len(articles)-1; d++ {
		for _, i := range []int{at + d, at - d} {
			if i >= 0 && i < len(articles) {
				out = append(out, articles[i])
			}
		}
	}
	return out
}
