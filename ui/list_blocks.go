package ui

import (
	"fmt"

	"github.com/charmbracelet/x/ansi"

	"analyst/internal/content"
)

// listBlock is one part of the list's body, drawn on a fixed number of
// lines: an article, a passage, or a line that is not an entry.
type listBlock struct {
	kind   blockKind
	index  int // the article's index among those shown, or the passage's
	item   int // the entry's index for the cursor; -1 for a line that is not one
	height int
}

type blockKind int

const (
	articleBlock   blockKind = iota
	noArticleBlock           // "No article matches ..."
	passagesHeadingBlock
	passageBlock
)

// blocks lays out the list's body: the articles shown, then, while there
// is a filter, the passages of the library that hold it.
func (l *listModel) blocks(vis []*content.Article) []listBlock {
	out := make([]listBlock, 0, len(vis)+len(l.passages())+2)
	for i := range vis {
		out = append(out, listBlock{kind: articleBlock, index: i, item: i, height: entryLines})
	}
	searching := l.searching()
	if len(vis) == 0 {
		h := 1
		if searching {
			h = 2 // and a blank line before the passages
		}
		out = append(out, listBlock{kind: noArticleBlock, item: -1, height: h})
	}
	if searching {
		out = append(out, listBlock{kind: passagesHeadingBlock, item: -1, height: 1})
		for i := range l.passages() {
			out = append(out, listBlock{kind: passageBlock, index: i, item: len(vis) + i, height: passageLines})
		}
	}
	return out
}

// drawBlock draws one block in w cells, on its height in lines.
func (l *listModel) drawBlock(b listBlock, vis []*content.Article, w int) []string {
	selected := b.item >= 0 && b.item == l.cursor
	switch b.kind {
	case articleBlock:
		return l.entry(vis[b.index], selected, w)
	case noArticleBlock:
		// the query is cut, not the sentence: its closing quote says where it ends
		query := ansi.Truncate(l.filter.value, max(w-len(` No article matches "".`), 1), l.c.styles.G.Ellipsis)
		line := " " + l.c.styles.Meta.Render(fmt.Sprintf("No article matches %q.", query))
		if b.height > 1 {
			return []string{line, ""}
		}
		return []string{line}
	case passagesHeadingBlock:
		return []string{l.passagesHeading(w)}
	default:
		return l.drawPassage(l.passages()[b.index], selected, w)
	}
}

// scroll sets l.top, the first block shown in room lines, so that the
// cursor's entry is in sight, with the heading of the passages when it
// is the first of them. A block's last line is blank and may be cut at
// the bottom.
func (l *listModel) scroll(blocks []listBlock, room int) {
	heights := make([]int, len(blocks))
	cur := 0
	for i, b := range blocks {
		heights[i] = b.height
		if b.item == l.cursor {
			cur = i
		}
	}
	lead := 0
	if cur > 0 && blocks[cur-1].kind == passagesHeadingBlock {
		lead = 1
	}
	l.keepInSight(cur, heights, room, 1, lead)
}
