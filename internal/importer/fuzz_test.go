package importer_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
	"unicode/utf8"

	"analyst/internal/content"
	"analyst/internal/importer"
)

// fuzzOptions import a fuzzed text: a valid date and one known title, so
// that both journal and editorial titles are written.
var fuzzOptions = importer.Options{Date: "2026-01", Titles: map[int]string{1: "A Known Title"}}

// fuzzBag counts the pieces of text an import kept, so that each input
// line can claim the piece it became, once. Notes, bylines and section
// labels are keyed by the line the importer says they are on.
type fuzzBag map[string]int

func (b fuzzBag) add(k string) { b[k]++ }

func (b fuzzBag) take(keys ...string) bool {
	for _, k := range keys {
		if b[k] == 0 {
			return false
		}
	}
	for _, k := range keys {
		b[k]--
	}
	return true
}

// left lists what no line claimed: text the import made up.
func (b fuzzBag) left() []string {
	var out []string
	for k, n := range b {
		if n != 0 {
			out = append(out, fmt.Sprintf("%dx %q", n, k))
		}
	}
	slices.Sort(out)
	return out
}

// fuzzKept returns every piece of text the import kept: the about
// paragraph, the notes, and each article's author, credit, section labels
// and paragraphs, the last three keyed by article and section.
func fuzzKept(is *importer.Issue) fuzzBag {
	bag := fuzzBag{}
	if is.About != "" {
		bag.add("about:" + is.About)
	}
	for _, n := range is.Notes {
		bag.add(fmt.Sprintf("note:%d:%s", n.Line, fuzzSquash(n.Text)))
	}
	for i, a := range is.Articles {
		bag.add(fmt.Sprintf("by:%d:%s", a.Line, a.Author))
		if a.ImageCredit != "" {
			bag.add(fmt.Sprintf("credit:%d:%s", i, a.ImageCredit))
		}
		for j, s := range a.Sections {
			if j > 0 {
				bag.add(fmt.Sprintf("label:%d:%s", s.Line, content.Slugify(s.Name)))
			}
			for _, p := range s.Paragraphs {
				bag.add(fmt.Sprintf("text:%d:%d:%s", i, j, p))
			}
		}
	}
	return bag
}

// fuzzSquash drops the spaces of a text, which notes about a repeated label
// rewrite ("LABEL:text" becomes "LABEL: text").
func fuzzSquash(s string) string { return strings.ReplaceAll(content.NormalizeSpace(s), " ", "") }

// fuzzPlace returns the article and section that line n falls in, by the
// lines the import gives them: the last byline before it and the last
// section that starts on it or before it. -1 is before the first byline.
func fuzzPlace(is *importer.Issue, n int) (art, sec int) {
	art, sec = -1, -1
	for i, a := range is.Articles {
		if a.Line < n {
			art = i
		}
	}
	if art >= 0 {
		for j, s := range is.Articles[art].Sections {
			if s.Line <= n {
				sec = j
			}
		}
	}
	return art, sec
}

// fuzzClaim finds what the non-blank line n became and takes it from the
// bag: a note about the line; a byline's author; for "LABEL: text" the
// section it opened and its first paragraph; a paragraph or the image
// credit of the article it is in; or the about paragraph.
func fuzzClaim(is *importer.Issue, bag fuzzBag, n int, line string) bool {
	if bag.take(fmt.Sprintf("note:%d:%s", n, fuzzSquash(line))) {
		return true
	}
	if author, ok := strings.CutPrefix(line, "By "); ok && bag.take(fmt.Sprintf("by:%d:%s", n, author)) {
		return true
	}
	art, sec := fuzzPlace(is, n)
	label, rest, hasColon := strings.Cut(line, ":")
	rest = strings.TrimSpace(rest)
	if hasColon && fuzzIsLabel(label) {
		slug := content.Slugify(label)
		if content.IsBioHeading(label) {
			slug = content.Slugify(content.BioName)
		}
		key := fmt.Sprintf("label:%d:%s", n, slug)
		if rest == "" && bag.take(key) || rest != "" && bag.take(key, fmt.Sprintf("text:%d:%d:%s", art, sec, rest)) {
			return true
		}
	}
	return bag.take(fmt.Sprintf("text:%d:%d:%s", art, sec, line)) ||
		hasColon && bag.take(fmt.Sprintf("credit:%d:%s", art, rest)) ||
		bag.take("about:"+line)
}

// fuzzIsLabel reports whether s could be a section label: capitals only.
func fuzzIsLabel(s string) bool {
	return s != "" && !strings.ContainsFunc(s, unicode.IsLower)
}

// fuzzCompact cuts the seed text down to its shape: every byline, lead,
// image name, credit, labelled line, bio and menu line and the about
// paragraph, each cut to a few words, without the other paragraphs. A
// fuzzer mutates a small input faster and can minimize what it finds.
func fuzzCompact(lines []string) []string {
	var out []string
	lead := false
	for _, l := range lines {
		w := strings.Fields(l) // non-breaking spaces too
		text := strings.Join(w, " ")
		switch {
		case strings.Contains(text, " is a biweekly publication"):
			out = append(out, "The Central Asia-Caucasus Analyst is a biweekly publication.")
		case len(w) == 0, len(w) > 8 && !lead && !strings.HasSuffix(w[0], ":") && !strings.Contains(text, "BIO:"):
			continue
		default:
			out = append(out, strings.Join(w[:min(len(w), 5)], " "))
		}
		lead = strings.HasPrefix(text, "By ")
	}
	return out
}

func fuzzSeedLines(tb testing.TB) []string {
	tb.Helper()
	seed, err := os.ReadFile(seedFile)
	if err != nil {
		tb.Fatal(err)
	}
	return strings.Split(string(seed), "\n")
}

// TestParseKeepsEveryLineOfSeed checks the whole seed text the way
// FuzzParse checks its inputs; the fuzzer itself starts from compact ones.
func TestParseKeepsEveryLineOfSeed(t *testing.T) {
	lines := fuzzSeedLines(t)
	raw := strings.Join(lines, "\n")
	fuzzCheck(t, raw)
	fuzzCheck(t, strings.ReplaceAll(raw, "\n", "\r\n"))
	bio := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "BIO: Robert M. Cutler") })
	fuzzCheck(t, strings.Join(slices.Insert(slices.Clone(lines), bio+1, "A stray paragraph after the bio."), "\n"))
}

// FuzzParse imports any text. Parse must not panic and must lose nothing:
// every non-blank line is in an article, is the about paragraph, or is in
// the notes. When the import reports no problems, its files must load
// without problems and read back as the text that was imported.
func FuzzParse(f *testing.F) {
	short := fuzzCompact(fuzzSeedLines(f))
	bio := slices.IndexFunc(short, func(l string) bool { return strings.HasPrefix(l, "AUTHOR’S BIO: Robert") })
	f.Add(strings.Join(short, "\n"))
	f.Add("An unknown paragraph.\n\n" + strings.Join(short, "\n"))
	f.Add(strings.Join(slices.Insert(slices.Clone(short), bio+1, "A stray paragraph after the bio."), "\n"))
	f.Add(strings.Join(short, "\r\n"))
	for _, s := range []string{
		"",
		"By Ann Smith",
		"By Ann Smith\n\nLead.\n\nBACKGROUND: Text.\n\nAUTHOR'S BIO: Ann Smith writes.\n\nThe Test Journal is a weekly publication.\n",
		"By Ann Smith\nLead.\nBACKGROUND:\nText.\nBACKGROUND: again\nCredit: X\nPhoto: Y\nIMG_1.jpg\nFeature Articles\nAUTHOR’S BIO: Ann\nmore\n",
		"By Ann Smith\nLead.\nIMPLICATIONS: x\nBIO: Ann.\nBy Bob Smith\nLead.\nCONCLUSIONS: y\nAUTHOR BIO: Bob.\nThe J is a publication.\n",
		"By Özlem Türk\nLead.\nFOO BAR: x\nFOO-BAR: y\nAUTHOR’S BIO: Özlem.\nThe J is a publication.\n",
		"By Ann Smith\n# Lead\n- one\n1. two\nNOTE: *x* _y_ [z] <w> `v` ~u~ | &amp;\nABOUT THE AUTHOR: Ann.\nThe J is a publication.\n",
		"By Ann Smith\n\u00a0\u00a0Lead\u00a0with\u00a0spaces.\u00a0\nABOUT THE AUTHOR:\u00a0Ann.\n",
		"By Ann Smith\nLead \x93quoted\x94.\nBACKGROUND: x\nBIO: y\nThe J is a publication.\n",
		"By Ann Smith\nLead \x1b[2J.\nBACKGROUND: x\x1b]52;c;eA==\a\nBIO: y\x7f\nThe J is a \u009bpublication.\n\f\n",
	} {
		f.Add(s)
	}
	f.Fuzz(fuzzCheck)
}

// fuzzCheck is FuzzParse's check of one input.
func fuzzCheck(t *testing.T, raw string) {
	is := importer.Parse(raw)

	bag := fuzzKept(is)
	for i, line := range strings.Split(raw, "\n") {
		if at, _ := content.FirstControl(line); at >= 0 && utf8.ValidString(line) {
			// Refused in a note, and read without the controls.
			if !bag.take(fmt.Sprintf("note:%d:%s", i+1, fuzzSquash(line))) {
				t.Errorf("line %d %q has a control character and no note says so", i+1, line)
			}
			line = content.StripControls(line)
		}
		text := content.NormalizeSpace(line)
		if text == "" {
			continue
		}
		if !fuzzClaim(is, bag, i+1, text) {
			t.Errorf("line %d %q is in no article, note or about paragraph", i+1, text)
		}
	}
	if left := bag.left(); len(left) > 0 {
		t.Errorf("the import holds text that is on no line of the input (or on another line): %s", strings.Join(left, ", "))
	}

	if len(importer.Problems(is, fuzzOptions)) > 0 {
		return
	}
	files, err := importer.Files(is, fuzzOptions)
	if err != nil {
		t.Fatalf("no problems, but Files fails: %v", err)
	}
	fsys := fstest.MapFS{}
	for _, file := range files {
		fsys["2026-01/"+file.Name] = &fstest.MapFile{Data: file.Data}
	}
	lib, err := content.Load(fsys, "lib")
	if err != nil {
		t.Fatalf("no problems importing, but the files do not load:\n%v", err)
	}
	issue := lib.Latest()
	if issue.About != is.About || issue.Publication != is.Publication {
		t.Errorf("issue reads back as %q / %q, was imported as %q / %q", issue.Publication, issue.About, is.Publication, is.About)
	}
	arts := lib.Articles()
	if len(arts) != len(is.Articles) {
		t.Fatalf("%d articles imported, %d loaded", len(is.Articles), len(arts))
	}
	for i, a := range arts {
		imp := is.Articles[i]
		if a.Number != i+1 || a.Author != imp.Author || a.ImageCredit != imp.ImageCredit {
			t.Errorf("article %d reads back as %d by %q (credit %q), was by %q (credit %q)", i+1, a.Number, a.Author, a.ImageCredit, imp.Author, imp.ImageCredit)
		}
		if len(a.Sections) != len(imp.Sections) {
			t.Errorf("article %d: %d sections imported, %d loaded", i+1, len(imp.Sections), len(a.Sections))
			continue
		}
		for j, s := range a.Sections {
			want := imp.Sections[j]
			if j > 0 && s.Name != want.Name {
				t.Errorf("article %d section %d: %q loaded, %q imported", i+1, j, s.Name, want.Name)
			}
			if !slices.Equal(s.Paragraphs, want.Paragraphs) {
				t.Errorf("article %d section %q reads back as\n%q\nwas imported as\n%q", i+1, want.Name, s.Paragraphs, want.Paragraphs)
			}
		}
	}
}
