package cite

import (
	"errors"
	"strings"
	"testing"
	"time"

	"analyst/internal/content"
	"analyst/internal/testlib"
)

// TestEveryFormatForAJournalTitle pins what each format gives for Robert M.
// Cutler's article, whose title is the journal's own.
func TestEveryFormatForAJournalTitle(t *testing.T) {
	want := map[Format]string{
		Chicago: "Cutler, Robert M. 2026. “The Armenia–Azerbaijan Peace Process Enters 2026.” Central Asia-Caucasus Analyst, January 2026.",
		APA:     "Cutler, R. M. (2026, January). The Armenia–Azerbaijan Peace Process Enters 2026. Central Asia-Caucasus Analyst.",
		MLA:     "Cutler, Robert M. “The Armenia–Azerbaijan Peace Process Enters 2026.” Central Asia-Caucasus Analyst, Jan. 2026.",
		BibTeX: `@article{cutler-2026-01,
  author  = {Cutler, Robert M.},
  title   = {{The Armenia–Azerbaijan Peace Process Enters 2026}},
  journal = {Central Asia-Caucasus Analyst},
  year    = {2026},
  month   = jan,
}`,
		RIS: `TY  - MGZN
AU  - Cutler, Robert M.
TI  - The Armenia–Azerbaijan Peace Process Enters 2026
T2  - Central Asia-Caucasus Analyst
JF  - Central Asia-Caucasus Analyst
PY  - 2026
DA  - 2026/01//
ID  - cutler-2026-01
ER  - `,
		CSLJSON: `[
  {
    "id": "cutler-2026-01",
    "type": "article-magazine",
    "author": [
      {
        "family": "Cutler",
        "given": "Robert M."
      }
    ],
    "title": "The Armenia–Azerbaijan Peace Process Enters 2026",
    "container-title": "Central Asia-Caucasus Analyst",
    "issued": {
      "date-parts": [
        [
          2026,
          1
        ]
      ]
    }
  }
]`,
	}
	checkFormats(t, article(t, "cutler"), want)
}

// TestEveryFormatForAnEditorialTitle pins what each format gives for
// Farkhod Tolipov's article, whose headline was written for this edition:
// a bracketed description in the prose styles, never a title field in the
// data formats.
func TestEveryFormatForAnEditorialTitle(t *testing.T) {
	const headline = "Rumors of a Russian Bid to Join the Central Asian Community"
	want := map[Format]string{
		Chicago: "Tolipov, Farkhod. 2026. [" + headline + "]. Central Asia-Caucasus Analyst, January 2026.",
		APA:     "Tolipov, F. (2026, January). [" + headline + "]. Central Asia-Caucasus Analyst.",
		MLA:     "Tolipov, Farkhod. [" + headline + "]. Central Asia-Caucasus Analyst, Jan. 2026.",
		BibTeX: `@article{tolipov-2026-01,
  author  = {Tolipov, Farkhod},
  journal = {Central Asia-Caucasus Analyst},
  year    = {2026},
  month   = jan,
  note    = {[` + headline + `]: a headline written for this edition, not the journal’s title},
}`,
		RIS: `TY  - MGZN
AU  - Tolipov, Farkhod
T2  - Central Asia-Caucasus Analyst
JF  - Central Asia-Caucasus Analyst
PY  - 2026
DA  - 2026/01//
N1  - [` + headline + `]: a headline written for this edition, not the journal’s title
ID  - tolipov-2026-01
ER  - `,
		CSLJSON: `[
  {
    "id": "tolipov-2026-01",
    "type": "article-magazine",
    "author": [
      {
        "family": "Tolipov",
        "given": "Farkhod"
      }
    ],
    "genre": "[` + headline + `]",
    "container-title": "Central Asia-Caucasus Analyst",
    "issued": {
      "date-parts": [
        [
          2026,
          1
        ]
      ]
    },
    "note": "The description in brackets is a headline written for this edition, not the journal’s title."
  }
]`,
	}
	checkFormats(t, article(t, "tolipov"), want)
}

func checkFormats(t *testing.T, a *content.Article, want map[Format]string) {
	t.Helper()
	for _, f := range Formats() {
		got, err := Article(a, f)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if got != want[f] {
			t.Errorf("%s:\n got %s\nwant %s", f, got, want[f])
		}
	}
}

// TestEditorialHeadlineIsNeverATitle checks every editorial article of the
// library in every format: the headline is in brackets, never in a field
// that says "title", and it is there (a citation that dropped it would
// pass the first check).
func TestEditorialHeadlineIsNeverATitle(t *testing.T) {
	titleFields := map[Format][]string{
		BibTeX:  {"title ", "title=", "booktitle"},
		RIS:     {"TI  -", "T1  -", "ST  -"},
		CSLJSON: {`"title"`, `"title-short"`},
	}
	n := 0
	for _, a := range testlib.Library(t).Articles() {
		if !a.Editorial() {
			continue
		}
		n++
		for _, f := range Formats() {
			got, err := Article(a, f)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(got, "["+a.Title+"]") {
				t.Errorf("%s, %s: the headline is not given in brackets:\n%s", a.Slug, f, got)
			}
			if strings.Contains(strings.ReplaceAll(got, "["+a.Title+"]", ""), a.Title) {
				t.Errorf("%s, %s: the headline appears without its brackets:\n%s", a.Slug, f, got)
			}
			for _, field := range titleFields[f] {
				if strings.Contains(got, field) {
					t.Errorf("%s, %s: an editorial headline in a title field %q:\n%s", a.Slug, f, field, got)
				}
			}
		}
	}
	if n != 3 {
		t.Errorf("the library has %d editorial titles, want 3 (Tolipov, Jamal, Cornell)", n)
	}
}

// TestNothingInvented: no URL, page, volume or issue number is cited, since
// the library holds none.
func TestNothingInvented(t *testing.T) {
	invented := []string{
		"http", "www.", "doi", "pp.", "p. ", "vol.", "no. ", "Vol", "volume", "number", "pages",
		"UR  -", "SP  -", "EP  -", "VL  -", "IS  -", "DO  -",
		`"URL"`, `"page"`, `"volume"`, `"issue"`, `"DOI"`,
	}
	for _, a := range append(testlib.Library(t).Articles(), madeArticles()...) {
		for _, f := range Formats() {
			got, err := Article(a, f)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range invented {
				if strings.Contains(strings.ToLower(got), strings.ToLower(s)) {
					t.Errorf("%s, %s: cites %q, which the library does not hold:\n%s", a.Author, f, s, got)
				}
			}
		}
	}
}

// TestTextAsWritten: curly quotes, dashes, accents and capitals reach every
// format unchanged (quotation marks inside a quoted title nest as single
// ones in Chicago and MLA, as those styles and citeproc do).
func TestTextAsWritten(t *testing.T) {
	a := made("Émile Zoë Dupré", "Türkiye’s “Pivot” – the OTS Moves Into Security", content.TitleFromJournal,
		"Central Asia-Caucasus Analyst", time.March, 2026)
	want := map[Format]string{
		Chicago: "Dupré, Émile Zoë. 2026. “Türkiye’s ‘Pivot’ – the OTS Moves Into Security.” Central Asia-Caucasus Analyst, March 2026.",
		APA:     "Dupré, É. Z. (2026, March). Türkiye’s “Pivot” – the OTS Moves Into Security. Central Asia-Caucasus Analyst.",
		MLA:     "Dupré, Émile Zoë. “Türkiye’s ‘Pivot’ – the OTS Moves Into Security.” Central Asia-Caucasus Analyst, Mar. 2026.",
	}
	for f, w := range want {
		if got, _ := Article(a, f); got != w {
			t.Errorf("%s:\n got %s\nwant %s", f, got, w)
		}
	}
	for _, f := range []Format{BibTeX, RIS, CSLJSON} {
		got, _ := Article(a, f)
		for _, s := range []string{"Türkiye’s “Pivot” – the OTS Moves Into Security", "Dupré", "Émile Zoë"} {
			if !strings.Contains(got, s) {
				t.Errorf("%s lost %q:\n%s", f, s, got)
			}
		}
	}
}

// TestSeveralAuthors follows each style's rules for two, three and many
// authors.
func TestSeveralAuthors(t *testing.T) {
	cases := []struct {
		author string
		f      Format
		want   string
	}{
		{"Robert M. Cutler and Svante E. Cornell", Chicago, "Cutler, Robert M., and Svante E. Cornell. 2026."},
		{"Robert M. Cutler and Svante E. Cornell", APA, "Cutler, R. M., & Cornell, S. E. (2026, January)."},
		{"Robert M. Cutler and Svante E. Cornell", MLA, "Cutler, Robert M., and Svante E. Cornell. “T.”"},
		{"A Ant, B Bee, and C Cat", Chicago, "Ant, A, B Bee, and C Cat. 2026."},
		{"A Ant, B Bee, and C Cat", APA, "Ant, A., Bee, B., & Cat, C. (2026, January)."},
		{"A Ant, B Bee, and C Cat", MLA, "Ant, A, et al. “T.”"},
		{"Martin Luther King Jr. & Jean-Paul Sartre", Chicago, "King, Martin Luther, Jr., and Jean-Paul Sartre. 2026."},
		{"Martin Luther King Jr. & Jean-Paul Sartre", APA, "King, M. L., Jr., & Sartre, J.-P. (2026, January)."},
		{"Martin Luther King, Jr.", BibTeX, "author  = {King, Jr., Martin Luther},"},
		{"Martin Luther King, Jr.", RIS, "AU  - King, Martin Luther, Jr.\n"},
		{"A Ant and B Bee", BibTeX, "author  = {Ant, A and Bee, B},"},
		{"A Ant and B Bee", RIS, "AU  - Ant, A\nAU  - Bee, B\n"},
		{"Madonna", Chicago, "Madonna. 2026. “T.”"},
		{"Madonna", APA, "Madonna. (2026, January). T."},
	}
	for _, c := range cases {
		got, err := Article(made(c.author, "T", content.TitleFromJournal, "J", time.January, 2026), c.f)
		if err != nil || !strings.Contains(got, c.want) {
			t.Errorf("%q in %s:\n got %s\nwant it to contain %s (err %v)", c.author, c.f, got, c.want, err)
		}
	}
	many := make([]string, 12)
	for i := range many {
		many[i] = "Given" + string(rune('A'+i)) + " Family" + string(rune('A'+i))
	}
	got, _ := Article(made(strings.Join(many, " and "), "T", content.TitleFromJournal, "J", time.January, 2026), Chicago)
	if want := "FamilyA, GivenA, GivenB FamilyB, GivenC FamilyC, GivenD FamilyD, GivenE FamilyE, GivenF FamilyF, GivenG FamilyG, et al. 2026."; !strings.HasPrefix(got, want) {
		t.Errorf("twelve authors in Chicago:\n got %s\nwant %s…", got, want)
	}
}

// TestUndatedIssue: with no date the styles say so ("n.d.") and the data
// formats leave the date out; nothing is guessed.
func TestUndatedIssue(t *testing.T) {
	a := made("Robert M. Cutler", "T", content.TitleFromJournal, "J", 0, 0)
	for f, want := range map[Format]string{
		Chicago: "Cutler, Robert M. n.d. “T.” J.",
		APA:     "Cutler, R. M. (n.d.). T. J.",
		MLA:     "Cutler, Robert M. “T.” J.",
	} {
		if got, _ := Article(a, f); got != want {
			t.Errorf("%s: got %s, want %s", f, got, want)
		}
	}
	for _, f := range []Format{BibTeX, RIS, CSLJSON} {
		got, _ := Article(a, f)
		for _, s := range []string{"year", "PY  -", "DA  -", "issued", "0001"} {
			if strings.Contains(got, s) {
				t.Errorf("%s of an undated issue has %q:\n%s", f, s, got)
			}
		}
	}
}

func TestArticleMarkdown(t *testing.T) {
	got, err := ArticleMarkdown(article(t, "cutler"), Chicago)
	want := "Cutler, Robert M. 2026. “The Armenia–Azerbaijan Peace Process Enters 2026.” *Central Asia-Caucasus Analyst*, January 2026."
	if err != nil || got != want {
		t.Errorf("chicago Markdown:\n got %s\nwant %s (err %v)", got, want, err)
	}
	got, _ = ArticleMarkdown(made("A Ant", "Title_with *stars*", content.TitleFromJournal, "J_1", time.January, 2026), APA)
	if want := `Ant, A. (2026, January). Title\_with \*stars\*. *J\_1*.`; got != want {
		t.Errorf("escaped Markdown:\n got %s\nwant %s", got, want)
	}
	got, _ = ArticleMarkdown(article(t, "cutler"), RIS)
	if !strings.HasPrefix(got, "```ris\nTY  - MGZN\n") || !strings.HasSuffix(got, "ER  - \n```") {
		t.Errorf("a data format in Markdown is a code block:\n%s", got)
	}
}

func TestBadInput(t *testing.T) {
	var unknown *UnknownFormatError
	if _, err := Article(article(t, "cutler"), "harvard"); !errors.As(err, &unknown) {
		t.Errorf("an unknown format: %v, want an *UnknownFormatError", err)
	}
	if _, err := Article(nil, Chicago); err == nil {
		t.Error("a nil article gave no error")
	}
	if _, err := NewQuote(article(t, "cutler"), nil, "x", BibTeX); err == nil {
		t.Error("a quote in bibtex gave no error")
	}
}
