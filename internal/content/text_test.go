package content_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"analyst/internal/content"
)

func TestNormalizeSpace(t *testing.T) {
	for in, want := range map[string]string{
		"\u00a0 \u00a0Credit: X\u00a0": "Credit: X",
		"is\u00a0 a  biweekly":         "is a biweekly",
		"“quoted”—dash é":              "“quoted”—dash é",
		"\t\n":                         "",
	} {
		if got := content.NormalizeSpace(in); got != want {
			t.Errorf("NormalizeSpace(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFirstSentence(t *testing.T) {
	for in, want := range map[string]string{
		"One. Two.":                          "One.",
		"Ties with the U.S. and Gulf. Next.": "Ties with the U.S. and Gulf.",
		"Robert M. Cutler wrote. Then more.": "Robert M. Cutler wrote.",
		"He said “no.” Then left.":           "He said “no.” Then left.",
		"No stop at all":                     "No stop at all",
		"Ends on 2026. Next one.":            "Ends on 2026.",
	} {
		if got := content.FirstSentence(in); got != want {
			t.Errorf("FirstSentence(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Author’s Bio": "authors-bio", "Author's Bio": "authors-bio", "Conclusions": "conclusions",
		"  The Armenia–Azerbaijan Peace ": "the-armenia-azerbaijan-peace", "Türkiye": "türkiye",
	} {
		if got := content.Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEscapeMarkdownRoundTrip(t *testing.T) {
	for _, s := range []string{
		"plain", "a *star* and _under_", "# not a heading", "1998. A year", "- not a list",
		"back\\slash", "<b>tag</b>", "AT&T &amp; co", "[link](x)", "`code`", "+ plus", "7) item",
	} {
		if got := content.PlainText(content.EscapeMarkdown(s)); got != s {
			t.Errorf("PlainText(EscapeMarkdown(%q)) = %q", s, got)
		}
	}
}

// FuzzNormalizeSpace checks the fast paths of NormalizeSpace and CountWords
// against the standard library's idea of a space, on valid UTF-8.
func FuzzNormalizeSpace(f *testing.F) {
	for _, s := range []string{"", " ", "a b", " a", "a ", "a  b", "a\u00a0b", "a\tb", "é ü", "a\u2003b", "Ж\u00a0 Ж", "x\u0085y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		fields := strings.Fields(s)
		if got, want := content.NormalizeSpace(s), strings.Join(fields, " "); got != want {
			t.Errorf("NormalizeSpace(%q) = %q, want %q", s, got, want)
		}
		if got := content.CountWords(s); got != len(fields) {
			t.Errorf("CountWords(%q) = %d, want %d", s, got, len(fields))
		}
	})
}
