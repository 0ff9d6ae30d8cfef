package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"analyst/internal/content"
	"analyst/internal/glossary"
)

// room is how many lines of items the glossary screen has at height h:
// all but its three header lines and the status line.
func (gm *glossaryModel) room(h int) int { return max(h-4, 1) }

// layout draws the items at width w and scrolls them so that the
// cursor's is in sight at height h, after every message: view draws what
// it left.
func (gm *glossaryModel) layout(w, h int) {
	cw := min(w, maxTextWidth)
	abbrW := glossaryAbbrWidth(gm.items)
	gm.drawn = make([][]string, len(gm.items))
	heights := make([]int, len(gm.items))
	for i, it := range gm.items {
		gm.drawn[i] = gm.item(it, i == gm.cursor, abbrW, cw)
		heights[i] = len(gm.drawn[i])
	}
	gm.keepInSight(gm.cursor, heights, gm.room(h), 0, 0)
}

// view draws the glossary screen in w×h cells.
func (gm *glossaryModel) view(w, h int) string {
	st := gm.c.styles
	cw := min(w, maxTextWidth)
	margin := strings.Repeat(" ", (w-cw)/2)
	is := gm.g.Issue
	sep := st.G.Sep
	whose := sep + is.Publication + sep + is.Title()
	if len(" Glossary")+ansi.StringWidth(whose) > cw {
		whose = sep + is.Title()
	}
	lines := []string{
		" " + st.Header.Render("Glossary") + st.HeaderDim.Render(whose),
		" " + st.HeaderDim.Render(ansi.Truncate(glossaryCounts(gm.g, sep), cw-2, st.G.Ellipsis)),
		st.SidebarBorder.Render(strings.Repeat(st.G.HRule, cw)),
	}
	room := gm.room(h)
	var body []string
	message := func(text string) []string {
		var out []string
		for _, l := range strings.Split(ansi.Wrap(text, max(cw-2, 1), ""), "\n") {
			out = append(out, " "+st.Meta.Render(l))
		}
		return out
	}
	switch {
	case gm.g.Empty():
		body = message("This issue has no abbreviations: its text defines none and uses none.")
	case len(gm.items) == 0:
		body = message(fmt.Sprintf("No abbreviation or long form matches %q.", gm.filter.value))
	default:
		for _, lines := range gm.drawn[min(gm.top, len(gm.drawn)):] {
			body = append(body, lines...)
		}
	}
	body = body[:min(len(body), room)]
	for len(body) < room {
		body = append(body, "")
	}
	var b strings.Builder
	for _, l := range append(lines, body...) {
		b.WriteString(margin + l + "\n")
	}
	b.WriteString(gm.statusLine(w))
	return b.String()
}

// glossaryCounts says how many abbreviations the issue defines and uses;
// nothing for an issue with none, whose body says so.
func glossaryCounts(g *glossary.Glossary, sep string) string {
	if g.Empty() {
		return ""
	}
	spelled := 0
	for _, e := range g.Entries() {
		if e.SpelledOut() {
			spelled++
		}
	}
	return fmt.Sprintf("%s of %s%s%d more not spelled out",
		plural(len(g.Definitions()), "definition"), plural(spelled, "abbreviation"), sep, len(g.Entries())-spelled)
}

// glossaryAbbrWidth is the width of the abbreviations' column: the
// longest, up to 10 cells.
func glossaryAbbrWidth(items []glossary.Item) int {
	w := 4
	for _, it := range items {
		w = max(w, ansi.StringWidth(it.Entry.Abbr))
	}
	return min(w, 10)
}

// item draws one abbreviation on two lines: the abbreviation and its long
// form; where the text defines it, and how often it is used.
func (gm *glossaryModel) item(it glossary.Item, selected bool, abbrW, w int) []string {
	st := gm.c.styles
	marker, long := "  ", st.Title
	if selected {
		marker, long = st.Marker.Render(st.G.Selected)+" ", st.TitleSelected
	}
	textW := max(w-abbrW-5, 1)
	abbr := st.HelpKey.Render(ansi.Truncate(it.Entry.Abbr, abbrW, st.G.Ellipsis))
	pad := strings.Repeat(" ", abbrW-ansi.StringWidth(ansi.Truncate(it.Entry.Abbr, abbrW, st.G.Ellipsis))+1)
	var first []string
	var second string
	switch d := it.Definition; {
	case d != nil:
		first = styled(wrapLines(d.Long, textW, 3, st.G.Ellipsis), long)
		second = strings.Join([]string{"defined in " + articleName(d.Article), d.Section.Name, usedTimes(it.Uses, true)}, st.G.Sep)
	case it.Entry.SpelledOut():
		first = styled(wrapLines("several meanings, none defined where these are used", textW, 2, st.G.Ellipsis), st.Meta)
		second = usedTimes(it.Uses, false) + ", in " + articleNumbers(it.Articles)
	default:
		first = styled(wrapLines("not spelled out in this issue", textW, 2, st.G.Ellipsis), st.Meta)
		second = usedTimes(it.Uses, false) + ", in " + articleNumbers(it.Articles)
	}
	indent := marker + strings.Repeat(" ", abbrW+1)
	out := []string{marker + abbr + pad + first[0]}
	for _, l := range first[1:] {
		out = append(out, indent+l)
	}
	for _, l := range wrapLines(second, textW, 2, st.G.Ellipsis) {
		out = append(out, indent+st.Meta.Render(l))
	}
	return out
}

// wrapLines wraps text to width on at most n lines, the last cut with
// ell ("…") when the text is longer.
func wrapLines(text string, width, n int, ell string) []string {
	lines := strings.Split(ansi.Wrap(text, width, ""), "\n")
	if len(lines) > n {
		lines = lines[:n]
		lines[n-1] = ansi.Truncate(lines[n-1]+" "+ell, width, ell)
	}
	return lines
}

// styled draws each line in a style.
func styled(lines []string, style lipgloss.Style) []string {
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return lines
}

// articleName names an article briefly: "3 Umair Jamal".
func articleName(a *content.Article) string { return strconv.Itoa(a.Number) + " " + a.Author }

// articleNumbers lists articles by number: "article 2", "articles 2, 3, 4".
func articleNumbers(as []*content.Article) string {
	nums := make([]string, len(as))
	for i, a := range as {
		nums[i] = strconv.Itoa(a.Number)
	}
	if len(nums) == 1 {
		return "article " + nums[0]
	}
	return "articles " + strings.Join(nums, ", ")
}

// usedTimes says how often an abbreviation is used: for a definition, the
// uses it explains besides itself.
func usedTimes(n int, defined bool) string {
	switch {
	case n == 0 && defined:
		return "not used again"
	case n == 1:
		return "used once"
	}
	return fmt.Sprintf("used %d times", n)
}

// statusLine is the glossary screen's bottom line: the filter being
// typed, a message, or what the keys do.
func (gm *glossaryModel) statusLine(w int) string {
	st := gm.c.styles
	switch {
	case gm.filtering:
		return promptLine(st, gm.filter.value, "enter done"+st.G.Sep+"esc clear", w)
	case gm.status != "":
		return spread(st, " "+st.Status.Render(gm.status), "", w)
	case gm.filter.value != "":
		return spreadKeepLeft(st, " "+st.Status.Render("filter: "+gm.filter.value), st.Meta.Render("esc clear")+" ", w)
	}
	return spread(st, " "+shortHelp(gm.c, w-2), "", w)
}
