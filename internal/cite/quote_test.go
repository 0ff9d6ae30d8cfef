package cite

import (
	"strings"
	"testing"

	"analyst/internal/content"
)

// TestQuotePlain is what `y` copies: the paragraph verbatim in quotation
// marks, the parenthetical citation with its section, then the reference.
func TestQuotePlain(t *testing.T) {
	a := article(t, "cutler")
	sec := a.Sections[1]
	if sec.Name != "Background" {
		t.Fatalf("the second section of Cutler's article is %q, want Background", sec.Name)
	}
	para := sec.Paragraphs[0]
	q, err := NewQuote(a, sec, para, Chicago)
	if err != nil {
		t.Fatal(err)
	}
	want := "“" + para + "” (Cutler 2026, sec. Background)\n\n" +
		"Cutler, Robert M. 2026. “The Armenia–Azerbaijan Peace Process Enters 2026.” Central Asia-Caucasus Analyst, January 2026."
	if got := q.Plain(); got != want {
		t.Errorf("Plain:\n got %s\nwant %s", got, want)
	}
	if !strings.Contains(para, "“Agreement on Peace") {
		t.Fatalf("the paragraph is not the one with inner quotation marks: %s", para)
	}
	if q.Words != content.CountWords(para) || q.Words < 40 {
		t.Errorf("Words = %d, want %d", q.Words, content.CountWords(para))
	}
	if q.Section != "Background" || q.Text != para {
		t.Errorf("Section %q, Text changed: %v", q.Section, q.Text != para)
	}
}

// TestQuoteSection: the section is the locator in each style; the lead,
// which has no heading, and an unknown section are cited without one.
func TestQuoteSection(t *testing.T) {
	a := article(t, "tolipov")
	body, lead := a.Body()[0], a.Lead()
	cases := []struct {
		sec  *content.Section
		f    Format
		want string
	}{
		{body, Chicago, "(Tolipov 2026, sec. Background)"},
		{body, APA, "(Tolipov, 2026, Background section)"},
		{body, MLA, "(Tolipov, sec. Background)"},
		{lead, Chicago, "(Tolipov 2026)"},
		{lead, APA, "(Tolipov, 2026)"},
		{lead, MLA, "(Tolipov)"},
		{nil, Chicago, "(Tolipov 2026)"},
		{a.Bio(), Chicago, "(Tolipov 2026, sec. " + a.Bio().Name + ")"},
	}
	for _, c := range cases {
		q, err := NewQuote(a, c.sec, "x", c.f)
		if err != nil || q.InText != c.want {
			t.Errorf("%s, %v: InText %q, want %q (err %v)", c.f, c.sec != nil, q.InText, c.want, err)
		}
	}
	many, _ := NewQuote(made("A Ant, B Bee and C Cat", "T", content.TitleFromJournal, "J", 1, 2026), nil, "x", Chicago)
	four, _ := NewQuote(made("A Ant, B Bee, C Cat and D Dog", "T", content.TitleFromJournal, "J", 1, 2026), nil, "x", Chicago)
	apa3, _ := NewQuote(made("A Ant, B Bee and C Cat", "T", content.TitleFromJournal, "J", 1, 2026), nil, "x", APA)
	for got, want := range map[string]string{
		many.InText: "(Ant, Bee, and Cat 2026)",
		four.InText: "(Ant et al. 2026)",
		apa3.InText: "(Ant et al., 2026)",
	} {
		if got != want {
			t.Errorf("InText %q, want %q", got, want)
		}
	}
}

func TestQuoteWordsLabel(t *testing.T) {
	for text, want := range map[string]string{"One": "1 word", "Two words": "2 words", "": "0 words"} {
		if got := (Quote{Text: text, Words: content.CountWords(text)}).WordsLabel(); got != want {
			t.Errorf("WordsLabel(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestQuoteMarkdown is what `analyst highlights` prints for a quote: a
// blockquote, the note, the citation.
func TestQuoteMarkdown(t *testing.T) {
	a := article(t, "jamal")
	sec := a.Body()[0]
	para := sec.Paragraphs[0]
	q, err := NewQuote(a, sec, para, Chicago)
	if err != nil {
		t.Fatal(err)
	}
	want := "> " + para + "\n\n" +
		"Note: compare with the 1948 position\n\n" +
		"(Jamal 2026, sec. " + sec.Name + ")\n" +
		"Jamal, Umair. 2026. [" + a.Title + "]. *Central Asia-Caucasus Analyst*, January 2026.\n"
	if got := q.Markdown("  compare with the 1948 position "); got != want {
		t.Errorf("Markdown:\n got %s\nwant %s", got, want)
	}
	if got := q.Markdown(""); strings.Contains(got, "Note:") {
		t.Errorf("no note, yet:\n%s", got)
	}
}

// TestQuoteMarkdownEscapes: a note's control characters never reach the
// terminal, and Markdown in a note or a paragraph stays text.
func TestQuoteMarkdownEscapes(t *testing.T) {
	a := article(t, "cutler")
	q, _ := NewQuote(a, nil, "1. A *starred* <b>bold</b> & [link](x)", Chicago)
	got := q.Markdown("evil \x1b]52;c;AAAA\x07 and \u009b2J\nnext line # *not* _em_")
	for _, r := range got {
		if content.IsControl(r) {
			t.Fatalf("a control character %U reached the output:\n%q", r, got)
		}
	}
	wantQuote := `> 1\. A \*starred\* \<b\>bold\<\/b\> \& \[link\](x)`
	if !strings.Contains(got, strings.ReplaceAll(wantQuote, `\/`, "/")) {
		t.Errorf("paragraph not escaped:\n got %s\nwant %s", got, wantQuote)
	}
	wantNote := `Note: evil \\x1b\]52;c;AAAA\\x07 and \\u009b2J next line # \*not\* \_em\_`
	if !strings.Contains(got, wantNote) {
		t.Errorf("note not escaped:\n got %s\nwant %s", got, wantNote)
	}
}

// TestHighlightMarkdown: a highlight found in its article is its quote's
// Markdown; a detached one says so first; one whose article is gone is
// printed uncited, escaped as a cited one is.
func TestHighlightMarkdown(t *testing.T) {
	a := article(t, "cutler")
	sec := a.Body()[0]
	para := sec.Paragraphs[0]
	q, err := NewQuote(a, sec, para, Default)
	if err != nil {
		t.Fatal(err)
	}
	if got := HighlightMarkdown(a, sec, para, "a note", false); got != q.Markdown("a note") {
		t.Errorf("found:\n got %s\nwant %s", got, q.Markdown("a note"))
	}
	detached := HighlightMarkdown(a, nil, para, "", true)
	if !strings.HasPrefix(detached, "*Detached: ") || !strings.Contains(detached, "\n\n> "+para) || !strings.Contains(detached, "(Cutler 2026)") {
		t.Errorf("detached:\n%s", detached)
	}
	gone := HighlightMarkdown(nil, nil, "1. A *quote* \x1b[2J", "evil \x1b]52;c;AAAA\x07", true)
	want := "*Detached: the paragraph is no longer in the article's text; the quote is as it was highlighted.*\n\n" +
		`> 1\. A \*quote\* \\x1b\[2J` + "\n\n" +
		`Note: evil \\x1b\]52;c;AAAA\\x07` + "\n"
	if gone != want {
		t.Errorf("uncited:\n got %q\nwant %q", gone, want)
	}
	if got := HighlightMarkdown(nil, nil, "A quote", "", false); got != "> A quote\n" {
		t.Errorf("uncited without a note: %q", got)
	}
}
