package cli

import (
	"io"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"analyst/internal/render"
)

// table is a plain-text table with a header row, aligned in columns two
// spaces apart. In a terminal it fits the width (fit); in files and pipes
// it is printed whole, for scripts.
type table struct {
	header []string
	rows   [][]string
	marks  []string // per row, a suffix of the first shrinkable column kept through cutting (" *")
}

const tableGap = 2

// add appends a row; mark is kept at the end of the shrunk cell.
func (t *table) add(mark string, cells ...string) {
	t.rows = append(t.rows, cells)
	t.marks = append(t.marks, mark)
}

// widths is each column's width in cells, the marks included in the
// column they follow (markCol).
func (t *table) widths(markCol int) []int {
	w := make([]int, len(t.header))
	for i, h := range t.header {
		w[i] = ansi.StringWidth(h)
	}
	for r, row := range t.rows {
		for i, c := range row {
			cw := ansi.StringWidth(c)
			if i == markCol {
				cw += ansi.StringWidth(t.marks[r])
			}
			w[i] = max(w[i], cw)
		}
	}
	return w
}

func tableWidth(widths []int) int {
	n := 0
	for _, w := range widths {
		n += w
	}
	return n + tableGap*max(len(widths)-1, 0)
}

// fit makes the table at most width cells wide, if it can: it drops the
// columns named in drop, in order, while too wide, then cuts the cells of
// the columns in shrink (with "…"), down to their minimum widths. The
// marks of the column markCol survive the cutting.
func (t *table) fit(width int, drop []string, markCol string, shrink map[string]int) {
	for _, name := range drop {
		if tableWidth(t.widths(slices.Index(t.header, markCol))) <= width {
			return
		}
		if i := slices.Index(t.header, name); i >= 0 {
			t.removeColumn(i)
		}
	}
	mc := slices.Index(t.header, markCol)
	for _, name := range t.header {
		minW, ok := shrink[name]
		if !ok {
			continue
		}
		widths := t.widths(mc)
		excess := tableWidth(widths) - width
		if excess <= 0 {
			return
		}
		i := slices.Index(t.header, name)
		to := max(minW, widths[i]-excess)
		for r, row := range t.rows {
			room := to
			if i == mc {
				room -= ansi.StringWidth(t.marks[r])
			}
			row[i] = render.CutWords(row[i], max(room, 1), "…")
		}
	}
}

func (t *table) removeColumn(i int) {
	t.header = slices.Delete(t.header, i, i+1)
	for r := range t.rows {
		t.rows[r] = slices.Delete(t.rows[r], i, i+1)
	}
}

// write prints the table, the marks after the cells of markCol, each
// column as wide as its widest cell in terminal cells (tabwriter counts
// runes, which a wide character would throw out).
func (t *table) write(w io.Writer, markCol string) error {
	mc := slices.Index(t.header, markCol)
	widths := t.widths(mc)
	var b strings.Builder
	line := func(cells []string) {
		for i, c := range cells {
			b.WriteString(c)
			if i < len(cells)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(c)+tableGap))
			}
		}
		b.WriteByte('\n')
	}
	line(t.header)
	for r, row := range t.rows {
		cells := slices.Clone(row)
		if mc >= 0 {
			cells[mc] += t.marks[r]
		}
		line(cells)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// wrapWords wraps text to lines of at most width cells, breaking only
// between words (ansi.Wordwrap also breaks after a hyphen: "(2026-" and
// "01)"; see render.WrapWords).
func wrapWords(text string, width int) string {
	return strings.Join(render.WrapWords(text, width), "\n")
}
