package cite

import "strings"

// span is a run of citation text, in italics or not. Raw spans are
// punctuation the citation adds (the brackets of a supplied description),
// written to Markdown as they are.
type span struct {
	text        string
	italic, raw bool
}

// richText is a citation in a prose style: plain text with italics, written
// out as plain text (italics dropped) or as Markdown (italics as *…*).
type richText []span

func (r *richText) add(s string)       { *r = append(*r, span{text: s}) }
func (r *richText) addItalic(s string) { *r = append(*r, span{text: s, italic: true}) }
func (r *richText) addRaw(s string)    { *r = append(*r, span{text: s, raw: true}) }

func (r richText) plain() string {
	var b strings.Builder
	for _, s := range r {
		b.WriteString(s.text)
	}
	return b.String()
}

func (r richText) markdown() string {
	var b strings.Builder
	for _, s := range r {
		switch {
		case s.raw:
			b.WriteString(s.text)
		case s.italic && s.text != "":
			b.WriteString("*" + escapeMarkdown(s.text) + "*")
		default:
			b.WriteString(escapeMarkdown(s.text))
		}
	}
	return escapeLineStart(b.String())
}

// markdownSpecial are the characters that could make Markdown show text
// other than what was written: emphasis, code, links, HTML, entities,
// strikethrough and the escape itself.
const markdownSpecial = "\\`*_[]<>&~"

// escapeMarkdown backslash-escapes the characters of a text that Markdown
// would read as markup, so that it renders as written. Every one of them
// is ASCII punctuation, which CommonMark lets a backslash escape.
func escapeMarkdown(s string) string {
	if !strings.ContainsAny(s, markdownSpecial) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(markdownSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// escapeLineStart escapes what Markdown reads as a block at the start of a
// line: a heading (#), a list item (-, +, "1." or "1)") or a thematic break.
// The text is one line, so only its start matters.
func escapeLineStart(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '-', '+', '=':
		return "\\" + s
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + "\\" + s[i:]
	}
	return s
}

// endSentence ends a part of a citation with a period, unless it already
// ends with one, or with a question or exclamation mark.
func endSentence(s string) string {
	if endsWithStop(s) {
		return s
	}
	return s + "."
}

func endsWithStop(s string) bool {
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!")
}

// quoted puts a title in curly quotes with the period inside them, as
// Chicago and MLA do: “Title.” (“Title?” keeps its own mark). Double
// quotation marks inside the title become single ones, as both styles nest
// quotations (and as citeproc does): “Russia’s ‘Pivot.’”
func quoted(title string) string {
	return "“" + innerQuotes.Replace(endSentence(title)) + "”"
}

var innerQuotes = strings.NewReplacer("“", "‘", "”", "’")
