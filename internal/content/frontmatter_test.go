package content

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// plainAgreesWithYAML fails the test when plainEntries takes front matter
// lines that the YAML parser reads otherwise.
func plainAgreesWithYAML(t *testing.T, lines []string) bool {
	t.Helper()
	plain, ok := plainEntries(lines)
	if !ok {
		return false
	}
	var problems Problems
	parsed, ok := yamlEntries(lines, problemList{file: "x", list: &problems})
	if !ok || !slices.Equal(plain, parsed) {
		t.Errorf("%q:\nplain %+v\nYAML  %+v %v", lines, plain, parsed, problems)
	}
	return true
}

func TestPlainFrontMatterIsReadAsYAMLReadsIt(t *testing.T) {
	taken := []string{
		"title: The Armenia–Azerbaijan Peace Process Enters 2026\n",
		"title: Uzbekistan’s “Eurasian Five” and the C5+1\n",
		"author: Svante E. Cornell\n",
		"date: 2026-01\n",
		"title_source: editorial\n",
		"title: Yes\n",
		"title: 0x1F; 1e3 (or ~)\n",
		"title: Türkiye, Azerbaijan and Central Asia\n",
		"image_credit: Shutterstock / AP Photo\n",
	}
	for _, l := range taken {
		if !plainAgreesWithYAML(t, []string{l}) {
			t.Errorf("%q is plain text and should be read without the YAML parser", l)
		}
	}
	left := []string{
		"title: 'Quoted'\n", `title: "Quoted"` + "\n", "title: A # comment\n", "title: a: b\n",
		"title: [a, b]\n", "title: {a: b}\n", "title: &anchor x\n", "title: *alias\n", "title: !tag x\n",
		"title: |\n", "title: >\n", "title: - item\n", "title: ? key\n", "title: %x\n", "title: @x\n",
		"title: `x`\n", "title:  two spaces first\n", "title: two  spaces\n", "title: x \n",
		"title:\n", "title: a\u00a0b\n", "title: a\u2028b\n", "title: a\u0085b\n", "Title: capital key\n",
		"# a comment\n", "\n", "  title: indented\n", "title: x\tx\n", "title: a\\b\n",
	}
	for _, l := range left {
		if plainAgreesWithYAML(t, []string{l}) {
			t.Errorf("%q was read without the YAML parser", l)
		}
	}
}

// TestPlainFrontMatterOfTheShippedFiles: the files analyst ships take the
// fast path, and read as the YAML parser reads them.
func TestPlainFrontMatterOfTheShippedFiles(t *testing.T) {
	names, _ := filepath.Glob(filepath.Join("..", "..", "articles", "*", "*.md"))
	if len(names) < 5 {
		t.Fatalf("found %d files", len(names))
	}
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.SplitAfter(string(data), "\n")
		end := slices.IndexFunc(lines[1:], func(l string) bool { return l == "---\n" }) + 1
		if !plainAgreesWithYAML(t, lines[1:end]) {
			t.Errorf("%s does not take the fast path", n)
		}
	}
}

func FuzzPlainFrontMatter(f *testing.F) {
	for _, s := range []string{"title: A Title\n", "date: 2026-01\nauthor: X\n", "title: a: b\n", "t: x # y\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		plainAgreesWithYAML(t, strings.SplitAfter(src, "\n"))
	})
}
