package ui

import (
	tea "charm.land/bubbletea/v2"

	"analyst/internal/content"
)

// matchTarget is an occurrence of the search the reader was asked to
// show: the nth (from 0) in a section's text, as content.Passage counts
// them (InSection).
type matchTarget struct {
	section *content.Section
	nth     int
}

// openAt opens an article with query searched for and the target
// occurrence current and on screen, as if the reader had searched the
// article and pressed ctrl+n until it; ctrl+n and ctrl+p go on from it.
func (r *readerModel) openAt(a *content.Article, query string, t matchTarget) tea.Cmd {
	cmd := r.open(a, nil)
	r.search = searchModel{query: query}
	r.target = &t
	if r.doc != nil { // it was rendered already: show it now
		r.refresh()
		r.showTarget()
	}
	return cmd
}

// showTarget makes the target occurrence current and scrolls to it.
func (r *readerModel) showTarget() {
	t := r.target
	r.target = nil
	if t == nil || r.doc == nil {
		return
	}
	r.search.current = r.search.nth(r.doc.TextStart(t.section), r.sectionEnd(t.section), t.nth)
	r.showMatch()
}

// sectionEnd is the first line after a section in the document on
// screen, or its end.
func (r *readerModel) sectionEnd(sec *content.Section) int {
	for i, ds := range r.doc.Sections {
		if ds.Section == sec {
			_, end := r.sectionSpan(i)
			return end
		}
	}
	return len(r.doc.Lines)
}

// nth is the index of the nth match (from 0) that starts on the lines
// [from, to): the last one there when there are fewer, the first after
// them when there is none.
func (s *searchModel) nth(from, to, n int) int {
	first := -1
	for i, m := range s.matches {
		if m.line() < from {
			continue
		}
		if m.line() >= to {
			if first < 0 {
				return i % max(len(s.matches), 1)
			}
			break
		}
		if first < 0 {
			first = i
		}
		if i-first == n {
			return i
		}
		if i+1 == len(s.matches) || s.matches[i+1].line() >= to {
			return i
		}
	}
	if first < 0 {
		return 0
	}
	return first
}
