package cite

// Tests that hand the citations to programs nobody here wrote: pandoc's
// citeproc renders the CSL-JSON, pandoc and bibutils read the BibTeX,
// bibutils reads the RIS, pandoc reads the quotes' Markdown.
// scripts/ensure-tools installs them (Debian: pandoc, bibutils).

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"analyst/internal/content"
	"analyst/internal/testlib"
)

// tool returns the path of a program the tests run, and fails (never
// skips) when it is missing.
func tool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is not installed; scripts/ensure-tools installs it (Debian: apt-get install pandoc bibutils)", name)
	}
	return path
}

// runTool runs a program on stdin and returns its standard output.
func runTool(t *testing.T, stdin string, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, tool(t, name), args...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, errOut.String())
	}
	return out.String()
}

// writeTemp writes a file in the test's temporary folder.
func writeTemp(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// normal is text as compared across programs: runs of space and line
// breaks (pandoc wraps) made one space.
func normal(s string) string { return strings.Join(strings.Fields(s), " ") }

func allArticles(t *testing.T) []*content.Article {
	return append(testlib.Library(t).Articles(), madeArticles()...)
}

// quotedSections are the sections a quote can come from, as NewQuote
// takes them: nil (unknown), the lead, and every named section.
func quotedSections(a *content.Article) []*content.Section {
	return append([]*content.Section{nil}, a.Numbered()...)
}

// TestChicagoIsWhatCiteprocGives renders each article's csl-json with
// pandoc's citeproc and its default style (Chicago author-date) and finds
// the reference that the chicago format prints, and for a quote from each
// section the parenthetical citation NewQuote gives.
func TestChicagoIsWhatCiteprocGives(t *testing.T) {
	for _, a := range allArticles(t) {
		csl, err := Article(a, CSLJSON)
		if err != nil {
			t.Fatal(err)
		}
		bib := writeTemp(t, "refs.json", csl)
		key := newWork(a).key
		var doc []string
		var wantInText []string
		for _, sec := range quotedSections(a) {
			q, err := NewQuote(a, sec, "x", Chicago)
			if err != nil {
				t.Fatal(err)
			}
			cite := "[@" + key + "]"
			if q.Section != "" {
				cite = "[@" + key + ", sec. " + q.Section + "]"
			}
			doc = append(doc, cite)
			wantInText = append(wantInText, q.InText)
		}
		out := runTool(t, strings.Join(doc, "\n\n")+"\n", "pandoc",
			"--from", "markdown", "--to", "plain", "--wrap=none", "--citeproc", "--bibliography", bib)
		blocks := strings.Split(strings.TrimSpace(out), "\n\n")
		if len(blocks) != len(doc)+1 {
			t.Fatalf("%s: pandoc gave %d blocks for %d citations and a reference:\n%s", a.Author, len(blocks), len(doc), out)
		}
		for i, want := range wantInText {
			if got := normal(blocks[i]); got != want {
				t.Errorf("%s, %s:\ncitation %s\nciteproc %s", a.Author, doc[i], want, got)
			}
		}
		chicago, _ := Article(a, Chicago)
		if got := normal(blocks[len(blocks)-1]); got != chicago {
			t.Errorf("%s:\nchicago  %s\nciteproc %s", a.Author, chicago, got)
		}
	}
}

// TestBibTeXReadByPandoc reads each entry back with pandoc's BibTeX reader
// and checks every field it finds.
func TestBibTeXReadByPandoc(t *testing.T) {
	for _, a := range allArticles(t) {
		bib, _ := Article(a, BibTeX)
		out := runTool(t, bib, "pandoc", "--from", "bibtex", "--to", "csljson")
		var items []map[string]any
		if err := json.Unmarshal([]byte(out), &items); err != nil || len(items) != 1 {
			t.Fatalf("%s: pandoc read %d entries (%v):\n%s\n%s", a.Author, len(items), err, bib, out)
		}
		got := items[0]
		w := newWork(a)
		want := map[string]any{
			"id":              w.key,
			"type":            "article-journal",
			"container-title": w.journal,
			"issued":          map[string]any{"date-parts": []any{[]any{float64(w.year), float64(w.month)}}},
			"author":          cslAuthors(w),
		}
		if a.Editorial() {
			want["note"] = w.suppliedNote()
		} else {
			want["title"] = w.title
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: pandoc read\n%v\nwant\n%v\nfrom\n%s", a.Author, got, want, bib)
		}
	}
}

func cslAuthors(w work) []any {
	var out []any
	for _, n := range w.authors {
		m := map[string]any{"family": n.family}
		if n.given != "" {
			m["given"] = n.given
		}
		if n.suffix != "" {
			m["suffix"] = n.suffix
		}
		out = append(out, m)
	}
	return out
}

// mods is the part of a MODS record (bibutils' output) the tests read.
type mods struct {
	ID     string      `xml:"ID,attr"`
	Titles []modsTitle `xml:"titleInfo"`
	Names  []modsName  `xml:"name"`
	Date   string      `xml:"originInfo>dateIssued"`
	Hosts  []struct {
		Type   string   `xml:"type,attr"`
		Titles []string `xml:"titleInfo>title"`
	} `xml:"relatedItem"`
	Notes []string `xml:"note"`
	URLs  []string `xml:"location>url"`
}

// modsTitle is a title as bibutils splits it: at a colon or a question
// mark, into a title and a subtitle.
type modsTitle struct {
	Title    string `xml:"title"`
	SubTitle string `xml:"subTitle"`
}

func (m mods) titles() []string {
	var out []string
	for _, t := range m.Titles {
		if s := strings.Join(nonEmpty(t.Title, t.SubTitle), " "); s != "" {
			out = append(out, s)
		}
	}
	return out
}

type modsName struct {
	Parts []struct {
		Type  string `xml:"type,attr"`
		Value string `xml:",chardata"`
	} `xml:"namePart"`
}

// readMODS runs a bibutils converter (bib2xml, ris2xml) and reads its one
// record.
func readMODS(t *testing.T, converter, input string) mods {
	t.Helper()
	out := runTool(t, "", converter, writeTemp(t, "in", input))
	var coll struct {
		Records []mods `xml:"mods"`
	}
	if err := xml.Unmarshal([]byte(strings.TrimPrefix(out, "\ufeff")), &coll); err != nil || len(coll.Records) != 1 {
		t.Fatalf("%s read %d records (%v) from\n%s\n%s", converter, len(coll.Records), err, input, out)
	}
	return coll.Records[0]
}

// checkMODS checks a record bibutils read against the article.
func checkMODS(t *testing.T, format string, a *content.Article, m mods, input string) {
	t.Helper()
	w := newWork(a)
	var host []string
	for _, h := range m.Hosts {
		if h.Type == "host" {
			for _, title := range h.Titles {
				if title != "" {
					host = append(host, title)
				}
			}
		}
	}
	var names []string
	for _, n := range m.Names {
		var given, family, suffix []string
		for _, p := range n.Parts {
			switch p.Type {
			case "given":
				// ris2xml leaves the comma before a suffix on the given
				// name ("Martin Luther," from "King, Martin Luther, Jr.",
				// the form the RIS specification asks for).
				given = append(given, strings.TrimSuffix(p.Value, ","))
			case "family":
				family = append(family, p.Value)
			case "suffix":
				suffix = append(suffix, p.Value)
			}
		}
		names = append(names, strings.Join(family, " ")+"|"+strings.Join(given, " ")+"|"+strings.Join(suffix, " "))
	}
	var wantNames []string
	for _, n := range w.authors {
		// bibutils splits given names at spaces and drops the periods of initials.
		given := strings.Join(strings.Fields(strings.ReplaceAll(n.given, ".", " ")), " ")
		wantNames = append(wantNames, n.family+"|"+given+"|"+n.suffix)
	}
	wantTitles := []string{w.title}
	var wantNotes []string
	if a.Editorial() {
		wantTitles, wantNotes = nil, []string{w.suppliedNote()}
	}
	wantDate := w.date()
	switch {
	case m.ID != w.key:
		t.Errorf("%s of %s: id %q, want %q", format, a.Author, m.ID, w.key)
	case !reflect.DeepEqual(m.titles(), wantTitles):
		t.Errorf("%s of %s: titles %q, want %q", format, a.Author, m.titles(), wantTitles)
	case !reflect.DeepEqual(names, wantNames):
		t.Errorf("%s of %s: names %q, want %q", format, a.Author, names, wantNames)
	case len(host) == 0 || host[0] != w.journal:
		t.Errorf("%s of %s: periodical %q, want %q", format, a.Author, host, w.journal)
	case m.Date != wantDate:
		t.Errorf("%s of %s: date %q, want %q", format, a.Author, m.Date, wantDate)
	case !reflect.DeepEqual(m.Notes, wantNotes):
		t.Errorf("%s of %s: notes %q, want %q", format, a.Author, m.Notes, wantNotes)
	case len(m.URLs) > 0:
		t.Errorf("%s of %s: a URL %q", format, a.Author, m.URLs)
	default:
		return
	}
	t.Logf("%s was:\n%s", format, input)
}

// date is the month as MODS writes it: "2026-01".
func (w work) date() string {
	return time.Date(w.year, w.month, 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
}

// TestBibTeXReadByBibutils reads each entry with bibutils' bib2xml, a
// second parser, independent of pandoc.
func TestBibTeXReadByBibutils(t *testing.T) {
	for _, a := range allArticles(t) {
		bib, _ := Article(a, BibTeX)
		checkMODS(t, "bibtex", a, readMODS(t, "bib2xml", bib), bib)
	}
}

// TestRISReadByBibutils reads each record with bibutils' ris2xml.
func TestRISReadByBibutils(t *testing.T) {
	for _, a := range allArticles(t) {
		r, _ := Article(a, RIS)
		checkMODS(t, "ris", a, readMODS(t, "ris2xml", r), r)
	}
}

// TestQuoteMarkdownRendersAsWritten renders quotes' Markdown with pandoc's
// CommonMark reader: the paragraph and the note come out as written, and
// the citation as the plain one.
func TestQuoteMarkdownRendersAsWritten(t *testing.T) {
	a := article(t, "cutler")
	paragraphs := []string{
		a.Body()[0].Paragraphs[0],
		"1. A *starred* <b>bold</b> & [link](x) `code` ~~gone~~ \\ &amp; # not a heading",
		"# Not a heading either > nor a quote",
	}
	note := "mine: *not* _em_ <i>x</i> &copy; \x1b[2J"
	for _, p := range paragraphs {
		q, err := NewQuote(a, a.Body()[0], p, Chicago)
		if err != nil {
			t.Fatal(err)
		}
		out := runTool(t, q.Markdown(note), "pandoc", "--from", "commonmark", "--to", "plain", "--wrap=none")
		want := normal(p + " Note: " + showControls(note) + " " + q.InText + " " + q.Reference)
		if got := normal(out); got != want {
			t.Errorf("rendered Markdown:\n got %s\nwant %s\nfrom\n%s", got, want, q.Markdown(note))
		}
	}
}
