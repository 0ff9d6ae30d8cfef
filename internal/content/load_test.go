package content_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"analyst/internal/content"
	"analyst/internal/testlib"
)

const goodIssue = "---\npublication: Test Journal\ndate: 2026-02\n---\n\nThe Test Journal is a publication.\n"

const goodArticle = `---
title: A Title
author: A. Author
---

The lead.

## Background

First paragraph.

Second paragraph.

## Conclusions

Last word.

## Author's Bio

A. Author writes.
`

func TestLoadEmbedded(t *testing.T) {
	lib := testlib.Library(t)
	arts := lib.Articles()
	if len(lib.Issues) != 1 || len(arts) != 4 {
		t.Fatalf("got %d issues, %d articles; want 1 and 4", len(lib.Issues), len(arts))
	}
	authors := []string{"Farkhod Tolipov", "Robert M. Cutler", "Umair Jamal", "Svante E. Cornell"}
	for i, a := range arts {
		if a.Number != i+1 || a.Author != authors[i] {
			t.Errorf("article %d: number %d, author %q; want %q", i, a.Number, a.Author, authors[i])
		}
		if n := a.Numbered(); len(n) != 4 || n[0] != a.Lead() || n[1] != a.Body()[0] {
			t.Errorf("%s: the reader's sections are the lead and the named ones, in order: %d", a.Slug, len(n))
		}
		if a.Lead() == nil || a.Bio() == nil || len(a.Body()) != 3 {
			t.Errorf("%s: lead %v, bio %v, %d named sections; want lead, bio and 3", a.Slug, a.Lead() != nil, a.Bio() != nil, len(a.Body()))
		}
		if a.Words < 1000 || a.Minutes() != content.ReadingMinutes(a.Words) {
			t.Errorf("%s: %d words, %d minutes", a.Slug, a.Words, a.Minutes())
		}
		if a.Teaser() == "" || len(a.Teaser()) > len(a.Lead().Paragraphs[0]) {
			t.Errorf("%s: teaser %q", a.Slug, a.Teaser())
		}
	}
	names := []string{}
	for _, s := range arts[3].Sections {
		names = append(names, s.Name)
	}
	if got := strings.Join(names, ","); got != "Lead,Background,Implications,Conclusion,Author's Bio" {
		t.Errorf("Cornell's sections = %s", got)
	}
}

func TestLoadCountsWords(t *testing.T) {
	lib, err := content.Load(fstest.MapFS{
		"2026-02/issue.md":   {Data: []byte(goodIssue)},
		"2026-02/01-test.md": {Data: []byte(goodArticle)},
	}, "lib")
	if err != nil {
		t.Fatal(err)
	}
	a := lib.Articles()[0]
	// "The lead." + "First paragraph." + "Second paragraph." + "Last word."; the bio is not counted.
	if a.Words != 8 || a.Minutes() != 1 {
		t.Errorf("words %d, minutes %d; want 8 and 1", a.Words, a.Minutes())
	}
	if bg := a.Sections[1]; len(bg.Paragraphs) != 2 || bg.Line != 8 {
		t.Errorf("Background: %d paragraphs on line %d; want 2 on line 8", len(bg.Paragraphs), bg.Line)
	}
	if lead := a.Lead(); lead.Line != 6 {
		t.Errorf("lead on line %d, want 6", lead.Line)
	}
}

// TestLoadProblems feeds one broken file at a time, beside a good one, and
// checks the problem's file and line, and that the good article survives.
func TestLoadProblems(t *testing.T) {
	cases := []struct {
		name, file, want string
	}{
		{"missing title", "---\nauthor: X\n---\n\nLead.\n\n## A\n\nText.\n", "lib/2026-02/02-bad.md:1: missing \"title\""},
		{"missing author", "---\ntitle: X\n---\n\nLead.\n\n## A\n\nText.\n", "lib/2026-02/02-bad.md:1: missing \"author\""},
		{"no sections", "---\ntitle: X\nauthor: Y\n---\n\nOnly a lead.\n", "lib/2026-02/02-bad.md:6: the article has no sections"},
		{"only a bio", "---\ntitle: X\nauthor: Y\n---\n## Bio\nY writes.\n", "lib/2026-02/02-bad.md:5: the article has no sections"},
		{"unknown key", "---\ntitle: X\nauthor: Y\nsubtitle: Z\n---\n\n## A\n\nText.\n", "lib/2026-02/02-bad.md:4: unknown front matter key \"subtitle\""},
		{"broken yaml", "---\ntitle: X\nauthor: [Y\n---\n\n## A\n\nText.\n", "lib/2026-02/02-bad.md:3: front matter is not valid YAML"},
		{"bad indentation", "---\ntitle: X\n  author: Y\n---\n\n## A\n\nText.\n", "lib/2026-02/02-bad.md:3: front matter is not valid YAML"},
		{"no front matter", "# Title\n\nText.\n", "lib/2026-02/02-bad.md:1: missing front matter"},
		{"unclosed front matter", "---\ntitle: X\n\nText.\n", "lib/2026-02/02-bad.md:1: front matter is not closed"},
		{"list value", "---\ntitle: [X, Y]\nauthor: Z\n---\n\n## A\n\nText.\n", "lib/2026-02/02-bad.md:2: front matter key \"title\" must have a single text value"},
		{"bad title source", "---\ntitle: X\ntitle_source: made-up\nauthor: Z\n---\n\n## A\n\nText.\n", "lib/2026-02/02-bad.md:3: title_source \"made-up\""},
		{"empty section", "---\ntitle: X\nauthor: Z\n---\n\n## A\n\n## B\n\nText.\n", "lib/2026-02/02-bad.md:6: section \"A\" has no text"},
		{"twice a section", "---\ntitle: X\nauthor: Z\n---\n\n## A\n\nT.\n\n## A\n\nT.\n", "lib/2026-02/02-bad.md:10: section \"A\" appears twice (first on line 6)"},
		{"level-1 heading", "---\ntitle: X\nauthor: Z\n---\n\n# X\n\n## A\n\nT.\n", "lib/2026-02/02-bad.md:6: a level-1 heading"},
		{"not UTF-8", "---\ntitle: X\nauthor: Z\n---\n\n## A\n\nCaf\xe9 \x93quoted\x94.\n", "lib/2026-02/02-bad.md:8: text that is not UTF-8"},
		{"duplicate key", "---\ntitle: X\ntitle: Y\nauthor: Z\n---\n\n## A\n\nT.\n", "lib/2026-02/02-bad.md:3: front matter key \"title\" is given twice"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lib, err := content.Load(fstest.MapFS{
				"2026-02/issue.md":   {Data: []byte(goodIssue)},
				"2026-02/01-good.md": {Data: []byte(goodArticle)},
				"2026-02/02-bad.md":  {Data: []byte(c.file)},
			}, "lib")
			var probs content.Problems
			if !errors.As(err, &probs) {
				t.Fatalf("err = %v, want Problems", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("problems:\n%v\nwant one containing %q", err, c.want)
			}
			if n := len(lib.Articles()); n != 1 || lib.Articles()[0].Slug != "good" {
				t.Errorf("the good article must survive the bad one; got %d articles", n)
			}
		})
	}
}

func TestLoadLibraryProblems(t *testing.T) {
	cases := []struct {
		name string
		fs   fstest.MapFS
		want []string
	}{
		{"duplicate slug", fstest.MapFS{
			"2026-02/issue.md":   {Data: []byte(goodIssue)},
			"2026-02/01-same.md": {Data: []byte(goodArticle)},
			"2026-02/02-same.md": {Data: []byte(goodArticle)},
		}, []string{"lib/2026-02/02-same.md:1: two articles with the slug \"same\": this one and lib/2026-02/01-same.md"}},
		{"duplicate number", fstest.MapFS{
			"2026-02/issue.md":  {Data: []byte(goodIssue)},
			"2026-02/01-one.md": {Data: []byte(goodArticle)},
			"2026-02/01-two.md": {Data: []byte(goodArticle)},
		}, []string{"lib/2026-02/01-two.md: article number 1 is taken by lib/2026-02/01-one.md"}},
		{"bad file name", fstest.MapFS{
			"2026-02/issue.md":   {Data: []byte(goodIssue)},
			"2026-02/01-ok.md":   {Data: []byte(goodArticle)},
			"2026-02/Article.md": {Data: []byte(goodArticle)},
		}, []string{"lib/2026-02/Article.md: an article file name must look like 01-slug.md"}},
		{"bad date", fstest.MapFS{
			"2026-02/issue.md": {Data: []byte("---\npublication: P\ndate: February\n---\n")},
		}, []string{"lib/2026-02/issue.md:3: date \"February\" is not a month"}},
		{"empty library", fstest.MapFS{"README": {Data: []byte("x")}}, []string{"lib: no issues found"}},
		{"two problems in two files", fstest.MapFS{
			"2026-02/issue.md":  {Data: []byte(goodIssue)},
			"2026-02/01-a.md":   {Data: []byte("---\ntitle: A\n---\n\n## S\n\nT.\n")},
			"2026-02/02-b.md":   {Data: []byte("---\nauthor: B\nextra: 1\n---\n\n## S\n\nT.\n")},
			"2026-02/03-top.md": {Data: []byte(goodArticle)},
		}, []string{"01-a.md:1: missing \"author\"", "02-b.md:1: missing \"title\"", "02-b.md:3: unknown front matter key \"extra\""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := content.Load(c.fs, "lib")
			if err == nil {
				t.Fatal("no problem reported")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("problems:\n%v\nwant one containing %q", err, w)
				}
			}
		})
	}
}

func TestLoadOrdersIssuesByDate(t *testing.T) {
	lib, err := content.Load(fstest.MapFS{
		"b/issue.md":   {Data: []byte(strings.Replace(goodIssue, "2026-02", "2025-12", 1))},
		"b/01-old.md":  {Data: []byte(goodArticle)},
		"a/issue.md":   {Data: []byte(goodIssue)},
		"a/01-new.md":  {Data: []byte(goodArticle)},
		"notes/x.md":   {Data: []byte("not an issue folder")},
		".git/HEAD.md": {Data: []byte("ignored")},
	}, "lib")
	if err != nil {
		t.Fatal(err)
	}
	if len(lib.Issues) != 2 || lib.Latest().Slug != "a" || lib.Issues[0].Title() != "December 2025" {
		t.Errorf("issues in the wrong order: latest %q", lib.Latest().Slug)
	}
}

// TestLoadControlCharacters feeds articles and issue files with terminal
// codes in their text. An article with one is not loaded, an issue is
// loaded without them (its articles are good); either way the problem
// names the file, the line, the column and the character, and the text a
// reader gets holds no control character.
func TestLoadControlCharacters(t *testing.T) {
	const (
		bad      = "lib/2026-02/02-bad.md"
		issue    = "lib/2026-02/issue.md"
		deleteIt = ": delete it (it would reach the reader's terminal as a code)"
		deleteEm = ": delete them (they would reach the reader's terminal as codes)"
		head     = "---\ntitle: X\nauthor: Z\n---\n\n"
	)
	cases := []struct {
		name             string
		issue, article   string
		want             []string // every problem, exactly
		articles         int      // how many load
		about, published string   // the issue as loaded, when the case checks it
	}{
		{"ESC clearing the screen in the lead", goodIssue, head + "Lead \x1b[2J here.\n\n## A\n\nText.\n",
			[]string{bad + ":6: control character U+001B (ESC) in the text, column 6" + deleteIt}, 1, "", ""},
		{"OSC 52 clipboard write", goodIssue, head + "Lead.\x1b]52;c;ZWNobyBwd25lZA==\x07 More.\n\n## A\n\nText.\n",
			[]string{bad + ":6: control character U+001B (ESC) in the text, column 6, and 1 more on that line" + deleteEm}, 1, "", ""},
		{"BEL in a section", goodIssue, head + "Lead.\n\n## A\n\nRing\a.\n",
			[]string{bad + ":10: control character U+0007 (BEL) in the text, column 5" + deleteIt}, 1, "", ""},
		{"DEL", goodIssue, head + "Lead.\n\n## A\n\n\x7fText.\n",
			[]string{bad + ":10: control character U+007F (DEL) in the text, column 1" + deleteIt}, 1, "", ""},
		{"C1 CSI after non-ASCII text", goodIssue, head + "“Türkiye” \u009b2J.\n\n## A\n\nText.\n",
			[]string{bad + ":6: control character U+009B (CSI) in the text, column 11" + deleteIt}, 1, "", ""},
		{"NUL", goodIssue, head + "Lead.\n\n## A\n\nText\x00.\n",
			[]string{bad + ":10: control character U+0000 (NUL) in the text, column 5" + deleteIt}, 1, "", ""},
		{"several lines", goodIssue, head + "\x1b[2J\n\n## A\x1b\n\nT\x1b \x1b.\n",
			[]string{bad + ":6: control character U+001B (ESC) in the text, column 1, and 3 more, also on lines 8, 10" + deleteEm}, 1, "", ""},
		{"in the front matter", goodIssue, "---\ntitle: X\x1b[2J\nauthor: Z\n---\n\n## A\n\nText.\n",
			[]string{bad + ":2: control character U+001B (ESC) in the text, column 9" + deleteIt}, 1, "", ""},
		{"escaped in the front matter", goodIssue, "---\ntitle: \"X\\e[2J\"\nauthor: \"Z\\x9b\"\n---\n\n## A\n\nText.\n",
			[]string{
				bad + ":2: control character U+001B (ESC) in the value of \"title\" (written as an escape)",
				bad + ":3: control character U+009B (CSI) in the value of \"author\" (written as an escape)",
			}, 1, "", ""},
		{"tab, CR and non-breaking space are text", goodIssue, "---\r\ntitle: X\r\nauthor: Z\r\n---\r\n\r\nA\tlead\u00a0here.\r\n\r\n## A\r\n\r\nText.\r\n",
			nil, 2, "", ""},
		{"in the issue's text", "---\npublication: Test Journal\ndate: 2026-02\n---\n\nThe Test \x1b]52;c;eA==\aJournal.\n", goodArticle,
			[]string{issue + ":6: control character U+001B (ESC) in the text, column 10, and 1 more on that line" + deleteEm}, 2,
			"The Test ]52;c;eA==Journal.", "Test Journal"},
		{"in the issue's front matter", "---\npublication: Test\u0085 Journal\ndate: 2026-02\n---\n\nAbout.\n", goodArticle,
			[]string{issue + ":2: control character U+0085 (NEL) in the text, column 18" + deleteIt}, 2,
			"About.", "Test Journal"},
		{"escaped in the issue's front matter", "---\npublication: \"Test\\a Journal\"\ndate: 2026-02\n---\n\nAbout.\n", goodArticle,
			[]string{issue + ":2: control character U+0007 (BEL) in the value of \"publication\" (written as an escape)"}, 2,
			"About.", "Test Journal"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lib, err := content.Load(fstest.MapFS{
				"2026-02/issue.md":   {Data: []byte(c.issue)},
				"2026-02/01-good.md": {Data: []byte(goodArticle)},
				"2026-02/02-bad.md":  {Data: []byte(c.article)},
			}, "lib")
			var got []string
			if err != nil {
				var probs content.Problems
				if !errors.As(err, &probs) {
					t.Fatalf("err = %v, want Problems", err)
				}
				for _, p := range probs {
					got = append(got, p.Error())
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			arts := lib.Articles()
			if len(arts) != c.articles || arts[0].Slug != "good" {
				t.Fatalf("%d articles loaded, want %d, the good one first", len(arts), c.articles)
			}
			is := lib.Latest()
			if c.about != "" && (is.About != c.about || is.Publication != c.published) {
				t.Errorf("issue loaded as %q, %q; want %q, %q", is.Publication, is.About, c.published, c.about)
			}
			texts := []string{is.Publication, is.About}
			for _, a := range arts {
				texts = append(texts, a.Title, a.Author)
				for _, s := range a.Sections {
					texts = append(texts, s.Name, s.Markdown)
					texts = append(texts, s.Paragraphs...)
				}
			}
			for _, s := range texts {
				if i, _ := content.FirstControl(s); i >= 0 {
					t.Errorf("a reader would get a control character: %q", s)
				}
			}
		})
	}
}
