package e2e

// The command line end to end: every test runs the built binary as a person
// or a script would, with its output going to pipes (never a terminal) and a
// clean environment.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"go.yaml.in/yaml/v3"
)

// result is what one run of the binary did.
type result struct {
	args           []string
	stdout, stderr string
	code           int
}

// runner is how to run the binary: extra environment variables ("NO_COLOR=1"),
// standard input, and the working folder (default: this package's).
type runner struct {
	env   []string
	stdin string
	dir   string
}

// analyst runs the binary with args in a clean environment.
func analyst(t *testing.T, args ...string) result {
	t.Helper()
	return runner{}.analyst(t, args...)
}

func (o runner) analyst(t *testing.T, args ...string) result {
	t.Helper()
	cmd := exec.Command(analystBin, args...)
	cmd.Env = append(cleanEnv(), o.env...)
	cmd.Dir = o.dir
	cmd.Stdin = strings.NewReader(o.stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	r := result{args: args, code: 0}
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("analyst %q: %v", args, err)
		}
		r.code = ee.ExitCode()
		if r.code < 0 {
			t.Fatalf("analyst %q was killed: %v\nstderr:\n%s", args, err, stderr.String())
		}
	}
	r.stdout, r.stderr = stdout.String(), stderr.String()
	// No command may ever show a person a Go crash.
	for _, out := range []string{r.stdout, r.stderr} {
		if strings.Contains(out, "goroutine ") || strings.Contains(out, "panic:") {
			t.Errorf("analyst %q crashed:\n%s", args, out)
		}
	}
	return r
}

// cleanEnv keeps only PATH and HOME: no TERM, no NO_COLOR, no
// CLICOLOR_FORCE, unless a test adds them.
func cleanEnv() []string {
	var env []string
	for _, k := range []string{"PATH", "HOME", "XDG_DATA_HOME"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	return env
}

// wantCode fails the test when the run did not exit with code.
func (r result) wantCode(t *testing.T, code int) {
	t.Helper()
	if r.code != code {
		t.Fatalf("analyst %q: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.args, r.code, code, r.stdout, r.stderr)
	}
}

// wantStderr fails the test when stderr lacks one of the parts.
func (r result) wantStderr(t *testing.T, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(r.stderr, p) {
			t.Errorf("analyst %q: stderr lacks %q:\n%s", r.args, p, r.stderr)
		}
	}
}

// wantNoStdout fails the test when an error run wrote to stdout.
func (r result) wantNoStdout(t *testing.T) {
	t.Helper()
	if r.stdout != "" {
		t.Errorf("analyst %q: stdout should be empty, got:\n%s", r.args, r.stdout)
	}
}

// ok runs the binary and fails the test unless it exits 0 quietly.
func ok(t *testing.T, args ...string) string {
	t.Helper()
	r := analyst(t, args...)
	r.wantCode(t, 0)
	if r.stderr != "" {
		t.Errorf("analyst %q: unexpected stderr:\n%s", args, r.stderr)
	}
	return r.stdout
}

// --- The embedded library, read independently of the program ---

const issueDir = "articles/2026-01"

// libArticle is one article file of articles/2026-01, as its front matter
// and headings say.
type libArticle struct {
	File        string
	Number      int
	Slug        string
	Title       string              `yaml:"title"`
	TitleSource string              `yaml:"title_source"`
	Author      string              `yaml:"author"`
	Sections    []string            // "## " headings, without the bio
	Paragraphs  map[string][]string // by heading; "" is the lead
	Words       int                 // of the lead and sections, not the bio
}

func (a libArticle) editorial() bool { return a.TitleSource == "editorial" }

var articleFile = regexp.MustCompile(`^(\d+)-([a-z]+)\.md$`)

// libraryArticles reads the article files of the embedded issue.
func libraryArticles(t *testing.T) []libArticle {
	t.Helper()
	entries, err := os.ReadDir(issueDir)
	if err != nil {
		t.Fatal(err)
	}
	var arts []libArticle
	for _, e := range entries {
		m := articleFile.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		src, err := os.ReadFile(filepath.Join(issueDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		parts := strings.SplitN(string(src), "---\n", 3)
		if len(parts) != 3 || parts[0] != "" {
			t.Fatalf("%s: no front matter", e.Name())
		}
		a := libArticle{File: e.Name(), Slug: m[2], Paragraphs: map[string][]string{}}
		a.Number, _ = strconv.Atoi(m[1])
		if err := yaml.Unmarshal([]byte(parts[1]), &a); err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		heading := ""
		for _, line := range strings.Split(parts[2], "\n") {
			if name, ok := strings.CutPrefix(line, "## "); ok {
				heading = name
				if name != "Author's Bio" {
					a.Sections = append(a.Sections, name)
				}
				continue
			}
			if strings.TrimSpace(line) == "" {
				continue
			}
			if heading == "" && len(a.Paragraphs[""]) == 0 {
				a.Sections = append(a.Sections, "Lead") // numbered first, as the reader shows it
			}
			a.Paragraphs[heading] = append(a.Paragraphs[heading], line)
			if heading != "Author's Bio" {
				a.Words += len(strings.Fields(line))
			}
		}
		arts = append(arts, a)
	}
	if len(arts) != 4 {
		t.Fatalf("%s has %d articles, want 4", issueDir, len(arts))
	}
	return arts
}

// flatten joins the words of a text with single spaces, so that wrapped
// output can be searched for a phrase.
func flatten(s string) string { return strings.Join(strings.Fields(s), " ") }

// hasLine reports whether s has a line that is text, spaces aside: a
// heading, which is a paragraph of its own.
func hasLine(s, text string) bool {
	for _, line := range strings.Split(s, "\n") {
		if strings.TrimSpace(line) == text {
			return true
		}
	}
	return false
}

// firstWords returns the first n words of a paragraph.
func firstWords(p string, n int) string {
	w := strings.Fields(p)
	return strings.Join(w[:min(n, len(w))], " ")
}

// --- list ---

// listRow splits the table of contents into its columns, which tabwriter
// separates with at least two spaces.
var columnGap = regexp.MustCompile(` {2,}`)

func listRows(t *testing.T, out string) [][]string {
	t.Helper()
	var rows [][]string
	for _, line := range strings.Split(out, "\n") {
		if line == "" || line[0] < '0' || line[0] > '9' {
			continue
		}
		cols := columnGap.Split(strings.TrimRight(line, " "), -1)
		if len(cols) != 7 {
			t.Fatalf("list row has %d columns, want 7: %q", len(cols), line)
		}
		rows = append(rows, cols)
	}
	return rows
}

func TestListShowsEveryArticle(t *testing.T) {
	arts := libraryArticles(t)
	authors := []string{"Farkhod Tolipov", "Robert M. Cutler", "Umair Jamal", "Svante E. Cornell"}
	out := ok(t, "list")
	if !strings.HasPrefix(out, "Central Asia-Caucasus Analyst, January 2026 (2026-01)\n") {
		t.Errorf("list does not start with the issue:\n%s", out)
	}
	rows := listRows(t, out)
	if len(rows) != len(arts) {
		t.Fatalf("list shows %d articles, want %d:\n%s", len(rows), len(arts), out)
	}
	for i, a := range arts {
		row := rows[i]
		title := a.Title
		if a.editorial() {
			title += " *"
		}
		minutes := (a.Words + 229) / 230
		want := []string{strconv.Itoa(a.Number), title, authors[i], strconv.Itoa(len(a.Sections)), strconv.Itoa(a.Words), strconv.Itoa(minutes), a.Slug}
		if !slices.Equal(row, want) {
			t.Errorf("list row %d:\n got %q\nwant %q", i+1, row, want)
		}
		if a.Author != authors[i] {
			t.Errorf("%s: author %q, want %q", a.File, a.Author, authors[i])
		}
	}
	if !strings.Contains(out, "\n* headline written for this edition") {
		t.Errorf("list lacks the note explaining *:\n%s", out)
	}
	// With no arguments analyst shows the same table of contents.
	if root := ok(t); root != out {
		t.Errorf("analyst with no arguments differs from analyst list:\n%s", root)
	}
}

// listJSON is one article of `list --json`.
type listJSON struct {
	Number      int      `json:"number"`
	Slug        string   `json:"slug"`
	Title       string   `json:"title"`
	TitleSource string   `json:"title_source"`
	Author      string   `json:"author"`
	Sections    []string `json:"sections"`
	Words       int      `json:"words"`
	Minutes     int      `json:"minutes"`
}

func TestListJSONAgreesWithText(t *testing.T) {
	out := ok(t, "list", "--json")
	var raw []map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("list --json is not JSON: %v\n%s", err, out)
	}
	for i, obj := range raw {
		for _, key := range []string{"number", "slug", "title", "title_source", "author", "sections", "words", "minutes"} {
			if _, ok := obj[key]; !ok {
				t.Errorf("list --json article %d lacks %q: %v", i, key, obj)
			}
		}
	}
	var got []listJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("list --json has the wrong types: %v", err)
	}
	rows := listRows(t, ok(t, "list"))
	if len(got) != len(rows) {
		t.Fatalf("list --json has %d articles, list %d", len(got), len(rows))
	}
	arts := libraryArticles(t)
	for i, a := range got {
		title := a.Title
		if a.TitleSource == "editorial" {
			title += " *"
		} else if a.TitleSource != "journal" {
			t.Errorf("article %d: title_source %q", a.Number, a.TitleSource)
		}
		text := []string{strconv.Itoa(a.Number), title, a.Author, strconv.Itoa(len(a.Sections)), strconv.Itoa(a.Words), strconv.Itoa(a.Minutes), a.Slug}
		if !slices.Equal(text, rows[i]) {
			t.Errorf("article %d: JSON says %q, text says %q", i+1, text, rows[i])
		}
		if !slices.Equal(a.Sections, arts[i].Sections) {
			t.Errorf("article %d: sections %q, the file has %q", i+1, a.Sections, arts[i].Sections)
		}
		if a.Title != arts[i].Title || a.Slug != arts[i].Slug || a.Number != arts[i].Number {
			t.Errorf("article %d: %d %q %q, the file is %d %q %q", i+1, a.Number, a.Slug, a.Title, arts[i].Number, arts[i].Slug, arts[i].Title)
		}
	}
}

// --- read ---

func TestReadFindsArticleByNumberSlugAndWord(t *testing.T) {
	want := ok(t, "read", "2")
	for _, ref := range []string{"cutler", "armenia", "Armenia", "2026-01/2", "robert"} {
		if got := ok(t, "read", ref); got != want {
			t.Errorf("read %s differs from read 2:\n%s", ref, got)
		}
	}
	if got := ok(t, "2"); got != want {
		t.Errorf("analyst 2 differs from analyst read 2")
	}
	cutler := libraryArticles(t)[1]
	flat := flatten(want)
	for _, part := range []string{cutler.Title, "By Robert M. Cutler", firstWords(cutler.Paragraphs[""][0], 12)} {
		if !strings.Contains(flat, part) {
			t.Errorf("read 2 lacks %q", part)
		}
	}
	for _, heading := range []string{"Background", "Implications", "Conclusions", "Author's Bio"} {
		if !hasLine(want, heading) {
			t.Errorf("read 2 lacks the heading %q", heading)
		}
	}
}

func TestReadSection(t *testing.T) {
	cutler := libraryArticles(t)[1]
	got := ok(t, "read", "2#implications")
	if flag := ok(t, "read", "2", "--section", "implications"); flag != got {
		t.Errorf("read 2 --section implications differs from read 2#implications:\n%s", flag)
	}
	if short := ok(t, "read", "cutler", "-s", "impl"); short != got {
		t.Errorf("read cutler -s impl differs from read 2#implications:\n%s", short)
	}
	if numbered := ok(t, "read", "2#3"); numbered != got {
		t.Errorf("read 2#3 (the third section, as the reader numbers them) differs from read 2#implications:\n%s", numbered)
	}
	flat := flatten(got)
	if !hasLine(got, "Implications") || !strings.Contains(flat, firstWords(cutler.Paragraphs["Implications"][0], 10)) {
		t.Errorf("read 2#implications lacks the Implications heading or text:\n%s", got)
	}
	for _, absent := range []string{firstWords(cutler.Paragraphs["Background"][0], 8), cutler.Title} {
		if strings.Contains(flat, absent) {
			t.Errorf("read 2#implications shows %q from outside the section", absent)
		}
	}
	for _, absent := range []string{"Background", "Conclusions"} {
		if hasLine(got, absent) {
			t.Errorf("read 2#implications shows the heading %q from outside the section", absent)
		}
	}
}

func TestReadConclusionsFindsConclusion(t *testing.T) {
	cornell := libraryArticles(t)[3]
	if !slices.Contains(cornell.Sections, "Conclusion") {
		t.Fatalf("the test expects Cornell's section to be named Conclusion: %q", cornell.Sections)
	}
	got := ok(t, "read", "4#conclusions")
	flat := flatten(got)
	if !hasLine(got, "Conclusion") || !strings.Contains(flat, firstWords(cornell.Paragraphs["Conclusion"][0], 10)) {
		t.Errorf("read 4#conclusions lacks Cornell's conclusion:\n%s", got)
	}
	if hasLine(got, "Implications") {
		t.Errorf("read 4#conclusions shows more than the section")
	}
	if exact := ok(t, "read", "4#conclusion"); exact != got {
		t.Errorf("read 4#conclusion differs from read 4#conclusions")
	}
}

func TestReadWrapsAtWidth(t *testing.T) {
	for _, c := range []struct {
		width int
		style []string
		env   []string
	}{
		{60, nil, nil},
		{60, []string{"--style", "notty"}, nil},
		{60, []string{"--style", "ascii"}, nil},
		{60, []string{"--style", "dark"}, nil},
		{60, []string{"--style", "light"}, []string{"CLICOLOR_FORCE=1"}},
		{20, nil, nil},
		{100, nil, nil},
		{0, nil, nil}, // a pipe: 80 columns
	} {
		limit := c.width
		if limit == 0 {
			limit = 80
		}
		for ref := 1; ref <= 4; ref++ {
			args := append([]string{"read", strconv.Itoa(ref)}, c.style...)
			if c.width > 0 {
				args = append(args, "--width", strconv.Itoa(c.width))
			}
			r := runner{env: c.env}.analyst(t, args...)
			r.wantCode(t, 0)
			widest := 0
			for i, line := range strings.Split(r.stdout, "\n") {
				w := lipgloss.Width(line) // display columns, escape codes skipped
				widest = max(widest, w)
				if w > limit {
					t.Errorf("analyst %q (%v): line %d is %d columns wide, more than %d: %q", args, c.env, i+1, w, limit, line)
				}
			}
			if widest < limit*3/4 {
				t.Errorf("analyst %q: the widest line is %d columns: the text is not wrapped at %d", args, widest, limit)
			}
		}
	}
}

// sgr matches the escape codes that set colours and text attributes.
var (
	sgr    = regexp.MustCompile("\x1b\\[([0-9;:]*)m")
	escape = regexp.MustCompile("\x1b\\[[0-9;:?]*[A-Za-z]")
)

// colourCodes returns the escape codes in s that set a colour.
func colourCodes(s string) []string {
	var found []string
	for _, m := range sgr.FindAllStringSubmatch(s, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			n, _ := strconv.Atoi(p)
			if (n >= 30 && n <= 38) || (n >= 40 && n <= 48) || (n >= 90 && n <= 97) || (n >= 100 && n <= 107) {
				found = append(found, m[0])
				break
			}
		}
	}
	return found
}

func TestReadInPipeHasNoEscapeCodes(t *testing.T) {
	for _, args := range [][]string{
		{"read", "2"},
		{"read", "2", "--style", "dark"},
		{"read", "2", "--style", "light"},
		{"read", "2", "--style", "notty"},
		{"read", "2", "--style", "ascii"},
		{"read", "2", "--style", "markdown"},
		{"3#conclusions"},
		{"list"},
		{"search", "Gabala"},
	} {
		r := analyst(t, args...) // dark and light say on stderr why they have no colours
		r.wantCode(t, 0)
		out := r.stdout
		if strings.Contains(out, "\x1b") {
			t.Errorf("analyst %q writes escape codes into a pipe: %q", args, out[:min(len(out), 200)])
		}
	}
	// NO_COLOR alone changes nothing in a pipe: there is no colour anyway.
	r := runner{env: []string{"NO_COLOR=1"}}.analyst(t, "read", "2", "--style", "dark")
	r.wantCode(t, 0)
	if strings.Contains(r.stdout, "\x1b") {
		t.Errorf("NO_COLOR=1 read --style dark writes escape codes into a pipe")
	}
}

func TestReadMarkdownStyle(t *testing.T) {
	cutler := libraryArticles(t)[1]
	out := ok(t, "read", "2", "--style", "markdown")
	if !strings.HasPrefix(out, "# "+cutler.Title+"\n") {
		t.Errorf("read --style markdown does not start with the title as \"# \": %q", out[:min(len(out), 100)])
	}
	for _, part := range []string{"\n## Background\n", "\n## Implications\n", "\nBy Robert M. Cutler", "\n" + cutler.Paragraphs["Background"][0] + "\n"} {
		if !strings.Contains(out, part) {
			t.Errorf("read --style markdown lacks %q", part)
		}
	}
	// An editorial title says so.
	if md := ok(t, "read", "1", "--style", "markdown"); !strings.Contains(md, "Headline written for this edition") {
		t.Errorf("read 1 --style markdown does not mark its editorial title:\n%s", md[:min(len(md), 300)])
	}
}

func TestReadAutoStyleFollowsCLICOLORFORCE(t *testing.T) {
	plain := ok(t, "read", "2")
	for _, args := range [][]string{{"read", "2"}, {"2"}} {
		// Forced colours in a pipe: the dark style, as in a terminal.
		dark := runner{env: []string{"CLICOLOR_FORCE=1"}}.analyst(t, "read", "2", "--style", "dark")
		for _, force := range []string{"1", "yes"} {
			r := runner{env: []string{"CLICOLOR_FORCE=" + force}}.analyst(t, args...)
			r.wantCode(t, 0)
			if len(colourCodes(r.stdout)) == 0 || r.stdout != dark.stdout {
				t.Errorf("CLICOLOR_FORCE=%s analyst %q is not the dark style in colour: %q", force, args, r.stdout[:min(len(r.stdout), 200)])
			}
		}
		// Not forced, or refused: the plain text.
		for _, env := range [][]string{{"CLICOLOR_FORCE=0"}, {"CLICOLOR_FORCE=1", "NO_COLOR=1"}} {
			r := runner{env: env}.analyst(t, args...)
			r.wantCode(t, 0)
			if r.stdout != plain {
				t.Errorf("%v analyst %q is not the plain text: %q", env, args, r.stdout[:min(len(r.stdout), 200)])
			}
		}
	}
}

func TestReadColourIsForcedAndRefused(t *testing.T) {
	plain := ok(t, "read", "2", "--style", "notty")
	for _, env := range [][]string{
		{"CLICOLOR_FORCE=1"},
		{"CLICOLOR_FORCE=1", "TERM=xterm-256color"},
		{"CLICOLOR_FORCE=1", "TERM=xterm-256color", "COLORTERM=truecolor"},
	} {
		r := runner{env: env}.analyst(t, "read", "2", "--style", "dark")
		r.wantCode(t, 0)
		if len(colourCodes(r.stdout)) == 0 {
			t.Errorf("%v read --style dark has no colours: %q", env, r.stdout[:min(len(r.stdout), 200)])
		}
		if got := escape.ReplaceAllString(r.stdout, ""); got != plain {
			t.Errorf("%v: without its escape codes the text differs from the plain text", env)
		}

		// NO_COLOR takes the colours away, whatever else is set.
		r = runner{env: append([]string{"NO_COLOR=1"}, env...)}.analyst(t, "read", "2", "--style", "dark")
		r.wantCode(t, 0)
		if codes := colourCodes(r.stdout); len(codes) > 0 {
			t.Errorf("NO_COLOR=1 %v read --style dark has colour codes: %q", env, codes[:min(len(codes), 5)])
		}
		if got := escape.ReplaceAllString(r.stdout, ""); got != plain {
			t.Errorf("NO_COLOR=1 %v: without its escape codes the text differs from the plain text", env)
		}
	}
}

// TestReadColoursInAPipeAreExplained: a style of colours asked for in a
// pipe prints the plain text and says on stderr why, and how to keep
// them; not when colours are forced, or refused by NO_COLOR, or not asked.
func TestReadColoursInAPipeAreExplained(t *testing.T) {
	plain := ok(t, "read", "2", "--style", "notty")
	for _, args := range [][]string{{"read", "2", "--style", "dark"}, {"2", "--style", "light"}} {
		r := analyst(t, args...)
		r.wantCode(t, 0)
		r.wantStderr(t, "--style "+args[len(args)-1]+": colours are for a terminal", "CLICOLOR_FORCE=1")
		if r.stdout != plain {
			t.Errorf("analyst %q in a pipe is not the plain text", args)
		}
	}
	for _, env := range [][]string{{"CLICOLOR_FORCE=1"}, {"NO_COLOR=1"}} {
		if r := (runner{env: env}).analyst(t, "read", "2", "--style", "dark"); r.code != 0 || r.stderr != "" {
			t.Errorf("%v read --style dark: exit %d, stderr %q", env, r.code, r.stderr)
		}
	}
	if r := analyst(t, "read", "2"); r.stderr != "" {
		t.Errorf("read 2 with the auto style says %q", r.stderr)
	}
}

// --- search ---

var matchLine = regexp.MustCompile(`^([a-z]+)#([a-z-]+)\t(.+)$`)

func TestSearch(t *testing.T) {
	const query = "abraham accords"
	out := ok(t, "search", query)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	jamal := libraryArticles(t)[2]
	// Every occurrence in the text (not the title) is one line.
	want := 0
	for _, ps := range jamal.Paragraphs {
		for _, p := range ps {
			want += strings.Count(strings.ToLower(p), query)
		}
	}
	if len(lines) != want || want == 0 {
		t.Errorf("search %q printed %d lines, the text has %d occurrences:\n%s", query, len(lines), want, out)
	}
	sections := map[string]bool{}
	for _, line := range lines {
		m := matchLine.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("search line is not ref<TAB>context: %q", line)
			continue
		}
		if m[1] != "jamal" {
			t.Errorf("search line names %q, the phrase is only in jamal: %q", m[1], line)
		}
		if !strings.Contains(strings.ToLower(m[3]), query) {
			t.Errorf("search context lacks %q: %q", query, m[3])
		}
		sections[m[1]+"#"+m[2]] = true
	}
	// Each reference opens a section that holds the context.
	for ref := range sections {
		text := flatten(ok(t, "read", ref, "--width", "1000"))
		for _, line := range lines {
			if m := matchLine.FindStringSubmatch(line); m != nil && m[1]+"#"+m[2] == ref {
				if ctx := strings.Trim(m[3], "…"); !strings.Contains(text, ctx) {
					t.Errorf("read %s lacks the search context %q", ref, ctx)
				}
			}
		}
	}
}

func TestSearchJSON(t *testing.T) {
	text := strings.Split(strings.TrimSuffix(ok(t, "search", "TRIPP"), "\n"), "\n")
	out := ok(t, "search", "TRIPP", "--json")
	var got []struct {
		Ref         string `json:"ref"`
		Slug        string `json:"slug"`
		Number      int    `json:"number"`
		TitleSource string `json:"title_source"`
		Section     string `json:"section"`
		Paragraph   int    `json:"paragraph"`
		Context     string `json:"context"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("search --json is not JSON: %v\n%s", err, out)
	}
	source := map[string]string{}
	for _, a := range libraryArticles(t) {
		source[a.Slug] = a.TitleSource
	}
	if len(got) != len(text) || len(got) == 0 {
		t.Fatalf("search --json has %d matches, the text output %d", len(got), len(text))
	}
	for i, m := range got {
		if line := m.Ref + "\t" + m.Context; line != text[i] {
			t.Errorf("match %d: JSON %q, text %q", i, line, text[i])
		}
		if !strings.HasPrefix(m.Ref, m.Slug+"#") || m.Number < 1 || m.Paragraph < 1 || m.Section == "" {
			t.Errorf("match %d is incomplete: %+v", i, m)
		}
		if !strings.Contains(m.Context, "TRIPP") {
			t.Errorf("match %d: context lacks the query: %q", i, m.Context)
		}
	}
	// As list --json says it: an editorial headline is never given as the
	// journal's title. Baku is in articles of both kinds.
	if err := json.Unmarshal([]byte(ok(t, "search", "Baku", "--json")), &got); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	for i, m := range got {
		if m.TitleSource != source[m.Slug] {
			t.Errorf("Baku, match %d (%s): title_source %q, the file says %q", i, m.Ref, m.TitleSource, source[m.Slug])
		}
		kinds[m.TitleSource] = true
	}
	if !kinds["editorial"] || !kinds["journal"] {
		t.Errorf("the matches for Baku are not in articles of both kinds: %v", kinds)
	}
}

func TestSearchPrintsEachContextOnce(t *testing.T) {
	// "e" occurs several times in most contexts: each context line is
	// printed once, standing for all the matches it shows.
	const query = "e"
	text := strings.Split(strings.TrimSuffix(ok(t, "search", query), "\n"), "\n")
	seen := map[string]bool{}
	for _, line := range text {
		if seen[line] {
			t.Fatalf("search %s prints %q more than once", query, line)
		}
		seen[line] = true
	}
	var got []struct {
		Ref     string `json:"ref"`
		Context string `json:"context"`
		Matches int    `json:"matches"`
	}
	out := ok(t, "search", query, "--json")
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("search --json is not JSON: %v", err)
	}
	if len(got) != len(text) {
		t.Fatalf("search --json has %d lines, the text output %d", len(got), len(text))
	}
	total, shared := 0, 0
	for i, m := range got {
		if line := m.Ref + "\t" + m.Context; line != text[i] {
			t.Errorf("line %d: JSON %q, text %q", i, line, text[i])
		}
		if m.Matches < 1 || m.Matches > strings.Count(strings.ToLower(m.Context), query) {
			t.Errorf("line %d: %d matches in %q", i, m.Matches, m.Context)
		}
		total += m.Matches
		if m.Matches > 1 {
			shared++
		}
	}
	if shared == 0 {
		t.Errorf("no line of search %s stands for more than one match", query)
	}
	// Every occurrence is counted once; the bios are not searched.
	want := 0
	for _, a := range libraryArticles(t) {
		for heading, ps := range a.Paragraphs {
			if heading == "Author's Bio" {
				continue
			}
			for _, p := range ps {
				want += strings.Count(strings.ToLower(p), query)
			}
		}
	}
	if total != want {
		t.Errorf("search %s --json counts %d matches, the text has %d", query, total, want)
	}
	// In colour, each match of a shared line is bold.
	r := runner{env: []string{"CLICOLOR_FORCE=1"}}.analyst(t, "search", query)
	r.wantCode(t, 0)
	for i, line := range strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n") {
		if n := strings.Count(line, "\x1b[1m"); i < len(got) && n != got[i].Matches {
			t.Errorf("line %d shows %d matches in bold, want %d: %q", i, n, got[i].Matches, line)
			break
		}
	}
}

func TestSearchWithoutMatches(t *testing.T) {
	r := analyst(t, "search", "no such phrase anywhere")
	r.wantCode(t, 1)
	r.wantNoStdout(t)
	r.wantStderr(t, "no matches", `"no such phrase anywhere"`)

	r = analyst(t, "search", "--json", "zzqx")
	r.wantCode(t, 1)
	if strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("search --json without matches: stdout %q, want []", r.stdout)
	}
}

func TestSearchWithoutQuery(t *testing.T) {
	for _, args := range [][]string{{"search"}, {"search", ""}, {"search", "   "}} {
		r := analyst(t, args...)
		r.wantCode(t, 2)
		r.wantNoStdout(t)
		r.wantStderr(t, "QUERY", "usage:")
	}
}

// --- errors ---

func TestReadUnknownArticle(t *testing.T) {
	r := analyst(t, "read", "xyz")
	r.wantCode(t, 1)
	r.wantNoStdout(t)
	r.wantStderr(t, `no article matches "xyz"`, "analyst list")
}

func TestReadAmbiguousReference(t *testing.T) {
	// "central" starts a word of two titles, and no author's name.
	var having []string
	for _, a := range libraryArticles(t) {
		if strings.Contains(strings.ToLower(a.Title+" "+a.Author), "central") {
			having = append(having, a.Slug)
		}
	}
	if !slices.Equal(having, []string{"tolipov", "jamal"}) {
		t.Fatalf("the test expects \"central\" in the titles of tolipov and jamal, not %q", having)
	}
	r := analyst(t, "read", "central")
	r.wantCode(t, 1)
	r.wantNoStdout(t)
	r.wantStderr(t, `"central" matches 2 articles`, "tolipov", "jamal")
	if strings.Contains(r.stderr, "cutler") || strings.Contains(r.stderr, "cornell") {
		t.Errorf("read central names articles that do not match:\n%s", r.stderr)
	}
}

func TestReadAmbiguousInOtherLibrary(t *testing.T) {
	// Two authors with one surname: the surname names neither article.
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "2026-02", "issue.md"), "---\npublication: Test Analyst\ndate: 2026-02\n---\n\nAbout.\n")
	for i, who := range []string{"Ann Smith", "Bob Smith"} {
		slug := strings.ToLower(strings.Fields(who)[0])
		writeFile(t, filepath.Join(dir, "2026-02", fmt.Sprintf("0%d-%s.md", i+1, slug)),
			fmt.Sprintf("---\ntitle: Article %d\nauthor: %s\n---\n\nLead.\n\n## Background\n\nText.\n", i+1, who))
	}
	r := analyst(t, "--dir", dir, "read", "smith")
	r.wantCode(t, 1)
	r.wantNoStdout(t)
	r.wantStderr(t, `"smith" matches 2 articles`, "Ann Smith", "Bob Smith")
	ok(t, "--dir", dir, "read", "ann")
}

func TestReadUnknownSection(t *testing.T) {
	r := analyst(t, "read", "2#nosuch")
	r.wantCode(t, 1)
	r.wantNoStdout(t)
	r.wantStderr(t, `"nosuch"`, "lead", "background", "implications", "conclusions", "bio")
}

func TestReadNumberOutOfRange(t *testing.T) {
	n := len(libraryArticles(t))
	for _, ref := range []string{"0", strconv.Itoa(n + 1), "999999999999999999999"} {
		for _, args := range [][]string{{"read", ref}, {ref}, {"read", "2026-01/" + ref}} {
			r := analyst(t, args...)
			r.wantCode(t, 1)
			r.wantNoStdout(t)
			r.wantStderr(t, "no article "+ref+":", fmt.Sprintf("has %d articles (1–%d)", n, n), "analyst list")
			if strings.Contains(r.stderr, "closest") {
				t.Errorf("analyst %q suggests articles for a number:\n%s", args, r.stderr)
			}
		}
	}
}

func TestEmptyReference(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"read", ""}, "empty"},
		{[]string{"read", " "}, "empty"},
		{[]string{""}, "empty"},
		{[]string{"read", "#lead"}, "before the #"},
		{[]string{"#implications"}, "before the #"},
		{[]string{"read", "#lead", "--section", "lead"}, "before the #"},
	} {
		r := analyst(t, c.args...)
		r.wantCode(t, 2)
		r.wantNoStdout(t)
		r.wantStderr(t, c.want, "usage:")
	}
}

func TestReadTwoSections(t *testing.T) {
	r := analyst(t, "read", "2#background", "--section", "implications")
	r.wantCode(t, 2)
	r.wantNoStdout(t)
	r.wantStderr(t, "2#background", "implications", "two different sections", "usage:")

	// One section asked for twice, in two spellings, is that section.
	want := ok(t, "read", "2#conclusions")
	for _, args := range [][]string{
		{"read", "2#conclusions", "--section", "conclusions"},
		{"read", "2#conclusion", "-s", "Conclusions"},
	} {
		if got := ok(t, args...); got != want {
			t.Errorf("analyst %q differs from read 2#conclusions", args)
		}
	}
}

func TestFlagValueErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"read", "2", "--width", "abc"}, `--width: "abc" is not a number`},
		{[]string{"read", "2", "-w", "abc"}, `--width: "abc" is not a number`},
		{[]string{"read", "2", "--width", "99999999999999999999"}, `--width: "99999999999999999999" is out of range`},
		{[]string{"list", "--json=maybe"}, `--json: "maybe" is not true or false`},
	} {
		r := analyst(t, c.args...)
		r.wantCode(t, 2)
		r.wantNoStdout(t)
		r.wantStderr(t, "analyst: "+c.want+"\n", "usage:")
		if strings.Contains(r.stderr, "strconv") || strings.Contains(r.stderr, "invalid syntax") {
			t.Errorf("analyst %q shows Go's parser message:\n%s", c.args, r.stderr)
		}
	}
}

func TestTooManyArguments(t *testing.T) {
	r := analyst(t, "1", "2")
	r.wantCode(t, 2)
	r.wantNoStdout(t)
	r.wantStderr(t, "at most one article reference", "usage:")
	if strings.Contains(r.stderr, "analyst: analyst") {
		t.Errorf("analyst 1 2 names the program twice:\n%s", r.stderr)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"read", "2", "--bogus"}, []string{"--bogus", "usage:"}},
		{[]string{"--bogus"}, []string{"--bogus"}},
		{[]string{"read"}, []string{"usage:"}},
		{[]string{"read", "2", "3"}, []string{"usage:"}},
		{[]string{"2", "3"}, []string{"usage:"}},
		{[]string{"list", "extra"}, []string{"extra", "usage:"}},
		{[]string{"check", "extra"}, []string{"usage:"}},
		{[]string{"version", "extra"}, []string{"usage:"}},
		{[]string{"read", "2", "--width", "5"}, []string{"--width", "usage:"}},
		{[]string{"read", "2", "--width", "wide"}, []string{"--width"}},
		{[]string{"read", "2", "--style", "neon"}, []string{"neon", "usage:"}},
		{[]string{"--style", "neon", "2"}, []string{"neon"}},
		{[]string{"lst"}, []string{"analyst list"}},
		{[]string{"import"}, []string{"FILE", "usage:"}},
		{[]string{"import", "x.txt", "--date", "2026-01", "--title", "two=Title"}, []string{"--title", "usage:"}},
		{[]string{"import", "x.txt", "--date", "2026-01", "--title", "2=A", "--title", "2=B"}, []string{"--title 2", `"A"`, `"B"`, "usage:"}},
	} {
		r := analyst(t, c.args...)
		r.wantCode(t, 2)
		r.wantNoStdout(t)
		r.wantStderr(t, c.want...)
	}
}

func TestDirThatDoesNotExist(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "does", "not", "exist")
	for _, cmd := range []string{"list", "check"} {
		for _, dir := range []string{"/does/not/exist", missing} {
			r := analyst(t, "--dir", dir, cmd)
			r.wantCode(t, 1)
			r.wantNoStdout(t)
			r.wantStderr(t, dir, "no such directory")
		}
		r := analyst(t, "--dir", "go.mod", cmd)
		r.wantCode(t, 1)
		r.wantStderr(t, "go.mod", "not a directory")
	}
	empty := t.TempDir()
	r := analyst(t, "--dir", empty, "list")
	r.wantCode(t, 1)
	r.wantStderr(t, empty, "no issues found")
	for _, args := range [][]string{{"--dir", "", "list"}, {"read", "2", "--dir", " "}, {"--dir=", "check"}} {
		r := analyst(t, args...)
		r.wantCode(t, 2)
		r.wantNoStdout(t)
		r.wantStderr(t, "--dir needs a folder")
	}
}

// --- other libraries ---

// copyDir copies the folder tree src to dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDirWithCopyOfLibrary(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, "articles", dir)
	for _, args := range [][]string{{"list"}, {"list", "--json"}, {"read", "2"}, {"read", "4#conclusions"}, {"search", "Gabala"}} {
		if got, want := ok(t, append([]string{"--dir", dir}, args...)...), ok(t, args...); got != want {
			t.Errorf("--dir with a copy of the library: %q differs from the embedded library's", args)
		}
	}
	out := ok(t, "--dir", dir, "check")
	if !strings.Contains(out, "4 article(s), no problems") {
		t.Errorf("check of a copy: %q", out)
	}
	// The folder is really read: a change to it shows.
	name := filepath.Join(dir, "2026-01", "02-cutler.md")
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(src), "title: The Armenia–Azerbaijan Peace Process Enters 2026", "title: A Title Only the Copy Has", 1)
	writeFile(t, name, changed)
	if out := ok(t, "--dir", dir, "list"); !strings.Contains(out, "A Title Only the Copy Has") {
		t.Errorf("--dir list does not show the copy's title:\n%s", out)
	}
}

// brokenProblems are the problems of testdata/broken, one a file, each
// with the line it is on.
var brokenProblems = []string{
	`02-unknown-key.md:4: unknown front matter key "colour"`,
	`03-no-title.md:1: missing "title"`,
	`04-bad-yaml.md:3: front matter is not valid YAML`,
	`05-no-sections.md:6: the article has no sections`,
	`06-empty-section.md:8: section "Background" has no text`,
	`07-title-heading.md:6: a level-1 heading "Title Heading"`,
	`08-twice.md:12: section "Background" appears twice (first on line 8)`,
	`09-open-fence.md:10: the code block opened with "` + "```" + `" here is never closed`,
	`10-title-source.md:3: title_source "invented" must be`,
	`11-no-front-matter.md:1: missing front matter`,
}

const brokenDir = "testdata/broken/2026-01/"

func TestDirWithBrokenArticles(t *testing.T) {
	r := analyst(t, "--dir", "testdata/broken", "list")
	r.wantCode(t, 0)
	rows := listRows(t, r.stdout)
	if len(rows) != 1 || rows[0][1] != "A Good Article Among Broken Ones" {
		t.Errorf("list of testdata/broken should show the one good article:\n%s", r.stdout)
	}
	for _, p := range brokenProblems {
		r.wantStderr(t, "analyst: warning: "+brokenDir+p)
	}
	if got := strings.Count(r.stderr, "warning: "); got != len(brokenProblems) {
		t.Errorf("list warned %d times, want %d:\n%s", got, len(brokenProblems), r.stderr)
	}
	read := runner{}.analyst(t, "--dir", "testdata/broken", "read", "good")
	read.wantCode(t, 0)
	if !strings.Contains(read.stdout, "The lead of the only article") {
		t.Errorf("read good in testdata/broken:\n%s", read.stdout)
	}
}

var problemLine = regexp.MustCompile(`^testdata/broken/2026-01/\d\d-[a-z-]+\.md:[1-9]\d*: \S`)

func TestCheck(t *testing.T) {
	out := ok(t, "check")
	if out != "articles: 1 issue(s), 4 article(s), no problems\n" {
		t.Errorf("check of the embedded library: %q", out)
	}

	r := analyst(t, "--dir", "testdata/broken", "check")
	r.wantCode(t, 1)
	r.wantNoStdout(t)
	for _, p := range brokenProblems {
		if !strings.Contains("\n"+r.stderr, "\n"+brokenDir+p) {
			t.Errorf("check does not report %s%s at the start of a line:\n%s", brokenDir, p, r.stderr)
		}
	}
	r.wantStderr(t, fmt.Sprintf("analyst: testdata/broken: %d problem(s)", len(brokenProblems)))
	lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
	for _, line := range lines[:len(lines)-1] {
		if !problemLine.MatchString(line) {
			t.Errorf("check problem without file and line: %q", line)
		}
	}
}

// --- import ---

const (
	seedFile  = "testdata/seed/000_39dc9ad1225c2275.txt"
	seedTitle = "2=The Armenia–Azerbaijan Peace Process Enters 2026"
)

// importArgs are the arguments that import the seed text into out.
func importArgs(file, out string, more ...string) []string {
	return append([]string{"import", file, "--date", "2026-01", "--title", seedTitle, "--out", out}, more...)
}

// dirFiles returns the names and contents of the files in dir.
func dirFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = string(data)
	}
	return files
}

// wantOnly fails unless dir holds exactly the entries names.
func wantOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if !slices.Equal(got, names) {
		t.Errorf("%s holds %q, want %q", dir, got, names)
	}
}

// wantLibraryFiles checks that an imported issue folder holds the files of
// articles/2026-01, identical but for the titles the editors wrote.
func wantLibraryFiles(t *testing.T, dir string) {
	t.Helper()
	want, got := dirFiles(t, issueDir), dirFiles(t, dir)
	if len(got) != len(want) {
		t.Errorf("import wrote %d files, the library has %d", len(got), len(want))
	}
	editorial := 0
	for name, w := range want {
		g, ok := got[name]
		switch {
		case !ok:
			t.Errorf("import did not write %s", name)
		case !strings.Contains(w, "\ntitle_source: editorial\n"):
			if g != w {
				t.Errorf("%s differs from %s/%s:\n%s", name, issueDir, name, g)
			}
		default:
			editorial++
			if !strings.Contains(g, "\ntitle_source: editorial\n") {
				t.Errorf("%s: the import does not mark its draft title editorial", name)
			}
			gl, wl := strings.Split(g, "\n"), strings.Split(w, "\n")
			if len(gl) != len(wl) {
				t.Errorf("%s has %d lines, the library's %d", name, len(gl), len(wl))
				continue
			}
			for i := range wl {
				if gl[i] != wl[i] && !(strings.HasPrefix(gl[i], "title: ") && strings.HasPrefix(wl[i], "title: ") && len(gl[i]) > len("title: ")) {
					t.Errorf("%s:%d: %q, the library has %q", name, i+1, gl[i], wl[i])
				}
			}
		}
	}
	if editorial != 3 {
		t.Errorf("the library has %d editorial titles, want 3", editorial)
	}
}

func TestImportRecreatesLibrary(t *testing.T) {
	out := t.TempDir()
	r := analyst(t, importArgs(seedFile, out)...)
	r.wantCode(t, 0)
	r.wantStderr(t, "imported 4 articles into "+filepath.Join(out, "2026-01"))
	wantOnly(t, out, "2026-01")
	wantLibraryFiles(t, filepath.Join(out, "2026-01"))
	if check := ok(t, "--dir", out, "check"); !strings.Contains(check, "4 article(s), no problems") {
		t.Errorf("check of the import: %q", check)
	}
}

func TestImportOverExistingIssue(t *testing.T) {
	out := t.TempDir()
	analyst(t, importArgs(seedFile, out)...).wantCode(t, 0)
	issue := filepath.Join(out, "2026-01", "issue.md")
	writeFile(t, issue, "edited by hand\n")

	r := analyst(t, importArgs(seedFile, out)...)
	r.wantCode(t, 1)
	r.wantStderr(t, filepath.Join(out, "2026-01"), "already exists", "--force")
	if data, _ := os.ReadFile(issue); string(data) != "edited by hand\n" {
		t.Errorf("a refused import changed issue.md: %q", data)
	}

	analyst(t, importArgs(seedFile, out, "--force")...).wantCode(t, 0)
	wantOnly(t, out, "2026-01") // no temporary or replaced folder left over
	wantLibraryFiles(t, filepath.Join(out, "2026-01"))
}

func TestImportDryRun(t *testing.T) {
	out := filepath.Join(t.TempDir(), "library")
	r := analyst(t, importArgs(seedFile, out, "--dry-run")...)
	r.wantCode(t, 0)
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("import --dry-run created %s (%v)", out, err)
	}
	// It prints exactly the files an import writes, issue.md first.
	written := t.TempDir()
	analyst(t, importArgs(seedFile, written)...).wantCode(t, 0)
	files := dirFiles(t, filepath.Join(written, "2026-01"))
	want := fmt.Sprintf("==> 2026-01/issue.md <==\n%s\n", files["issue.md"])
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for n := range files {
			if n != "issue.md" && !yield(n) {
				return
			}
		}
	}) {
		want += fmt.Sprintf("==> 2026-01/%s <==\n%s\n", name, files[name])
	}
	if r.stdout != want {
		t.Errorf("import --dry-run printed:\n%s\nwant:\n%s", r.stdout, want)
	}
}

func TestImportFromStdin(t *testing.T) {
	seed, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	r := runner{stdin: string(seed)}.analyst(t, importArgs("-", out)...)
	r.wantCode(t, 0)
	wantLibraryFiles(t, filepath.Join(out, "2026-01"))
}

func TestImportStopsOnUnplacedText(t *testing.T) {
	seed, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(seed), "\n")
	cutlerBio := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "BIO: Robert M. Cutler") })
	newsletter := slices.Index(lines, "Newsletter")
	if cutlerBio < 0 || newsletter < 0 {
		t.Fatal("the seed text has changed: no Cutler bio or Newsletter line")
	}
	insert := func(at int, text string) string {
		return strings.Join(slices.Insert(slices.Clone(lines), at, text), "\n")
	}
	for _, c := range []struct {
		name, raw string
		line      int
		want      string
	}{
		{"before the first byline", "An unknown paragraph.\n\n" + string(seed), 1, `text before the first "By Author" line`},
		{"after a bio", insert(cutlerBio+1, "A stray paragraph after the bio."), cutlerBio + 2, "text after the author's bio"},
		{"among the menus", insert(newsletter+1, "Subscribe to our podcast"), newsletter + 2, "text after the author's bio"},
		{"in Windows-1252", insert(cutlerBio, "A \x93quoted\x94 paragraph."), cutlerBio + 1, "text that is not UTF-8"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			raw := filepath.Join(dir, "raw.txt")
			writeFile(t, raw, c.raw)
			out := filepath.Join(dir, "library")
			r := analyst(t, importArgs(raw, out)...)
			r.wantCode(t, 1)
			r.wantNoStdout(t)
			r.wantStderr(t, fmt.Sprintf("%s:%d: %s", raw, c.line, c.want), "nothing was written")
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("a stopped import created %s (%v)", out, err)
			}
		})
	}
}

func TestImportMissingFile(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-issue.txt")
	r := analyst(t, importArgs(missing, t.TempDir())...)
	r.wantCode(t, 1)
	r.wantNoStdout(t)
	r.wantStderr(t, missing)
	r = analyst(t, "import", missing) // no --date: the missing file is the one thing to say
	r.wantCode(t, 1)
	if r.stderr != "analyst: "+missing+": no such file\n" {
		t.Errorf("import of a missing file without --date says:\n%s", r.stderr)
	}
}

func TestImportBadDate(t *testing.T) {
	for _, date := range []string{"2026-13", "26-01", "January"} {
		out := filepath.Join(t.TempDir(), "library")
		r := analyst(t, "import", seedFile, "--date", date, "--out", out)
		r.wantCode(t, 2)
		r.wantNoStdout(t)
		r.wantStderr(t, "--date", date)
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("import --date %s created %s", date, out)
		}
	}
}

func TestImportRefusesControlCharactersInFlags(t *testing.T) {
	for _, c := range []struct{ flag, value, want string }{
		{"--title", "2=Peace\x1b[2J", "--title 2 has a control character, U+001B (ESC)"},
		{"--publication", "The \x07Analyst", "--publication has a control character, U+0007"},
	} {
		out := filepath.Join(t.TempDir(), "library")
		r := analyst(t, "import", seedFile, "--date", "2026-01", "--out", out, c.flag, c.value)
		r.wantCode(t, 2)
		r.wantStderr(t, c.want)
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("import %s %q created %s", c.flag, c.value, out)
		}
	}
}

// --- version and help ---

func TestVersion(t *testing.T) {
	out := ok(t, "version")
	if !regexp.MustCompile(`^analyst version \S+`).MatchString(out) {
		t.Errorf("analyst version: %q", out)
	}
	if flag := ok(t, "--version"); flag != out {
		t.Errorf("analyst --version prints %q, analyst version %q", flag, out)
	}
}

func TestHelp(t *testing.T) {
	for _, cmd := range []string{"", "list", "read", "search", "cite", "import", "check", "version"} {
		args := []string{"--help"}
		if cmd != "" {
			args = []string{cmd, "--help"}
		}
		out := ok(t, args...)
		if !strings.Contains(out, "analyst "+cmd) || !strings.Contains(out, "USAGE") {
			t.Errorf("analyst %q does not show the usage of %q:\n%s", args, cmd, out)
		}
		if cmd != "" {
			if short := ok(t, cmd, "-h"); short != out {
				t.Errorf("analyst %s -h differs from --help", cmd)
			}
			if help := ok(t, "help", cmd); help != out {
				t.Errorf("analyst help %s differs from %s --help", cmd, cmd)
			}
		}
	}
}

// --- shell completion ---

func TestCompletion(t *testing.T) {
	for _, c := range []struct {
		args []string
		want []string
	}{
		// A headline written for this edition is in brackets; the
		// journal's title is as it is.
		{[]string{"__complete", "read", ""}, []string{"tolipov\t[Rumors of a Russian Bid", "cutler\tThe Armenia–Azerbaijan", "jamal\t[", "cornell\t["}},
		{[]string{"__complete", "read", "2#"}, []string{"2#lead\tLead", "2#implications\tImplications", "2#bio\tAuthor's Bio"}},
		{[]string{"__complete", "cornell#"}, []string{"cornell#conclusion\tConclusion"}},
		{[]string{"__complete", "read", "cornell", "--section", ""}, []string{"lead\tLead", "conclusion\tConclusion"}},
		{[]string{"__complete", "read", "2", "--style", ""}, []string{"auto", "notty", "markdown"}},
		{[]string{"__complete", "--style", ""}, []string{"dark", "light"}},
	} {
		r := analyst(t, c.args...) // cobra reports the directive on stderr
		r.wantCode(t, 0)
		out := r.stdout
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("analyst %q offers no %q:\n%s", c.args, w, out)
			}
		}
		if !strings.Contains(out, ":4\n") {
			t.Errorf("analyst %q must not fall back to file names:\n%s", c.args, out)
		}
	}
	if out := ok(t, "completion", "bash"); !strings.Contains(out, "__start_analyst") {
		t.Errorf("completion bash prints no bash completion script")
	}
}
