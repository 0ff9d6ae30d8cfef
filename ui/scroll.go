package ui

// scrollTop is the first block to show of a list of blocks of the given
// heights in room lines, moved as little as it can from top: the block
// cur (under the cursor) in sight, with the lead blocks before it when it
// comes into sight from below and they fit, and no room left empty below
// while blocks above are hidden. slack is how many lines at the end of a
// block may fall below the bottom (a blank line after it).
func scrollTop(top, cur int, heights []int, room, slack, lead int) int {
	if len(heights) == 0 {
		return 0
	}
	fits := func(from, to int) bool { // blocks [from, to] in room
		h := 0
		for _, x := range heights[from : to+1] {
			h += x
		}
		return h-slack <= room
	}
	last := len(heights) - 1
	cur = max(0, min(cur, last))
	top = max(0, min(top, last))
	for top > 0 && fits(top-1, last) {
		top--
	}
	if cur < top {
		top = cur
		if cur-lead >= 0 && fits(cur-lead, cur) {
			top = cur - lead
		}
	}
	for top < cur && !fits(top, cur) {
		top++
	}
	return top
}
