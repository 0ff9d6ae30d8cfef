package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"analyst/internal/content"
	"analyst/internal/glossary"
)

// glossaryItemLines is how many lines an abbreviation takes on the
// glossary screen at least: the abbreviation and its long form, then where
// it is defined and how often it is used; each wraps on narrow screens.
const glossaryItemLines = 2

// glossaryModel is the glossary screen: every abbreviation of one issue,
// with its long forms, where each is defined and how often it is used.
// enter opens the reader at a definition; / filters.
type glossaryModel struct {
	c     *common
	g     *glossary.Glossary
	items []glossary.Item // those the filter keeps
	cursorList
	drawn  [][]string           // each item as layout drew it, for view
	chosen *glossary.Definition // picked with enter, for the root to open
	back   bool                 // the reader asked to leave
	status string               // a one-time message for the status line
}

// show puts an issue's glossary on the screen; the same issue's comes
// back as it was left.
func (gm *glossaryModel) show(g *glossary.Glossary) {
	if gm.g != g {
		*gm = glossaryModel{c: gm.c, g: g}
	}
	gm.filtering, gm.back, gm.chosen = false, false, nil
	gm.refilter()
}

// refilter lists the items whose abbreviation or long form holds the
// filter's text, as the reader's search compares text.
func (gm *glossaryModel) refilter() {
	keep := map[*glossary.Entry]bool{}
	for _, e := range gm.g.Filter(gm.filter.value) {
		keep[e] = true
	}
	gm.items = gm.items[:0]
	for _, it := range gm.g.Items() {
		if keep[it.Entry] {
			gm.items = append(gm.items, it)
		}
	}
	gm.clampTo(len(gm.items))
}

// update handles a key on the glossary screen.
func (gm *glossaryModel) update(msg tea.KeyPressMsg) {
	k := gm.c.keys
	gm.status = ""
	if gm.filtering {
		switch gm.filterKey(msg, len(gm.items)) {
		case filterCleared:
			gm.filter.reset()
			gm.refilter()
		case filterTyped:
			gm.filter.update(msg)
			gm.cursor = 0
			gm.refilter()
		}
		return
	}
	page := max(gm.room(gm.c.height)/glossaryItemLines-1, 1)
	if gm.moveKey(msg, k, len(gm.items), page) {
		return
	}
	switch {
	case key.Matches(msg, k.Filter):
		gm.filtering = true
	case key.Matches(msg, k.Open):
		if gm.cursor < len(gm.items) {
			it := gm.items[gm.cursor]
			gm.chosen = it.Definition
			if it.Definition == nil {
				gm.status = it.Entry.Abbr + " has no definition to go to: " + notDefinedWhy(it)
			}
		}
	case key.Matches(msg, k.Back):
		if gm.filter.value != "" {
			gm.filter.reset()
			gm.refilter()
		} else {
			gm.back = true
		}
	case key.Matches(msg, k.Glossary):
		gm.back = true
	}
}

// move moves the cursor d items, for the mouse wheel.
func (gm *glossaryModel) move(d int) { gm.moveBy(d, len(gm.items)) }

// escAction is what esc does on the screen, for help.
func (gm *glossaryModel) escAction() string {
	if gm.filter.value != "" {
		return "clear the filter"
	}
	return "back"
}

// openGlossary shows the glossary of the issue on screen: the article's
// in the reader, the one the list shows there.
func (m *Model) openGlossary() {
	is := m.list.currentIssue()
	if m.screen == readerScreen && m.reader.article != nil {
		is = m.reader.article.Issue
	}
	m.glossaryFrom = m.screen
	m.glossary.show(m.c.glossaries.Issue(is))
	m.screen = glossaryScreen
}

// glossaryKey handles a key on the glossary screen: it goes back to the
// screen it was opened from, or opens the reader at a definition.
func (m *Model) glossaryKey(msg tea.KeyPressMsg) tea.Cmd {
	m.glossary.update(msg)
	switch d := m.glossary.chosen; {
	case d != nil:
		m.glossary.chosen = nil
		m.screen, m.fromPassage = readerScreen, false
		if d.Section.Kind == content.KindBio { // shown in the sidebar, not the text
			return m.reader.open(d.Article, d.Section)
		}
		text := d.Section.Paragraphs[d.Paragraph][d.Offset : d.Offset+d.Length]
		return m.reader.openAt(d.Article, text, matchTarget{section: d.Section, nth: d.Section.Ordinal(text, d.Paragraph, d.Offset)})
	case m.glossary.back:
		m.glossary.back = false
		m.screen = m.glossaryFrom
	}
	return nil
}

// notDefinedWhy says why an item has no definition.
func notDefinedWhy(it glossary.Item) string {
	if it.Entry.SpelledOut() {
		return "it has several meanings, and none is defined where these uses are."
	}
	return "the issue never spells it out."
}
