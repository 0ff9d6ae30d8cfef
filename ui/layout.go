package ui

// Layout limits, in terminal cells.
const (
	minWidth       = 30  // below this, or minHeight, the reader asks for more room
	minHeight      = 8   //
	sidebarFoldsAt = 90  // narrower terminals fold the sidebar away
	maxTextWidth   = 100 // the list's widest; wider terminals give the rest to margins
	minSidebar     = 28
	maxSidebar     = 42
	chromeLines    = 2 // the header line and the status line
)

// layout is where the reader's parts go for one terminal size.
type layout struct {
	left        int // columns before the text
	textWidth   int
	sidebarX    int // column where the sidebar (with its rule) starts
	sidebarW    int // sidebar width, its rule included
	paneHeight  int
	folded      bool // the sidebar does not fit beside the text
	sidebarSide bool // the sidebar is drawn beside the text
}

// computeLayout lays out a w×h terminal. hidden is the reader's choice to
// hide the sidebar on a wide terminal; measure is the text's column
// (measure.go), which a narrower window narrows.
func computeLayout(w, h int, hidden bool, measure int) layout {
	l := layout{paneHeight: max(h-chromeLines, 1), folded: w < sidebarFoldsAt}
	if l.folded || hidden {
		l.textWidth = min(w, measure)
		l.left = (w - l.textWidth) / 2
		l.sidebarW = min(maxSidebar, max(w*2/3, min(w, minSidebar)))
		l.sidebarX = w - l.sidebarW
		return l
	}
	l.sidebarSide = true
	l.sidebarW = min(maxSidebar, max(minSidebar, w/4))
	l.textWidth = min(measure, w-l.sidebarW-2)
	block := l.textWidth + 2 + l.sidebarW
	l.left = (w - block) / 2
	l.sidebarX = l.left + l.textWidth + 2
	return l
}
