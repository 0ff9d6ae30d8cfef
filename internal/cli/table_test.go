package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestTableFits(t *testing.T) {
	build := func() *table {
		t := &table{header: []string{"#", "TITLE", "AUTHOR", "EXTRA"}}
		t.add(" *", "1", "A Title Long Enough To Cut", "Somebody Longname", "x")
		t.add("", "2", "Short", "Ann", "yy")
		return t
	}
	for _, c := range []struct {
		width      int
		wantHeader string
		wantRow    string
	}{
		{80, "#  TITLE                         AUTHOR             EXTRA", "1  A Title Long Enough To Cut *  Somebody Longname  x"},
		{50, "#  TITLE                         AUTHOR", "1  A Title Long Enough To Cut *  Somebody Longname"},
		{40, "#  TITLE            AUTHOR", "1  A Title Long… *  Somebody Longname"},
		{24, "#  TITLE  AUTHOR", "1  A… *   Somebody…"},
	} {
		tb := build()
		tb.fit(c.width, []string{"EXTRA"}, "TITLE", map[string]int{"TITLE": 8, "AUTHOR": 7})
		var b bytes.Buffer
		if err := tb.write(&b, "TITLE"); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
		if got := strings.TrimRight(lines[0], " "); got != c.wantHeader {
			t.Errorf("%d: header %q, want %q", c.width, got, c.wantHeader)
		}
		if got := strings.TrimRight(lines[1], " "); got != c.wantRow {
			t.Errorf("%d: row %q, want %q", c.width, got, c.wantRow)
		}
		for _, l := range lines {
			if n := ansi.StringWidth(strings.TrimRight(l, " ")); n > c.width {
				t.Errorf("%d: %q is %d wide", c.width, l, n)
			}
		}
	}
}

func TestTableAlignsWideCharactersByCells(t *testing.T) {
	tb := &table{header: []string{"#", "TITLE", "AUTHOR"}}
	tb.add("", "1", "日本の記事", "Aiko")
	tb.add("", "2", "Plain", "Bo")
	var b bytes.Buffer
	if err := tb.write(&b, "TITLE"); err != nil {
		t.Fatal(err)
	}
	var at []int
	for _, l := range strings.Split(strings.TrimRight(b.String(), "\n"), "\n") {
		i := strings.IndexAny(l, "AB") // where the author column starts, in bytes
		at = append(at, ansi.StringWidth(l[:i]))
	}
	if at[0] != at[1] || at[1] != at[2] {
		t.Errorf("the author column starts at cells %v:\n%s", at, b.String())
	}
}
