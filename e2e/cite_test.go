package e2e

// `analyst cite` end to end: the built binary's citations, checked by
// programs nobody here wrote (pandoc's citeproc and BibTeX reader, bibutils'
// RIS reader), against the article files as they are written.

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var citeFormats = []string{"chicago", "apa", "mla", "bibtex", "ris", "csl-json"}

// citeTool runs a program the citation tests need on stdin, failing (never
// skipping) when it is not installed.
func citeTool(t *testing.T, stdin, name string, args ...string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is not installed; scripts/ensure-tools installs it (Debian: pandoc, bibutils)", name)
	}
	cmd := exec.Command(path, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %q: %v\n%s", name, args, err, errOut.String())
	}
	return out.String()
}

// TestCiteChicagoIsWhatCiteprocGives: for every article, pandoc's citeproc
// with its default style (Chicago author-date) turns the csl-json that
// `cite` prints into the text that `cite` prints by default.
func TestCiteChicagoIsWhatCiteprocGives(t *testing.T) {
	for _, a := range libraryArticles(t) {
		ref := strconv.Itoa(a.Number)
		chicago := ok(t, "cite", ref)
		if explicit := ok(t, "cite", ref, "--format", "chicago"); explicit != chicago {
			t.Errorf("cite %s: the default is not chicago:\n%s\n%s", ref, chicago, explicit)
		}
		bib := filepath.Join(t.TempDir(), "refs.json")
		writeFile(t, bib, ok(t, "cite", ref, "--format", "csl-json"))
		rendered := citeTool(t, "---\nnocite: '@*'\n---\n", "pandoc",
			"--from", "markdown", "--to", "plain", "--citeproc", "--bibliography", bib)
		if flatten(rendered) != flatten(chicago) || strings.Count(chicago, "\n") != 1 {
			t.Errorf("cite %s:\ncite     %s\nciteproc %s", ref, chicago, flatten(rendered))
		}
		if !strings.HasPrefix(chicago, lastName(a.Author)+", ") || !strings.Contains(chicago, "Central Asia-Caucasus Analyst, January 2026.") {
			t.Errorf("cite %s: no author, journal or month:\n%s", ref, chicago)
		}
	}
}

func lastName(author string) string {
	f := strings.Fields(author)
	return f[len(f)-1]
}

// TestCiteEditorialTitles reads each article's title_source from its file:
// an editorial headline is in square brackets in every format and never in
// a title field; the journal's title is cited as a title.
func TestCiteEditorialTitles(t *testing.T) {
	titleFields := []string{"title ", "TI  -", `"title"`}
	editorial := 0
	for _, a := range libraryArticles(t) {
		for _, f := range citeFormats {
			out := ok(t, "cite", a.Slug, "--format", f)
			hasTitleField := false
			for _, field := range titleFields {
				hasTitleField = hasTitleField || strings.Contains(out, field)
			}
			switch {
			case a.editorial() && (!strings.Contains(out, "["+a.Title+"]") || hasTitleField):
				t.Errorf("cite %s --format %s: the editorial headline is not a bracketed description:\n%s", a.Slug, f, out)
			case !a.editorial() && (strings.Contains(out, "["+a.Title+"]") || !strings.Contains(out, a.Title)):
				t.Errorf("cite %s --format %s: the journal's title is not cited as it is:\n%s", a.Slug, f, out)
			case !a.editorial() && f != "chicago" && f != "apa" && f != "mla" && !hasTitleField:
				t.Errorf("cite %s --format %s: no title field:\n%s", a.Slug, f, out)
			}
		}
		if a.editorial() {
			editorial++
		}
	}
	if editorial != 3 {
		t.Errorf("%d editorial titles, want 3", editorial)
	}
}

// TestCiteBibTeXAndRISReadByOtherPrograms appends every article's entry to
// one file, as `cite N --format bibtex >> refs.bib` does, and reads it with
// pandoc's BibTeX reader; the RIS records likewise with bibutils' ris2xml.
func TestCiteBibTeXAndRISReadByOtherPrograms(t *testing.T) {
	arts := libraryArticles(t)
	var bib, ris strings.Builder
	for _, a := range arts {
		bib.WriteString(ok(t, "cite", a.Slug, "--format", "bibtex"))
		ris.WriteString(ok(t, "cite", a.Slug, "--format", "ris"))
	}

	var items []struct {
		ID             string `json:"id"`
		Title          string `json:"title"`
		Note           string `json:"note"`
		ContainerTitle string `json:"container-title"`
		Author         []struct {
			Family, Given string
		} `json:"author"`
		Issued struct {
			DateParts [][]int `json:"date-parts"`
		} `json:"issued"`
	}
	out := citeTool(t, bib.String(), "pandoc", "--from", "bibtex", "--to", "csljson")
	if err := json.Unmarshal([]byte(out), &items); err != nil || len(items) != len(arts) {
		t.Fatalf("pandoc read %d entries (%v), want %d:\n%s", len(items), err, len(arts), bib.String())
	}
	byID := map[string]int{}
	for i, it := range items {
		byID[it.ID] = i
	}
	for _, a := range arts {
		i, found := byID[a.Slug+"-2026-01"]
		if !found {
			t.Errorf("no entry %s-2026-01 in %v", a.Slug, byID)
			continue
		}
		it := items[i]
		name := ""
		if len(it.Author) == 1 {
			name = it.Author[0].Given + " " + it.Author[0].Family
		}
		title := it.Title
		if a.editorial() {
			title = strings.TrimSuffix(strings.TrimPrefix(it.Note, "["), "]: a headline written for this edition, not the journal’s title")
			if it.Title != "" {
				t.Errorf("bibtex of %s has the editorial headline as a title: %q", a.Slug, it.Title)
			}
		}
		if name != a.Author || title != a.Title || it.ContainerTitle != "Central Asia-Caucasus Analyst" ||
			len(it.Issued.DateParts) != 1 || len(it.Issued.DateParts[0]) != 2 || it.Issued.DateParts[0][0] != 2026 || it.Issued.DateParts[0][1] != 1 {
			t.Errorf("pandoc read the bibtex of %s as %+v", a.Slug, it)
		}
	}

	risFile := filepath.Join(t.TempDir(), "refs.ris")
	writeFile(t, risFile, ris.String())
	var coll struct {
		Records []struct {
			ID     string   `xml:"ID,attr"`
			Titles []string `xml:"titleInfo>title"`
			Notes  []string `xml:"note"`
			Names  []struct {
				Parts []string `xml:"namePart"`
			} `xml:"name"`
			Date string   `xml:"originInfo>dateIssued"`
			Host []string `xml:"relatedItem>titleInfo>title"`
		} `xml:"mods"`
	}
	mods := citeTool(t, "", "ris2xml", risFile)
	if err := xml.Unmarshal([]byte(strings.TrimPrefix(mods, "\ufeff")), &coll); err != nil || len(coll.Records) != len(arts) {
		t.Fatalf("ris2xml read %d records (%v), want %d:\n%s", len(coll.Records), err, len(arts), ris.String())
	}
	for i, a := range arts {
		r := coll.Records[i]
		wantTitles, wantNotes := []string{a.Title}, 0
		if a.editorial() {
			wantTitles, wantNotes = nil, 1
		}
		if r.ID != a.Slug+"-2026-01" || strings.Join(r.Titles, "") != strings.Join(wantTitles, "") ||
			len(r.Notes) != wantNotes || (wantNotes == 1 && !strings.HasPrefix(r.Notes[0], "["+a.Title+"]")) ||
			len(r.Names) != 1 || r.Names[0].Parts[len(r.Names[0].Parts)-1] != lastName(a.Author) ||
			r.Date != "2026-01" || !strings.Contains(strings.Join(r.Host, "|"), "Central Asia-Caucasus Analyst") {
			t.Errorf("ris2xml read the RIS of %s as %+v", a.Slug, r)
		}
	}
}

// TestCiteHelpExamplesWork runs every example of `cite --help` in a shell,
// as a reader would paste it: each succeeds, and the one through pandoc
// prints the article's citation, as cite does.
func TestCiteHelpExamplesWork(t *testing.T) {
	citeTool(t, "", "pandoc", "--version") // fails the test when pandoc is missing
	var examples []string
	for _, line := range strings.Split(ok(t, "cite", "--help"), "\n") {
		if line = strings.TrimSpace(line); strings.HasPrefix(line, "analyst cite ") && !strings.Contains(line, "REF") {
			examples = append(examples, line)
		}
	}
	if len(examples) < 4 {
		t.Fatalf("cite --help has %d examples:\n%s", len(examples), ok(t, "cite", "--help"))
	}
	for _, ex := range examples {
		sh := exec.Command("bash", "-o", "pipefail", "-c", ex)
		sh.Dir = t.TempDir()
		sh.Env = append(cleanEnv(), "PATH="+filepath.Dir(analystBin)+":"+os.Getenv("PATH"))
		out, err := sh.CombinedOutput()
		if err != nil {
			t.Errorf("%s: %v\n%s", ex, err, out)
			continue
		}
		if strings.Contains(ex, "pandoc") {
			want := flatten(ok(t, "cite", "tolipov"))
			if flatten(string(out)) != want {
				t.Errorf("%s printed %q, want the citation %q", ex, flatten(string(out)), want)
			}
		}
	}
}

// TestCiteUsageErrors exit 2 and say what is wrong; an unknown format names
// the formats.
func TestCiteUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"cite", "2", "--format", "harvard"}, append([]string{`"harvard"`}, citeFormats...)},
		{[]string{"cite", "2", "-f", ""}, citeFormats},
		{[]string{"cite", "xyz", "--format", "harvard"}, []string{`"harvard"`}},
		{[]string{"cite"}, []string{"one article reference"}},
		{[]string{"cite", "1", "2"}, []string{"one article reference"}},
		{[]string{"cite", "2#background"}, []string{"whole article", "without #background"}},
		{[]string{"cite", "2", "--format"}, []string{"--format"}},
	} {
		r := analyst(t, c.args...)
		r.wantCode(t, 2)
		r.wantNoStdout(t)
		r.wantStderr(t, c.want...)
	}
}

// TestCiteOpensNoDatabase runs every format with the reader's data, state
// and database pointed at a folder of the test's, holding a database file
// that is not one: cite works, creates nothing there and leaves the file as
// it was.
func TestCiteOpensNoDatabase(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "broken.db")
	writeFile(t, db, "not a database")
	before := snapshot(t, home)
	env := []string{
		"HOME=" + home,
		"XDG_DATA_HOME=" + filepath.Join(home, "data"),
		"XDG_STATE_HOME=" + filepath.Join(home, "state"),
		"XDG_CONFIG_HOME=" + filepath.Join(home, "config"),
		"ANALYST_DB=" + db,
	}
	for _, f := range citeFormats {
		r := runner{env: env}.analyst(t, "cite", "cornell", "--format", f)
		r.wantCode(t, 0)
		if r.stderr != "" || !strings.Contains(r.stdout, "Cornell") {
			t.Errorf("cite --format %s with a broken database:\nstdout %s\nstderr %s", f, r.stdout, r.stderr)
		}
	}
	if after := snapshot(t, home); after != before {
		t.Errorf("cite changed the reader's folders:\nbefore %s\nafter  %s", before, after)
	}
}

// snapshot lists a folder's files with their sizes and contents' length.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		data := ""
		if !d.IsDir() {
			raw, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			data = string(raw)
		}
		b.WriteString(path + " " + info.ModTime().String() + " " + strconv.Quote(data) + "\n")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestCiteCompletion(t *testing.T) {
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"__complete", "cite", ""}, []string{"tolipov\t", "cutler\t", "jamal\t", "cornell\t"}},
		{[]string{"__complete", "cite", "2", "--format", ""}, citeFormats},
		{[]string{"__complete", "cite", "2", "-f", "b"}, []string{"bibtex"}},
	} {
		r := analyst(t, c.args...)
		r.wantCode(t, 0)
		for _, w := range c.want {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("analyst %q offers no %q:\n%s", c.args, w, r.stdout)
			}
		}
		if !strings.Contains(r.stdout, ":4\n") {
			t.Errorf("analyst %q must not fall back to file names:\n%s", c.args, r.stdout)
		}
	}
	if r := analyst(t, "__complete", "cite", "2#"); strings.Contains(r.stdout, "#lead") {
		t.Errorf("cite completes sections, which it refuses:\n%s", r.stdout)
	}
}
