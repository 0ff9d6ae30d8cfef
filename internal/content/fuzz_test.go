package content_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"analyst/internal/content"
)

// fuzzIssue is a valid issue.md, so that every problem a fuzzed article
// causes is the article's.
const fuzzIssue = "---\npublication: Fuzz Analyst\ndate: 2026-03\n---\n\nThe Fuzz Analyst is a publication.\n"

// fuzzArticleName is where the fuzzed article sits in the library.
const fuzzArticleName = "2026-03/01-fuzz.md"

// fuzzRealFiles returns the contents of the files matching pattern, for
// seed corpora built from real inputs. The paths are inside the repository.
func fuzzRealFiles(tb testing.TB, pattern string) []string {
	tb.Helper()
	names, err := filepath.Glob(pattern)
	if err != nil || len(names) == 0 {
		tb.Fatalf("no files match %s (%v)", pattern, err)
	}
	var out []string
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, string(data))
	}
	return out
}

// FuzzLoadArticle loads any bytes as an article file. Load must not panic;
// every problem names the file and a line that exists (or the file as a
// whole, line 0); an article that loads without problems has a title, an
// author and sections with text.
func FuzzLoadArticle(f *testing.F) {
	for _, src := range fuzzRealFiles(f, filepath.Join(articlesDir, "*", "0*.md")) {
		f.Add([]byte(src))
	}
	for _, src := range fuzzRealFiles(f, "../../testdata/broken/*/0*.md") {
		f.Add([]byte(src))
	}
	for _, src := range []string{
		"",
		"---",
		"---\n---\n",
		"\ufeff---\ntitle: T\nauthor: A\n---\n\n## S\n\nText.\n",
		"---\r\ntitle: T\r\nauthor: A\r\n---\r\n\r\nLead.\r\n\r\n## S\r\n\r\nText.\r\n",
		"---\ntitle: [a, b]\nauthor: A\n---\n\n## S\n\nx\n",
		"---\ntitle: T\ntitle: U\nauthor: A\n---\n\n## S\n\nx\n",
		"---\ntitle: &a T\nauthor: *a\n---\n\n## S\n\nx\n",
		"---\n- a\n- b\n---\n",
		"---\ntitle: T\nauthor: A\n---\n\n##\n\nx\n\n## ##\n",
		"---\ntitle: T\nauthor: A\n---\n\n~~~\n## not a heading\n~~~\n\n## S\n\n```\n",
		"---\ntitle: T\nauthor: A\n---\n\n   ## Indented\n\n\\## Escaped\n\n## S #\n\nx\n",
		// Terminal codes: in the text, in the front matter and as YAML escapes.
		"---\ntitle: T\nauthor: A\n---\n\nLead \x1b[2J\x1b]52;c;eA==\a.\n\n## S\n\nx\x7f \u009b\n",
		"---\ntitle: T\x1b\nauthor: A\n---\n\n## S\n\nx\n",
		"---\ntitle: \"T\\e[2J\"\nauthor: \"\\x9b\"\n---\n\n## S\n\nx\n",
		"---\ntitle: T\nauthor: A\n---\n\n\tLead\x00\n\n## S\u0085\n\nx\n",
		// A bio is not a section: this article has none.
		"---\ntitle: 0\nauthor: 0\n---\n## Bio\n0",
	} {
		f.Add([]byte(src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fsys := fstest.MapFS{
			"2026-03/issue.md":  {Data: []byte(fuzzIssue)},
			fuzzArticleName:     {Data: src},
			"2026-03/notes.txt": {Data: []byte("not an article")},
		}
		lib, err := content.Load(fsys, "lib")
		if lib == nil {
			t.Fatal("Load returned no library")
		}
		lines := strings.Count(string(src), "\n") + 1
		if err != nil {
			probs, ok := err.(content.Problems)
			if !ok {
				t.Fatalf("Load returned %T, not Problems: %v", err, err)
			}
			if len(probs) == 0 {
				t.Fatal("Load returned an empty Problems as an error")
			}
			for _, p := range probs {
				if p.File == "" {
					t.Errorf("problem without a file: %+v", p)
				}
				if p.File != "lib/"+fuzzArticleName {
					t.Errorf("problem in %s, only the article was fuzzed: %v", p.File, p)
				}
				if p.Line < 0 || p.Line > lines+1 {
					t.Errorf("problem on line %d of a %d-line file: %v", p.Line, lines, p)
				}
				if p.Msg == "" {
					t.Errorf("problem without a message: %+v", p)
				}
			}
			if arts := lib.Articles(); len(arts) != 0 {
				t.Errorf("an article with problems was loaded: %+v", arts[0])
			}
			return
		}
		arts := lib.Articles()
		if len(arts) != 1 {
			t.Fatalf("no problems but %d articles", len(arts))
		}
		a := arts[0]
		if strings.TrimSpace(a.Title) == "" || strings.TrimSpace(a.Author) == "" {
			t.Errorf("loaded without title or author: %q by %q", a.Title, a.Author)
		}
		if len(a.Sections) == 0 || len(a.Body()) == 0 {
			t.Errorf("loaded without sections: %+v", a)
		}
		words := 0
		for _, s := range a.Sections {
			if len(s.Paragraphs) == 0 {
				t.Errorf("section %q has no text", s.Name)
			}
			if s.Line < 1 || s.Line > lines {
				t.Errorf("section %q on line %d of a %d-line file", s.Name, s.Line, lines)
			}
			if s.Kind != content.KindBio {
				words += s.Words
			}
		}
		if a.Words != words || a.Minutes() < 1 {
			t.Errorf("article has %d words (%d min), its sections %d", a.Words, a.Minutes(), words)
		}
		if a.TitleSource != content.TitleFromJournal && a.TitleSource != content.TitleFromEditorial {
			t.Errorf("title_source %q", a.TitleSource)
		}
		texts := []string{a.Title, a.Author, a.ImageCredit}
		for _, s := range a.Sections {
			texts = append(append(texts, s.Name, s.Markdown), s.Paragraphs...)
		}
		for _, s := range texts {
			if i, r := content.FirstControl(s); i >= 0 {
				t.Errorf("loaded with the control character %U, which the reader would print: %q", r, s)
			}
		}
	})
}

// fuzzSingleLine reports whether s is one line of text: no control
// characters and no line or paragraph separators.
func fuzzSingleLine(s string) bool {
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return false
		}
	}
	return true
}

// FuzzEscapeMarkdown checks that escaped text reads back as itself: the
// importer relies on it to write paragraphs the loader reads unchanged.
func FuzzEscapeMarkdown(f *testing.F) {
	for _, src := range fuzzRealFiles(f, "../../testdata/seed/*.txt") {
		for _, line := range strings.Split(src, "\n") {
			f.Add(line)
		}
	}
	for _, s := range []string{
		"", " ", "\\", "a\\", `\*`, "*emphasis* and _this_", "# not a heading", "## Background",
		"- not a list", "+ not a list", "= not a setext line", "1998. A year", "3) three", "12.5 percent",
		"> not a quote", "`code`", "```", "~~~", "[link](url)", "<b>html</b>", "a | b", "&amp; &#8212; & x",
		"AT&T", "   - indented", "\u00a0non-breaking\u00a0spaces\u00a0", "Türkiye’s “C5”", "\xff\xfe invalid",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !fuzzSingleLine(s) {
			return
		}
		esc := content.EscapeMarkdown(s)
		if got, want := content.PlainText(esc), content.NormalizeSpace(s); got != want {
			t.Errorf("PlainText(EscapeMarkdown(%q)) = %q via %q, want %q", s, got, esc, want)
		}
	})
}
