package importer_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"analyst/internal/content"
	"analyst/internal/importer"
	"analyst/internal/testlib"
)

var (
	seedFile    = filepath.Join("..", "..", "testdata", "seed", "000_39dc9ad1225c2275.txt")
	articlesDir = filepath.Join(testlib.Dir(), "2026-01")
)

// seedOptions are the facts the raw text lacks, as the embedded issue has them.
var seedOptions = importer.Options{
	Date:   "2026-01",
	Titles: map[int]string{2: "The Armenia–Azerbaijan Peace Process Enters 2026"},
}

func parseSeed(t *testing.T) *importer.Issue {
	t.Helper()
	raw, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	return importer.Parse(string(raw))
}

// TestImportSeedMatchesEmbedded imports the seed and compares every file
// with the embedded one, byte for byte, except the title lines that the
// editors wrote (title_source: editorial).
func TestImportSeedMatchesEmbedded(t *testing.T) {
	is := parseSeed(t)
	if probs := importer.Problems(is, seedOptions); len(probs) > 0 {
		t.Fatalf("problems importing the seed: %v", probs)
	}
	files, err := importer.Files(is, seedOptions)
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(articlesDir)
	if len(files) != len(entries) {
		t.Errorf("import made %d files, the embedded issue has %d", len(files), len(entries))
	}
	for _, f := range files {
		want, err := os.ReadFile(filepath.Join(articlesDir, f.Name))
		if err != nil {
			t.Errorf("import made %s, which the embedded issue lacks", f.Name)
			continue
		}
		got, exp := strings.Split(string(f.Data), "\n"), strings.Split(string(want), "\n")
		if len(got) != len(exp) {
			t.Errorf("%s: %d lines, embedded %d", f.Name, len(got), len(exp))
			continue
		}
		editorial := strings.Contains(string(want), "\ntitle_source: editorial\n")
		for i := range got {
			if got[i] == exp[i] {
				continue
			}
			if editorial && strings.HasPrefix(got[i], "title: ") && strings.HasPrefix(exp[i], "title: ") {
				continue // the editors' headline replaces the draft
			}
			t.Errorf("%s:%d:\n got  %q\n want %q", f.Name, i+1, short(got[i]), short(exp[i]))
		}
	}
}

func TestImportNotes(t *testing.T) {
	is := parseSeed(t)
	dropped := map[string]int{}
	for _, n := range is.Notes {
		if n.Kind != importer.Dropped {
			t.Errorf("unexpected note: %v", importer.Describe("seed", n))
		}
		dropped[n.What]++
	}
	if dropped["image file name"] != 3 || dropped["site menu"] != 10 {
		t.Errorf("dropped = %v, want 3 image file names and 10 site menu lines", dropped)
	}
	if is.Publication != "Central Asia-Caucasus Analyst" {
		t.Errorf("publication = %q", is.Publication)
	}
	if len(is.Articles) != 4 || is.Articles[2].ImageCredit != "Wikimedia Commons" || is.Articles[0].ImageCredit != "" {
		t.Errorf("articles or credits wrong: %d", len(is.Articles))
	}
}

// TestImportReportsWhatItCannotPlace gives the importer text in shapes it
// does not know and checks that each is reported with its line.
func TestImportReportsWhatItCannotPlace(t *testing.T) {
	const article = "By Jane Doe\n\nLead.\n\nBACKGROUND: Text.\n\nAUTHOR’S BIO: Jane.\n"
	cases := map[string]struct {
		raw  string
		line int
		what string
	}{
		"text before the first article": {"Welcome to our site\n\n" + article, 1, "before the first"},
		"text after a bio":              {article + "\nA stray paragraph.\n", 9, "after the author's bio"},
		"a second label":                {strings.Replace(article, "AUTHOR", "BACKGROUND: Again.\n\nAUTHOR", 1), 7, "second BACKGROUND"},
		"no labelled sections":          {"By Jane Doe\n\nLead only.\n", 1, "no labelled sections"},
		"no articles":                   {"Just some text.\n", 1, "before the first"},
		"no lead":                       {"By Jane Doe\n\nBACKGROUND: Text.\n", 1, "no lead"},
		"a second credit":               {strings.Replace(article, "Lead.", "Lead.\n\nCredit: A\n\nCredit: B", 1), 7, "second image credit"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			is := importer.Parse(c.raw)
			probs := importer.Problems(is, importer.Options{Date: "2026-02", Publication: "P"})
			for _, p := range probs {
				if p.Line == c.line && strings.Contains(p.What, c.what) {
					return
				}
			}
			t.Errorf("want a problem on line %d about %q; got %v", c.line, c.what, probs)
		})
	}
}

// TestImportRefusesControlCharacters gives the importer text with terminal
// codes in it: each line that has one is reported, with its line and the
// character, so that the import stops before writing files the loader
// would refuse; the rest of the line is still read, so that no other
// problem is reported for it. A tab is only a space.
func TestImportRefusesControlCharacters(t *testing.T) {
	const article = "By Jane Doe\n\nLead.\n\nBACKGROUND: Text.\n\nAUTHOR’S BIO: Jane.\n"
	cases := map[string]struct {
		raw  string
		want []string // importer.Describe of every problem
	}{
		"ESC in the lead": {strings.Replace(article, "Lead.", "Lead \x1b[2J.", 1),
			[]string{`raw.txt:3: control character U+001B (ESC) in the text, column 6: delete it: "Lead \x1b[2J."`}},
		"OSC 52 in a section, CRLF lines": {strings.ReplaceAll(strings.Replace(article, "Text.", "Text.\x1b]52;c;eA==\a", 1), "\n", "\r\n"),
			[]string{`raw.txt:5: control character U+001B (ESC) in the text, column 18: delete it: "BACKGROUND: Text.\x1b]52;c;eA==\a\r"`}},
		"DEL in the bio": {strings.Replace(article, "Jane.", "Jane\x7f.", 1),
			[]string{`raw.txt:7: control character U+007F (DEL) in the text, column 19: delete it: "AUTHOR’S BIO: Jane\x7f."`}},
		"C1 CSI after a curly quote": {"“Intro” \u009b2J\n" + article,
			[]string{`raw.txt:1: control character U+009B (CSI) in the text, column 9: delete it: "“Intro” \u009b2J"`,
				`raw.txt:1: text before the first "By Author" line: "“Intro” 2J"`}},
		"form feed and NEL, which are not spaces here": {article + "\f\n\u0085\n",
			[]string{`raw.txt:8: control character U+000C (FF) in the text, column 1: delete it: "\f"`,
				`raw.txt:9: control character U+0085 (NEL) in the text, column 1: delete it: "\u0085"`}},
		"a tab is a space": {strings.Replace(article, "Lead.", "Lead\twith a tab.", 1), nil},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			is := importer.Parse(c.raw)
			var got []string
			for _, n := range importer.Problems(is, importer.Options{Date: "2026-02", Publication: "P"}) {
				got = append(got, importer.Describe("raw.txt", n))
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			files, err := importer.Files(is, importer.Options{Date: "2026-02", Publication: "P"})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range files {
				if i, r := content.FirstControl(string(f.Data)); i >= 0 {
					t.Errorf("%s holds %U", f.Name, r)
				}
			}
		})
	}
}

// TestImportedFilesLoad checks that what the importer writes is a valid
// library: the importer and the loader agree on the format.
func TestImportedFilesLoad(t *testing.T) {
	is := parseSeed(t)
	files, err := importer.Files(is, importer.Options{Date: "2026-01"})
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range files {
		fsys["2026-01/"+f.Name] = &fstest.MapFile{Data: f.Data}
	}
	lib, err := content.Load(fsys, "import")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range lib.Articles() {
		if !a.Editorial() || !strings.HasPrefix(a.Lead().Paragraphs[0], strings.TrimSuffix(a.Title, "…")) {
			t.Errorf("%s: draft title %q must be editorial and come from the lead", a.Slug, a.Title)
		}
	}
}

func TestWriteIsAtomicAndRefusesToOverwrite(t *testing.T) {
	is := parseSeed(t)
	out := t.TempDir()
	dir, err := importer.Write(is, seedOptions, out, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := importer.Write(is, seedOptions, out, false); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second write without replace: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "stale.md"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := importer.Write(is, seedOptions, out, true); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "stale.md")); !os.IsNotExist(err) {
		t.Errorf("a replaced issue folder keeps an old file: %v", err)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 1 {
		t.Errorf("the output folder holds %d entries, want only the issue (no temporary folders)", len(entries))
	}
}

func short(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return s
}

func TestLooksLikeText(t *testing.T) {
	seed, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		raw  string
		want bool
	}{
		"the seed text":                {string(seed), true},
		"empty":                        {"", true},
		"a NUL byte":                   {"By Someone\x00\nText", false},
		"one line of Windows-1252":     {"By Someone\nIt\x92s text.\nMore.\nAnd more.\n", true},
		"mostly not UTF-8":             {"\xff\xfe\n\x92\x93\nok\n", false},
		"UTF-16 read as bytes, no NUL": {"\xff\xfeA\n\xd8\x3d\n", false},
	} {
		if got := importer.LooksLikeText(c.raw); got != c.want {
			t.Errorf("%s: LooksLikeText = %v, want %v", name, got, c.want)
		}
	}
}
