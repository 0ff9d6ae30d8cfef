package ui

import (
	"fmt"
	"sync"

	tea "charm.land/bubbletea/v2"
)

// The reading measure: the text's column in cells, margins included (the
// text has two columns of margin on each side), as `read --width` counts
// it. Long-form text reads best at 66 to 72 characters a line; the
// default lets lines run to 70.
const (
	defaultMeasure = 74
	minMeasure     = 34 // 30 characters a line
	maxMeasure     = 124
	measureStep    = 4
)

// clampMeasure is a measure asked for, within the limits; 0 asks for the
// default.
func clampMeasure(m int) int {
	if m == 0 {
		return defaultMeasure
	}
	return max(minMeasure, min(m, maxMeasure))
}

// changeMeasure narrows (d < 0) or widens the text, which is then
// wrapped again at the reader's place, and says the new width.
func (r *readerModel) changeMeasure(d int) tea.Cmd {
	c := r.c
	m := clampMeasure(c.measure + d)
	chars := func(m int) int { return m - 4 }
	switch {
	case m == c.measure && d < 0:
		r.status = fmt.Sprintf("The text is as narrow as it goes: %d characters a line.", chars(m))
		return nil
	case m == c.measure:
		r.status = fmt.Sprintf("The text is as wide as it goes: %d characters a line.", chars(m))
		return nil
	}
	c.measure, c.measureSet = m, true
	cmd := tea.Batch(r.resize(), c.keptMeasure.cmd(m))
	r.status = fmt.Sprintf("text width %d characters (- narrower, + wider)", chars(m))
	if r.lay.textWidth < m {
		r.status = fmt.Sprintf("text width %d characters; the window has room for %d", chars(m), chars(r.lay.textWidth))
	}
	return cmd
}

// Measure is the text's measure now, and whether the reader changed it
// in this run (then it is worth keeping for the next).
func (m *Model) Measure() (int, bool) { return m.c.measure, m.c.measureSet }

// measureKeeper keeps the measure with Options.KeepMeasure as it
// changes, from commands: one at a time, each with the latest measure,
// so that the last change is the one kept whatever order they run in.
type measureKeeper struct {
	keep    func(int) error
	mu      sync.Mutex // guards latest
	latest  int
	writing sync.Mutex // held while a measure is kept; guards kept
	kept    int
}

// measureKeptMsg says that keeping the measure failed.
type measureKeptMsg struct{ err error }

// cmd keeps measure m, or a later one.
func (k *measureKeeper) cmd(m int) tea.Cmd {
	if k.keep == nil {
		return nil
	}
	k.mu.Lock()
	k.latest = m
	k.mu.Unlock()
	return func() tea.Msg {
		k.writing.Lock()
		defer k.writing.Unlock()
		k.mu.Lock()
		m := k.latest
		k.mu.Unlock()
		if m == k.kept {
			return nil
		}
		if err := k.keep(m); err != nil {
			return measureKeptMsg{err}
		}
		k.kept = m
		return nil
	}
}
