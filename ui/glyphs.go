package ui

// Glyphs are the characters the reader draws around the text: rules,
// marks, separators. The ascii style draws them all in ASCII (the
// article's own text stays as it is written).
type Glyphs struct {
	Sep       string // between the parts of a line: " · "
	Ellipsis  string // where something was cut: "…"
	Rule      string // the sidebar's rule: "│"
	Current   string // before the section on screen: "▸ "
	Selected  string // beside the list's selected entry: "▌"
	HRule     string // one cell of the list's rule: "─"
	Cursor    string // the end of what the reader types: "█"
	Times     string // in sizes: "×"
	OpenQuote string // around a search query: "“" and "”"
	CloseQuote,
	Bullet string // between the status line's keys: " • "
	NoteSign string // before a note: "✎ "
	Read     string // an article read to its end, in the list: "✓ read"
	UpDown   string // the arrow keys: "↑↓"
	Up       string // "↑"
	Down     string // "↓"
}

// unicodeGlyphs are drawn in every style but ascii.
func unicodeGlyphs() Glyphs {
	return Glyphs{
		Sep: " · ", Ellipsis: "…", Rule: "│", Current: "▸ ", Selected: "▌", HRule: "─",
		Cursor: "█", Times: "×", OpenQuote: "“", CloseQuote: "”", Bullet: " • ",
		UpDown: "↑↓", Up: "↑", Down: "↓", NoteSign: "✎ ", Read: "✓ read",
	}
}

// asciiGlyphs are the ascii style's.
func asciiGlyphs() Glyphs {
	return Glyphs{
		Sep: " - ", Ellipsis: "...", Rule: "|", Current: "> ", Selected: ">", HRule: "-",
		Cursor: "_", Times: "x", OpenQuote: `"`, CloseQuote: `"`, Bullet: " | ",
		UpDown: "up/down", Up: "up", Down: "down", NoteSign: "note: ", Read: "read",
	}
}
