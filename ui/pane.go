package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// pane is the scrolling window on the article's lines. It is a few lines
// of arithmetic; the bubbles viewport re-wraps its whole window through
// Lip Gloss on every frame and brings key bindings we would disable.
type pane struct {
	lines  []string // what is shown: rendered lines, maybe with search highlights
	widths []int    // the cells of each line, known in advance: measuring is slow
	real   int      // lines of text; the rest is blank room at the end
	offset int
	height int
}

// setLines replaces the content. pad adds blank lines at the end so that a
// heading near the end can still be scrolled to the top line.
func (p *pane) setLines(lines []string, widths []int, pad int) {
	p.real = len(lines)
	p.lines, p.widths = lines, widths
	p.lines = append(lines[:len(lines):len(lines)], make([]string, pad)...)
	p.widths = append(widths[:len(widths):len(widths)], make([]int, pad)...)
	p.setOffset(p.offset)
}

func (p *pane) maxOffset() int { return max(0, len(p.lines)-p.height) }

func (p *pane) setOffset(n int) { p.offset = max(0, min(n, p.maxOffset())) }

// scroll moves by n lines; forward, no further than the end of the text
// (where G goes): the blank room after it is for section jumps only.
func (p *pane) scroll(n int) {
	if n > 0 {
		n = min(n, max(p.textEnd()-p.offset, 0))
	}
	p.setOffset(p.offset + n)
}

// textEnd is the offset that puts the last line of text on the last line
// of the pane.
func (p *pane) textEnd() int { return max(0, p.real-p.height) }

// atEnd reports whether the last line of text is on screen.
func (p *pane) atEnd() bool { return p.offset+p.height >= p.real }

// fraction is how far through the text the reader has scrolled, 0..1: 0
// at the top, 1 with the end of the text on screen (or all of it, when it
// fits the window).
func (p *pane) fraction() float64 {
	end := p.textEnd()
	if end == 0 {
		return 1
	}
	return min(1, float64(p.offset)/float64(end))
}

// view returns exactly height lines of exactly width cells.
func (p *pane) view(width int) []string {
	out := make([]string, p.height)
	blank := strings.Repeat(" ", width)
	for i := range out {
		n := p.offset + i
		if n >= len(p.lines) {
			out[i] = blank
			continue
		}
		out[i] = fitKnown(p.lines[n], p.widths[n], width)
	}
	return out
}

// fitKnown cuts or pads a line whose width is known to exactly width cells.
func fitKnown(line string, w, width int) string {
	switch {
	case w == width:
		return line
	case w > width:
		return ansi.Truncate(line, width, "")
	default:
		return line + strings.Repeat(" ", width-w)
	}
}

// fitLine cuts or pads a styled line to exactly width cells.
func fitLine(line string, width int) string {
	return fitKnown(line, ansi.StringWidth(line), width)
}
