package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// CutWords cuts s (which may hold escape codes) to at most width cells,
// after a whole word, and adds tail ("…") where it cut. Only a first word
// wider than the room is cut inside, as it must be. s that fits is
// returned as it is.
func CutWords(s string, width int, tail string) string {
	plain := ansi.Strip(s)
	if ansi.StringWidth(plain) <= width {
		return s
	}
	room := width - ansi.StringWidth(tail)
	if room <= 0 {
		return ansi.Truncate(tail, max(width, 0), "")
	}
	cut, cell := 0, 0
	for _, r := range plain {
		if cell > room {
			break
		}
		if r == ' ' && cell > 0 {
			cut = cell
		}
		cell += ansi.StringWidth(string(r))
	}
	if cell <= room { // the room ends at the end of a word
		cut = room
	}
	if cut == 0 {
		return ansi.Truncate(s, width, tail)
	}
	kept := ansi.Truncate(s, cut, "")
	return strings.TrimRight(kept, " ") + tail
}

// CutWordsLeft drops about drop cells from the start of s (which may
// hold escape codes) and puts head ("…") where it cut. The cut falls at
// the start of a word: the last one within reach, so that what the
// caller wants kept after drop stays; failing that the next one; a
// single long word is cut where it must be.
func CutWordsLeft(s string, drop int, head string) string {
	if drop <= 0 {
		return s
	}
	need := drop + ansi.StringWidth(head)
	plain := ansi.Strip(s)
	before, after := 0, 0 // the last word start at or before need, the first after it
	cell, prevSpace := 0, false
	for _, r := range plain {
		if prevSpace && r != ' ' {
			if cell <= need {
				before = cell
			} else if after == 0 {
				after = cell
				break
			}
		}
		prevSpace = r == ' '
		cell += ansi.StringWidth(string(r))
	}
	switch {
	case before > 0:
		return head + ansi.TruncateLeft(s, before, "")
	case after > 0:
		return head + ansi.TruncateLeft(s, after, "")
	}
	return ansi.TruncateLeft(s, need, head)
}

// JoinParts joins parts with sep into lines of at most width cells,
// breaking only between parts, never inside one (a part wider than a
// line is cut after a word, with tail).
func JoinParts(parts []string, sep, tail string, width int) []string {
	lines := layParts(parts, sep, width)
	for i, l := range lines {
		lines[i] = CutWords(l, width, tail)
	}
	return lines
}

// layParts is JoinParts without the cut: a part wider than a line is a
// line of its own, as wide as it is.
func layParts(parts []string, sep string, width int) []string {
	var lines []string
	line := ""
	for _, p := range parts {
		switch {
		case line == "":
			line = p
		case ansi.StringWidth(line+sep+p) <= width:
			line += sep + p
		default:
			lines = append(lines, line)
			line = p
		}
	}
	return append(lines, line)
}

// CutAround cuts s (which may hold escape codes) to at most width cells,
// keeping the cells [from, to) in sight (a search's match) with about a
// third of the room before them, and puts mark ("…") where it cut. Cuts
// fall between words, except where a word would not leave the kept cells
// room: then the word is cut. Kept cells wider than the room are cut at
// their end. s that fits is returned as it is.
func CutAround(s string, from, to, width int, mark string) string {
	total := ansi.StringWidth(s)
	if total <= width {
		return s
	}
	m := ansi.StringWidth(mark)
	if width <= 2*m {
		return ansi.Truncate(mark, max(width, 0), "")
	}
	from, to = max(min(from, total), 0), max(min(to, total), 0)
	plain := ansi.Strip(s)
	var starts, ends []int // cells where words start, and the spaces where they end
	cell, prevSpace := 0, true
	for _, r := range plain {
		space := r == ' '
		if !space && prevSpace {
			starts = append(starts, cell)
		}
		if space && !prevSpace {
			ends = append(ends, cell)
		}
		prevSpace = space
		cell += ansi.StringWidth(string(r))
	}
	// The left cut: none when the kept cells fit with a cut on the right
	// only; else at a word's start between the first start that leaves
	// them room and their own start, near a third of the room before them.
	left := 0
	if to > width-m {
		if to-from > width-2*m {
			left = from // wider than the room: keep their start
		} else {
			// A third of the room before them, or all the room the rest
			// of the text leaves when it ends soon after them.
			lo := to - (width - 2*m)
			target := max(lo, min(from-(width-2*m)/3, total-(width-m)))
			left = -1
			for _, c := range starts {
				if c >= lo && c <= target {
					left = c // the last start at or before the target
				}
			}
			for _, c := range starts {
				if left < 0 && c > target && c <= from {
					left = c // else the first after it
				}
			}
			if left < 0 {
				left = target // no word starts there: cut inside one
			}
		}
	}
	head := ""
	if left > 0 {
		head = mark
	}
	// The right cut: after the last word that fits, if the kept cells end
	// before it; else where the room ends.
	room := width - ansi.StringWidth(head)
	right := total
	if total-left > room {
		room -= m
		right = left + room
		for _, c := range ends {
			if c >= to && c <= left+room && c > left {
				right = c
			}
		}
	}
	out := head + ansi.Cut(s, left, right)
	if right < total {
		out = strings.TrimRight(out, " ") + mark
	}
	return out
}

// WrapWords wraps s (one line of plain text) to lines of at most width
// cells, breaking between words only (never after a hyphen, which would
// split "U.S.-backed" or "2026-01"); a word wider than a line is broken
// where it must be, so that nothing is lost. Spaces between words become
// one.
func WrapWords(s string, width int) []string {
	var out []string
	for _, line := range layParts(strings.Fields(s), " ", max(width, 1)) {
		if ansi.StringWidth(line) > width && width > 0 {
			out = append(out, strings.Split(ansi.Hardwrap(line, width, false), "\n")...)
			continue
		}
		out = append(out, line)
	}
	return out
}
