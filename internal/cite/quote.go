package cite

import (
	"fmt"
	"strconv"
	"strings"

	"analyst/internal/content"
)

// Quote is a paragraph of an article quoted with its citation: what `y`
// copies and what `analyst highlights` prints.
type Quote struct {
	Text      string // the paragraph, verbatim
	Words     int    // words in Text, for "Copied the quote (94 words)"
	Section   string // the section's name; "" for the lead, which has no heading, or none known
	InText    string // the parenthetical citation, with the section: "(Cutler 2026, sec. Background)"
	Reference string // the article's reference-list entry, plain text

	referenceMarkdown string
}

// NewQuote quotes a paragraph of an article in a prose style (chicago, apa
// or mla; the data formats have no place for a quotation and give an
// error). sec is the paragraph's section, or nil when it is not known (a
// highlight whose text is no longer found); the lead is cited without a
// section, since it has no heading a reader could find.
func NewQuote(a *content.Article, sec *content.Section, paragraph string, f Format) (Quote, error) {
	if err := check(a, f); err != nil {
		return Quote{}, err
	}
	if !f.Prose() {
		return Quote{}, fmt.Errorf("a quote is cited in chicago, apa or mla, not %s", f)
	}
	w := newWork(a)
	q := Quote{Text: paragraph, Words: content.CountWords(paragraph)}
	if sec != nil && sec.Kind != content.KindLead {
		q.Section = oneLine(sec.Name)
	}
	ref := reference(w, f)
	q.InText = inText(w, f, q.Section)
	q.Reference = ref.plain()
	q.referenceMarkdown = ref.markdown()
	return q, nil
}

// WordsLabel is the quote's length as the status line says it: "94 words",
// "1 word".
func (q Quote) WordsLabel() string {
	if q.Words == 1 {
		return "1 word"
	}
	return strconv.Itoa(q.Words) + " words"
}

// Plain is the quote as plain text to paste into a document or an email:
// the paragraph in quotation marks, verbatim, followed by the parenthetical
// citation, then a blank line and the reference. No final newline.
//
//	“In late December 2025, …” (Cutler 2026, sec. Background)
//
//	Cutler, Robert M. 2026. “The Armenia–Azerbaijan Peace Process Enters 2026.” Central Asia-Caucasus Analyst, January 2026.
func (q Quote) Plain() string {
	return "“" + q.Text + "” " + q.InText + "\n\n" + q.Reference
}

// Markdown is the quote as Markdown: the paragraph as a blockquote, the
// reader's note (if any) after it, then the parenthetical citation and the
// reference. Text is escaped so that it renders as written, and control
// characters in the note are shown as escapes (\x1b), never passed on to a
// terminal. Ends with a newline.
//
//	> In late December 2025, …
//
//	Note: the timetable matters
//
//	(Cutler 2026, sec. Background)
//	Cutler, Robert M. 2026. “The Armenia–Azerbaijan …” *Central Asia-Caucasus Analyst*, January 2026.
func (q Quote) Markdown(note string) string {
	var b strings.Builder
	b.WriteString(blockquote(q.Text))
	b.WriteString(noteMarkdown(note))
	b.WriteString(escapeLineStart(escapeMarkdown(q.InText)) + "\n")
	b.WriteString(q.referenceMarkdown + "\n")
	return b.String()
}

// HighlightMarkdown is a highlighted paragraph as `analyst highlights`
// prints it: quote (the paragraph as it was highlighted) and note as
// Quote.Markdown writes them, cited in the default style from the article
// and section the highlight is in (sec nil when not known). A highlight
// whose paragraph the article no longer has (detached) says so first; one
// whose article the library no longer has (a nil) is printed uncited.
func HighlightMarkdown(a *content.Article, sec *content.Section, quote, note string, detached bool) string {
	var b strings.Builder
	if detached {
		b.WriteString("*Detached: the paragraph is no longer in the article's text; the quote is as it was highlighted.*\n\n")
	}
	if a != nil {
		if q, err := NewQuote(a, sec, quote, Default); err == nil {
			b.WriteString(q.Markdown(note))
			return b.String()
		}
	}
	b.WriteString(blockquote(quote))
	b.WriteString(noteMarkdown(note))
	return strings.TrimSuffix(b.String(), "\n") // one line break at the end, as Markdown's
}

// blockquote is a paragraph as a Markdown blockquote of one line, escaped
// so that it renders as written, its control characters shown as escapes.
func blockquote(text string) string {
	return "> " + escapeLineStart(escapeMarkdown(showControls(oneLine(text)))) + "\n\n"
}

// noteMarkdown is a reader's note as a paragraph, "Note: …", escaped as
// the quote is; "" for no note.
func noteMarkdown(note string) string {
	if note = oneLine(showControls(note)); note != "" {
		return "Note: " + escapeMarkdown(note) + "\n\n"
	}
	return ""
}

// showControls writes control characters as escapes a reader can see
// (\x1b, \u009b: content.ShowControls) and tabs and line breaks as
// spaces.
func showControls(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, content.ShowControls(s))
}
