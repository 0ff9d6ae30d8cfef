package e2e

// `analyst glossary` end to end: the built binary's glossary, its JSON read
// by jq, its references opened by read, in pipes and in terminals of
// several widths.

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// glossaryRow is one object of `glossary --json`.
type glossaryRow struct {
	Abbr        string   `json:"abbr"`
	Long        string   `json:"long"`
	Issue       string   `json:"issue"`
	Article     string   `json:"article"`
	Section     string   `json:"section"`
	Ref         string   `json:"ref"`
	Paragraph   int      `json:"paragraph"`
	Uses        int      `json:"uses"`
	Unexplained bool     `json:"unexplained"`
	UsedIn      []string `json:"used_in"`
}

// glossaryJSON runs `glossary ARGS --json` and reads it with jq, which
// must find it valid and give every field of every object.
func glossaryJSON(t *testing.T, args ...string) []glossaryRow {
	t.Helper()
	out := ok(t, append(append([]string{"glossary"}, args...), "--json")...)
	needTools(t, "jq")
	jq := exec.Command("jq", "-c", `.[] | {abbr, long, issue, article, section, ref, paragraph, uses, used_in}`)
	jq.Stdin = strings.NewReader(out)
	lines, err := jq.Output()
	if err != nil {
		t.Fatalf("jq cannot read glossary --json: %v\n%s", err, out)
	}
	var rows []glossaryRow
	for _, line := range strings.Split(strings.TrimSpace(string(lines)), "\n") {
		if line == "" {
			continue
		}
		var r glossaryRow
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("jq's line %q: %v", line, err)
		}
		if strings.Contains(line, ":null") {
			t.Errorf("a field is missing or null: %s", line)
		}
		rows = append(rows, r)
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestGlossaryDefinitionsOpenWithRead: every definition the glossary lists
// is where its ref says: read REF shows "long form (ABBR)"; and the issue
// has the 14 definitions and 11 abbreviations never spelled out that the
// README counts.
func TestGlossaryDefinitionsOpenWithRead(t *testing.T) {
	rows := glossaryJSON(t)
	defined, notSpelled := 0, 0
	for _, r := range rows {
		if r.Long == "" {
			notSpelled++
			if r.Article != "" || r.Ref != "" || r.Paragraph != 0 || r.Uses == 0 || len(r.UsedIn) == 0 {
				t.Errorf("%s, not spelled out, yet %+v", r.Abbr, r)
			}
			continue
		}
		defined++
		if r.Issue != "2026-01" || !strings.HasPrefix(r.Ref, r.Article+"#") || r.Section == "" || r.Paragraph < 1 {
			t.Errorf("%s: %+v", r.Abbr, r)
		}
		text := flatten(ok(t, "read", r.Ref, "--width", "1000"))
		if !strings.Contains(text, r.Long+" ("+r.Abbr+")") {
			t.Errorf("read %s has no %q", r.Ref, r.Long+" ("+r.Abbr+")")
		}
	}
	if defined != 14 || notSpelled != 11 {
		t.Errorf("%d definitions and %d not spelled out, want 14 and 11", defined, notSpelled)
	}
}

// TestGlossaryREADMEExample: the README shows what the command prints.
func TestGlossaryREADMEExample(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	const prompt = "$ analyst glossary tolipov\n"
	_, example, found := strings.Cut(string(readme), prompt)
	example, _, closed := strings.Cut(example, "```")
	if !found || !closed {
		t.Fatalf("the README has no example of %q", prompt)
	}
	if got := ok(t, "glossary", "tolipov"); got != example {
		t.Errorf("the README shows\n%s\nanalyst glossary tolipov prints\n%s", example, got)
	}
}

// TestGlossaryTextAgreesWithJSON: the printed glossary has a row for each
// object, in the same order, and its heading counts them.
func TestGlossaryTextAgreesWithJSON(t *testing.T) {
	text := ok(t, "glossary")
	lines := strings.Split(text, "\n")
	if !strings.HasPrefix(lines[0], "Central Asia-Caucasus Analyst, January 2026 (2026-01): 14 definitions of 12 abbreviations; 11 more not spelled out") {
		t.Errorf("heading %q", lines[0])
	}
	rows := glossaryJSON(t)
	for _, r := range rows {
		var want *regexp.Regexp
		if r.Long != "" {
			want = regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(r.Abbr) + ` +` + regexp.QuoteMeta(r.Long) + ` +` + regexp.QuoteMeta(r.Ref) + ` +` + strconv.Itoa(r.Uses) + `$`)
		} else {
			want = regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(r.Abbr) + ` +` + strconv.Itoa(r.Uses) + ` +` + regexp.QuoteMeta(strings.Join(r.UsedIn, ", ")) + `$`)
		}
		if len(want.FindAllString(text, -1)) != 1 {
			t.Errorf("not one row %s:\n%s", want, text)
		}
	}
	// A heading, two tables with their headers, a blank line before each, and the line that names the second.
	if n := len(lines) - 1; n != len(rows)+7 {
		t.Errorf("%d lines for %d objects:\n%s", n, len(rows), text)
	}
	if !strings.Contains(text, "\nNot spelled out in this issue:\n") {
		t.Errorf("no not-spelled-out list:\n%s", text)
	}
}

// TestGlossaryOfAnArticle: what one article defines or uses, with the
// uses in it.
func TestGlossaryOfAnArticle(t *testing.T) {
	rows := glossaryJSON(t, "jamal")
	got := map[string]glossaryRow{}
	var isf []string
	for _, r := range rows {
		got[r.Abbr] = r
		if r.Abbr == "ISF" {
			isf = append(isf, r.Long+"@"+r.Ref)
		}
		if len(r.UsedIn) > 1 || (len(r.UsedIn) == 1 && r.UsedIn[0] != "jamal") {
			t.Errorf("%s: used in %q, want jamal", r.Abbr, r.UsedIn)
		}
	}
	if want := "International Stabilization Force@jamal#background Islamic Security Forces@jamal#implications"; strings.Join(isf, " ") != want {
		t.Errorf("ISF: %q, want %q", isf, want)
	}
	if got["IMEC"].Uses != 4 || got["U.S."].Uses != 13 || got["U.S."].Long != "" {
		t.Errorf("IMEC %+v, U.S. %+v", got["IMEC"], got["U.S."])
	}
	for _, other := range []string{"CACO", "OTS", "TRIPP", "CIS"} {
		if _, ok := got[other]; ok {
			t.Errorf("jamal does not use %s", other)
		}
	}
	text := ok(t, "glossary", "3")
	if !strings.HasPrefix(text, "jamal (Umair Jamal), January 2026: 11 abbreviations") || strings.Contains(text, "USED IN") {
		t.Errorf("glossary 3:\n%s", text)
	}
}

// writeIssue writes an issue folder of articles (slug -> body) in dir.
func writeIssue(t *testing.T, dir, issue string, articles ...[2]string) {
	t.Helper()
	writeFile(t, filepath.Join(dir, issue, "issue.md"), "---\npublication: Test Analyst\ndate: "+issue+"\n---\n\nAbout.\n")
	for i, a := range articles {
		writeFile(t, filepath.Join(dir, issue, fmt.Sprintf("%02d-%s.md", i+1, a[0])),
			fmt.Sprintf("---\ntitle: Article %d\ntitle_source: journal\nauthor: Author %s\n---\n\n%s", i+1, a[0], a[1]))
	}
}

// TestGlossaryLibraryOfIssues: each issue has its own glossary, a
// definition in one article explains another's uses, and references into
// an older issue name it.
func TestGlossaryLibraryOfIssues(t *testing.T) {
	dir := t.TempDir()
	writeIssue(t, dir, "2025-12",
		[2]string{"ann", "Lead.\n\n## Background\n\nIt joined the Eurasian Economic Union (EAEU).\n"},
		[2]string{"bob", "Lead.\n\n## Background\n\nThe EAEU and the EAEU again.\n"})
	writeIssue(t, dir, "2026-01",
		[2]string{"cy", "Lead.\n\n## Background\n\nThe Islamic Security Forces (ISF) and the CIS.\n"})
	newest := glossaryJSON(t, "--dir", dir)
	if len(newest) != 2 || newest[0].Abbr != "CIS" || newest[1].Long != "Islamic Security Forces" || newest[1].Ref != "cy#background" {
		t.Errorf("the newest issue's glossary: %+v", newest)
	}
	older := glossaryJSON(t, "--dir", dir, "2025-12")
	if len(older) != 1 || older[0].Ref != "2025-12/ann#background" || older[0].Uses != 2 || strings.Join(older[0].UsedIn, " ") != "2025-12/bob" {
		t.Errorf("the older issue's glossary: %+v", older)
	}
	bob := glossaryJSON(t, "--dir", dir, "bob")
	if len(bob) != 1 || bob[0].Article != "2025-12/ann" || bob[0].Uses != 2 {
		t.Errorf("bob's glossary: %+v", bob)
	}
	// The reference it gives opens the definition.
	if text := flatten(ok(t, "--dir", dir, "read", older[0].Ref, "--width", "200")); !strings.Contains(text, "Eurasian Economic Union (EAEU)") {
		t.Errorf("read %s: %s", older[0].Ref, text)
	}
	if r := analyst(t, "--dir", dir, "__complete", "glossary", ""); !strings.Contains(r.stdout, "2025-12\t") || !strings.Contains(r.stdout, "bob\t") {
		t.Errorf("completion offers no issue or article:\n%s", r.stdout)
	}
}

// TestGlossaryWithoutAbbreviations says so, and succeeds.
func TestGlossaryWithoutAbbreviations(t *testing.T) {
	dir := t.TempDir()
	writeIssue(t, dir, "2026-02", [2]string{"plain", "A lead (in 2004).\n\n## Background\n\nNothing in capitals (see below) here, Türkiye.\n"})
	if out := ok(t, "--dir", dir, "glossary"); !strings.Contains(out, "(2026-02): the issue has no abbreviations.") {
		t.Errorf("glossary of an issue without abbreviations:\n%s", out)
	}
	if out := ok(t, "--dir", dir, "glossary", "plain"); !strings.Contains(out, "the article defines and uses no abbreviations.") {
		t.Errorf("glossary of an article without abbreviations:\n%s", out)
	}
	if rows := glossaryJSON(t, "--dir", dir); len(rows) != 0 {
		t.Errorf("JSON: %+v", rows)
	}
	if out := ok(t, "--dir", dir, "glossary", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("JSON of no abbreviations: %q", out)
	}
}

// TestGlossaryOfAnIssueThatDoesNotExist: an issue, alone or before an
// article, is named as missing, with the issues there are.
func TestGlossaryOfAnIssueThatDoesNotExist(t *testing.T) {
	for _, ref := range []string{"2027-01", "2027-01/2"} {
		r := analyst(t, "glossary", ref)
		r.wantCode(t, 1)
		r.wantNoStdout(t)
		r.wantStderr(t, "no issue 2027-01: the library has the issue 2026-01")
	}
}

func TestGlossaryUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"glossary", "1", "2"}, []string{"too many arguments", "at most one reference"}},
		{[]string{"glossary", "2#background"}, []string{"whole article", "without #background"}},
		{[]string{"glossary", "--json=maybe"}, []string{"--json"}},
		{[]string{"glossary", "--width", "40"}, []string{"unknown flag"}},
	} {
		r := analyst(t, c.args...)
		r.wantCode(t, 2)
		r.wantNoStdout(t)
		r.wantStderr(t, append(c.want, "usage: analyst glossary [REF]")...)
	}
}

func TestGlossaryHelpAndCompletion(t *testing.T) {
	help := ok(t, "glossary", "--help")
	for _, want := range []string{"analyst glossary [REF]", "USAGE", "never spells out", "--json", "analyst glossary jamal", "one JSON array"} {
		if !strings.Contains(flatten(help), want) {
			t.Errorf("glossary --help lacks %q:\n%s", want, help)
		}
	}
	// The output is one array (jq '.[]' reads it), not an object a line.
	if strings.Contains(flatten(help), "each line is an object") {
		t.Errorf("glossary --help says the JSON is an object a line:\n%s", help)
	}
	if root := ok(t, "--help"); !strings.Contains(root, "glossary") {
		t.Errorf("analyst --help does not list glossary:\n%s", root)
	}
	r := analyst(t, "__complete", "glossary", "")
	r.wantCode(t, 0)
	for _, w := range []string{"tolipov\t", "cutler\t", "jamal\t", "cornell\t", ":4\n"} {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("completion lacks %q:\n%s", w, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "2026-01") {
		t.Errorf("a library of one issue offers the issue:\n%s", r.stdout)
	}
}

// TestGlossaryFitsTheTerminal runs `analyst glossary` in terminals of three
// widths: every row fits, abbreviations are never cut, long forms are cut
// with … when they must, and the other columns give way when they do not
// leave a long form room enough.
func TestGlossaryFitsTheTerminal(t *testing.T) {
	for _, w := range []int{120, 60, 40} {
		tm := startPane(t, w, 50, "EXIT", readerCommand(t, nil, "glossary"))
		code, s := tm.waitExit(screenDeadline)
		if code != "0" {
			t.Fatalf("%d columns: exit status %s\n%s", w, code, s)
		}
		header := ""
		for _, row := range s {
			if n := ansi.StringWidth(row); n > w {
				t.Errorf("%d columns: a row %d cells wide: %q", w, n, row)
			}
			if strings.HasPrefix(row, "ABBR ") && header == "" {
				header = row
			}
		}
		if !s.has("Not spelled out in this issue:") || !s.has("EvrAzES  Eurasian Economic") || !s.has("CMHS     Consultative") {
			t.Errorf("%d columns: rows missing:\n%s", w, s)
		}
		switch {
		case w >= 120 && (!s.has("Consultative Meetings of the Heads of State of Central Asia  tolipov#implications  3") || !strings.Contains(header, "USES")):
			t.Errorf("at %d columns the whole table fits:\n%s", w, s)
		case w == 60 && (!strings.Contains(header, "DEFINED IN") || strings.Contains(header, "USES") || !s.has("CMHS     Consultative Meetings of the…  tolipov#implications")):
			t.Errorf("at 60 columns the uses give way, long forms are cut: %q\n%s", header, s)
		case w == 40 && (strings.Contains(header, "DEFINED IN") || !s.has("CMHS     Consultative Meetings of the…")):
			t.Errorf("at 40 columns only abbreviations and long forms stay: %q\n%s", header, s)
		}
	}
}
