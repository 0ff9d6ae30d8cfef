package content_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"analyst/internal/content"
	"analyst/internal/testlib"
)

// seedFile is the raw text of the January 2026 issue as the journal's web
// page gave it, site menus and image names included.
var seedFile = filepath.Join("..", "..", "testdata", "seed", "000_39dc9ad1225c2275.txt")

// notArticleText are the seed's lines that are not article text. They are
// listed by hand, independently of the importer, so that this test checks
// the importer's judgement rather than repeating it.
var notArticleText = []string{
	"shutterstoc129046791", "shutterstock 1825480136", "IMG_5493.jpg",
	"Feature Articles", "Earlier Articles", "Visit also", "silkroad", "AFPC",
	"isdp", "turkeyanalyst", "Newsletter",
	"Sign up for upcoming events, latest news, and articles from the CACI Analyst.",
}

// seedParagraph is one paragraph of an article as the seed has it.
type seedParagraph struct {
	author, section, text string
}

// seedParagraphs reads the seed's article paragraphs with their author and
// section, by the seed's own markers: "By " lines start an article, and
// upper-case labels start sections.
func seedParagraphs(t *testing.T) []seedParagraph {
	t.Helper()
	raw, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	labels := map[string]string{
		"BACKGROUND:": "background", "IMPLICATIONS:": "implications",
		"CONCLUSIONS:": "conclusions", "CONCLUSION:": "conclusion",
		"AUTHOR’S BIO:": "bio", "AUTHOR'S BIO:": "bio",
	}
	var out []seedParagraph
	author, section := "", ""
	for _, line := range strings.Split(string(raw), "\n") {
		text := content.NormalizeSpace(line)
		switch {
		case text == "", strings.HasPrefix(text, "Credit: "), contains(notArticleText, text):
			continue
		case strings.HasPrefix(text, "By "):
			author, section = strings.TrimPrefix(text, "By "), "lead"
			continue
		case strings.HasPrefix(text, "The Central Asia-Caucasus Analyst is"):
			author = "" // the about paragraph closes the articles
			continue
		}
		for label, name := range labels {
			if strings.HasPrefix(text, label) {
				section, text = name, strings.TrimSpace(strings.TrimPrefix(text, label))
			}
		}
		if author == "" {
			t.Fatalf("seed line outside any article: %q", text)
		}
		out = append(out, seedParagraph{author, section, text})
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestFidelity checks that every paragraph of the seed's four articles
// appears exactly once in the embedded library, in the right article and
// section; that the library has no paragraph the seed lacks; and that no
// image name or menu line made it in.
func TestFidelity(t *testing.T) {
	lib := testlib.Library(t)
	want := seedParagraphs(t)
	if len(want) < 60 {
		t.Fatalf("read only %d paragraphs from the seed", len(want))
	}
	type place struct{ author, section string }
	found := map[string][]place{}
	total := 0
	for _, a := range lib.Articles() {
		for _, s := range a.Sections {
			for _, p := range s.Paragraphs {
				found[p] = append(found[p], place{a.Author, s.Slug})
				total++
			}
		}
	}
	for _, p := range want {
		places := found[p.text]
		switch {
		case len(places) == 0:
			t.Errorf("lost: %s/%s paragraph %q", p.author, p.section, short(p.text))
		case len(places) > 1:
			t.Errorf("%d copies of %q", len(places), short(p.text))
		case places[0] != place{p.author, p.section}:
			t.Errorf("%q is in %v, want %s/%s", short(p.text), places[0], p.author, p.section)
		}
	}
	if total != len(want) {
		t.Errorf("library has %d paragraphs, the seed's articles %d: text was added or lost", total, len(want))
	}
	for _, a := range lib.Articles() {
		doc := a.Title + "\n" + a.Author + "\n" + a.ImageCredit
		for _, s := range a.Sections {
			doc += "\n" + s.Markdown
		}
		for _, junk := range notArticleText {
			if strings.Contains(doc, junk) && junk != "Newsletter" && junk != "isdp" && junk != "AFPC" {
				t.Errorf("%s contains %q, which is not article text", a.Path, junk)
			}
		}
		for _, line := range strings.Split(doc, "\n") {
			if contains(notArticleText, strings.TrimSpace(line)) {
				t.Errorf("%s has the line %q, which is not article text", a.Path, line)
			}
			if strings.ContainsRune(line, '\u00a0') {
				t.Errorf("%s keeps a non-breaking space in %q", a.Path, short(line))
			}
		}
	}
}

// TestFidelityKeepsTypography checks that curly quotes, dashes and accented
// letters survive exactly as the seed writes them.
func TestFidelityKeepsTypography(t *testing.T) {
	lib := testlib.Library(t)
	var all strings.Builder
	for _, a := range lib.Articles() {
		for _, s := range a.Sections {
			all.WriteString(s.Markdown)
		}
	}
	for _, s := range []string{"Azerbaijan’s", "“Bilim Karvoni”", "Armenia–Azerbaijan", "Türkiye", "communiqué", "Accords—a framework"} {
		if !strings.Contains(all.String(), s) {
			t.Errorf("the library lost %q", s)
		}
	}
}

func TestIssueMetadata(t *testing.T) {
	lib := testlib.Library(t)
	is := lib.Latest()
	if is.Publication != "Central Asia-Caucasus Analyst" || is.Title() != "January 2026" {
		t.Errorf("issue = %q, %q", is.Publication, is.Title())
	}
	if !strings.HasPrefix(is.About, "The Central Asia-Caucasus Analyst is a biweekly publication") ||
		!strings.HasSuffix(is.About, "geared toward a practitioner audience.") {
		t.Errorf("about = %q", is.About)
	}
	cutler, err := lib.Find("cutler")
	if err != nil {
		t.Fatal(err)
	}
	if cutler.Title != "The Armenia–Azerbaijan Peace Process Enters 2026" || cutler.Editorial() {
		t.Errorf("Cutler's title is %q (editorial %v), want the journal's", cutler.Title, cutler.Editorial())
	}
	credits := map[string]string{"tolipov": "", "cutler": "Shutterstock", "jamal": "Wikimedia Commons", "cornell": "Wikimedia Commons"}
	for _, a := range lib.Articles() {
		if a.Slug != "cutler" && !a.Editorial() {
			t.Errorf("%s: a title the journal did not give must be marked editorial", a.Slug)
		}
		if a.ImageCredit != credits[a.Slug] {
			t.Errorf("%s: image credit %q, want %q", a.Slug, a.ImageCredit, credits[a.Slug])
		}
	}
}

func short(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
