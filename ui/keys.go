package ui

import "charm.land/bubbles/v2/key"

// KeyMap is every key binding of the reader. Help is generated from it, and
// bindings that do not apply on a screen are disabled, so help never lies.
type KeyMap struct {
	// Moving in the text.
	Down, Up, PageDown, PageUp, HalfDown, HalfUp, Top, Bottom key.Binding
	// Sections and articles.
	NextSection, PrevSection, PickSection, NextArticle, PrevArticle key.Binding
	// Number is a digit: a section in the reader, an article in the list.
	Number key.Binding
	// Searching in the article.
	Search, NextMatch, PrevMatch key.Binding
	// The issue list.
	Open, Filter, NextIssue, PrevIssue key.Binding
	// Everywhere.
	Sidebar, Back, Help, Quit key.Binding
	// Glossary opens the glossary of the issue on screen.
	Glossary key.Binding
	// Annotations: the paragraph cursor, highlights, notes, quotes.
	Cursor, Mark, Note, Copy, CopyCitation, Highlights, Delete key.Binding
	// Bio shows the author's bio whole.
	Bio key.Binding
	// Narrower and Wider change the text's measure.
	Narrower, Wider key.Binding

	up, down string // how help writes the arrow keys: "↑" or, in ASCII, "up"
}

// DefaultKeyMap returns the reader's keys. They are fixed so that readers
// and tests can rely on them.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("j/↓", "down a line")),
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("k/↑", "up a line")),
		PageDown: key.NewBinding(key.WithKeys("space", "pgdown", "f"), key.WithHelp("space/f", "page down")),
		PageUp:   key.NewBinding(key.WithKeys("b", "pgup"), key.WithHelp("b/pgup", "page up")),
		HalfDown: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "half page down")),
		HalfUp:   key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "half page up")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "top")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "bottom")),

		NextSection: key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next section")),
		PrevSection: key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous section")),
		PickSection: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "pick a section")),
		NextArticle: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next article")),
		PrevArticle: key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "previous article")),
		Number:      key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "section N")),

		Search:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		NextMatch: key.NewBinding(key.WithKeys("ctrl+n"), key.WithHelp("ctrl+n", "next match")),
		PrevMatch: key.NewBinding(key.WithKeys("ctrl+p"), key.WithHelp("ctrl+p", "previous match")),

		Open:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "read")),
		Filter:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		NextIssue: key.NewBinding(key.WithKeys("]", "right"), key.WithHelp("]", "next issue")),
		PrevIssue: key.NewBinding(key.WithKeys("[", "left"), key.WithHelp("[", "previous issue")),

		Sidebar: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sidebar")),
		Bio:     key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "the author's bio")),

		Narrower: key.NewBinding(key.WithKeys("-"), key.WithHelp("-", "narrower text")),
		Wider:    key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "wider text")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),

		Glossary: key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "glossary")),

		Cursor:       key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "cursor")),
		Mark:         key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "highlight")),
		Note:         key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "note")),
		Copy:         key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy quote")),
		CopyCitation: key.NewBinding(key.WithKeys("Y"), key.WithHelp("Y", "copy citation")),
		Highlights:   key.NewBinding(key.WithKeys("H"), key.WithHelp("H", "highlights")),
		Delete:       key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete")),
		up:           "↑",
		down:         "↓",
	}
}

// forList enables the bindings of the issue list and disables the reader's.
// esc clears the filter, so it is on only while there is one.
func (k *KeyMap) forList(issues int, filtered bool) {
	k.setReader(false)
	for _, b := range []*key.Binding{&k.Open, &k.Filter, &k.Down, &k.Up, &k.Top, &k.Bottom, &k.Number} {
		b.SetEnabled(true)
	}
	k.Number.SetHelp("1-9", "read article N")
	k.Down.SetHelp("j/"+k.down, "next article")
	k.Up.SetHelp("k/"+k.up, "previous article")
	k.NextIssue.SetEnabled(issues > 1)
	k.PrevIssue.SetEnabled(issues > 1)
	k.Back.SetEnabled(filtered)
	k.Back.SetHelp("esc", "clear the filter")
	k.Open.SetHelp("enter", "read")
	k.Filter.SetHelp("/", "find")
	k.Glossary.SetEnabled(true)
	k.Glossary.SetHelp("A", "glossary")
}

// forGlossary enables the glossary screen's bindings: moving through it,
// going to a definition, filtering; esc says what it does now.
func (k *KeyMap) forGlossary(esc string) {
	k.setReader(false)
	for _, b := range []*key.Binding{&k.Down, &k.Up, &k.PageDown, &k.PageUp, &k.Top, &k.Bottom, &k.Open, &k.Filter, &k.Back, &k.Glossary} {
		b.SetEnabled(true)
	}
	k.NextIssue.SetEnabled(false)
	k.PrevIssue.SetEnabled(false)
	k.Down.SetHelp("j/"+k.down, "next abbreviation")
	k.Up.SetHelp("k/"+k.up, "prev. abbreviation")
	k.Open.SetHelp("enter", "go to definition")
	k.Filter.SetHelp("/", "filter")
	k.Glossary.SetHelp("A", "close the glossary")
	k.Back.SetHelp("esc", esc)
}

// forReader enables the reader's bindings; esc says what it does now.
func (k *KeyMap) forReader(esc string) {
	k.setReader(true)
	k.Down.SetHelp("j/"+k.down, "down a line")
	k.Up.SetHelp("k/"+k.up, "up a line")
	k.Number.SetHelp("1-9", "go to section N")
	for _, b := range []*key.Binding{&k.Open, &k.Filter, &k.NextIssue, &k.PrevIssue} {
		b.SetEnabled(false)
	}
	k.Back.SetEnabled(true)
	k.Back.SetHelp("esc", esc)
	k.Glossary.SetEnabled(true)
	k.Glossary.SetHelp("A", "glossary")
}

func (k *KeyMap) setReader(on bool) {
	for _, b := range []*key.Binding{
		&k.Down, &k.Up, &k.PageDown, &k.PageUp, &k.HalfDown, &k.HalfUp, &k.Top, &k.Bottom,
		&k.NextSection, &k.PrevSection, &k.PickSection, &k.NextArticle, &k.PrevArticle, &k.Number,
		&k.Search, &k.NextMatch, &k.PrevMatch, &k.Sidebar, &k.Bio, &k.Narrower, &k.Wider,
	} {
		b.SetEnabled(on)
	}
}

// ShortHelp is the bottom line's help: the keys a reader needs most, help
// first, so that it stays when a narrow line cuts the rest, and quit
// last.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{
		k.Help, k.Mark, k.Note, k.Copy, k.Cursor, k.CopyCitation, k.Open, k.Filter, k.Delete,
		k.NextSection, k.PrevSection, k.NextArticle, k.PrevArticle, k.Search,
		k.Glossary, k.Highlights, k.Back, k.Quit,
	}
}

// FullHelp is every binding, grouped, for the help screen.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Down, k.Up, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom},
		{k.NextSection, k.PrevSection, k.Number, k.PickSection, k.NextArticle, k.PrevArticle, k.NextIssue, k.PrevIssue, k.Sidebar, k.Bio},
		{k.Search, k.NextMatch, k.PrevMatch, k.Open, k.Filter, k.Glossary},
		{k.Cursor, k.Mark, k.Note, k.Copy, k.CopyCitation, k.Highlights, k.Delete},
		{k.Back, k.Narrower, k.Wider, k.Help, k.Quit},
	}
}

// helpGroupTitles names FullHelp's groups, in the same order.
func helpGroupTitles() []string {
	return []string{"Move", "Issues, articles, sections", "Find and open", "Highlights and quotes", "General"}
}
