package ui

import "sync"

// Prerender starts rendering, in the background, the article the reader
// opens at, for a terminal of w×h, so that the first size the program
// gets finds it rendered: the text then comes with the first frame
// instead of a rendering later. It returns what to wait on (nothing need
// wait: the rendering goes to the cache, which a second ask for it joins).
func (m *Model) Prerender(w, h int) *sync.WaitGroup {
	var wg sync.WaitGroup
	a := m.reader.article
	if a == nil || w < minWidth || h < minHeight {
		return &wg
	}
	width, style, cache := computeLayout(w, h, false, m.c.measure).textWidth, m.c.style, m.c.cache
	wg.Add(1)
	go func() {
		defer wg.Done()
		// An error, or a panic, is met again when the reader asks for the
		// text, in a command: there Bubble Tea restores the terminal and
		// reports it. Here, outside its recovery, a panic would end the
		// process with the terminal left raw.
		defer func() { _ = recover() }()
		cache.Get(a, width, style)
	}()
	return &wg
}
