// Package generate makes a large library for measuring from one issue:
// tools/genlibrary is its command line, and the scale benchmarks call it.
// It is never part of analyst itself.
package generate

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Write writes a library of n issues made from the issue folder from into
// the folder out, which must not exist or be empty: the issue as it is,
// dated as its folder's name says (2026-01), then one a month going back,
// each with the paragraphs of every section in an order of its own (a
// fixed seed per issue), so that issues differ as real ones do while
// every sentence is the journal's.
func Write(out, from string, n int) error {
	if out == "" {
		return errors.New("no folder to write the library to")
	}
	if n < 1 {
		return errors.New("a library needs at least one issue")
	}
	src, err := readIssue(from)
	if err != nil {
		return err
	}
	start, err := time.Parse("2006-01", filepath.Base(from))
	if err != nil {
		return fmt.Errorf("%s: the folder's name is not a month (2026-01): %v", from, err)
	}
	if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty", out)
	}
	for i := range n {
		month := start.AddDate(0, -i, 0).Format("2006-01")
		if err := writeIssue(filepath.Join(out, month), month, src, i); err != nil {
			return err
		}
	}
	return nil
}

// NewestIssue is the last issue folder, by name, under dir.
func NewestIssue(dir string) (string, error) {
	matches, err := filepath.Glob(filepath.Join(dir, "*", "issue.md"))
	if err != nil || len(matches) == 0 {
		return "", fmt.Errorf("no issue under %s (run from the repository's top folder, or give -from)", dir)
	}
	sort.Strings(matches)
	return filepath.Dir(matches[len(matches)-1]), nil
}

// issueFiles is an issue folder's files by name.
type issueFiles map[string]string

func readIssue(dir string) (issueFiles, error) {
	files := issueFiles{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") || strings.Contains(path, "/") {
			return err
		}
		b, err := os.ReadFile(filepath.Join(dir, path))
		files[path] = string(b)
		return err
	})
	if _, ok := files["issue.md"]; err == nil && !ok {
		err = fmt.Errorf("%s has no issue.md", dir)
	}
	return files, err
}

// writeIssue writes issue i of the library: the source with its date set
// to month and, past the first, its paragraphs shuffled.
func writeIssue(dir, month string, src issueFiles, i int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, text := range src {
		switch {
		case name == "issue.md":
			text = setDate(text, month)
		case i > 0:
			text = shuffleParagraphs(text, rand.New(rand.NewPCG(uint64(i), uint64(len(name)))))
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// setDate replaces the date line of an issue.md.
func setDate(text, month string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "date:") {
			lines[i] = "date: " + month
			break
		}
	}
	return strings.Join(lines, "\n")
}

// shuffleParagraphs reorders the paragraphs within each part of an
// article's body (the lead, each "##" section), keeping the front matter,
// the headings and every paragraph's text.
func shuffleParagraphs(text string, rng *rand.Rand) string {
	// The front matter ends at the second "---" line.
	parts := strings.SplitN(text, "\n---\n", 2)
	if len(parts) != 2 {
		return text
	}
	head, body := parts[0]+"\n---\n", parts[1]
	var out []string
	var blocks []string
	flush := func() {
		rng.Shuffle(len(blocks), func(a, b int) { blocks[a], blocks[b] = blocks[b], blocks[a] })
		out = append(out, blocks...)
		blocks = nil
	}
	for _, block := range strings.Split(body, "\n\n") {
		if strings.TrimSpace(block) == "" {
			continue
		}
		if strings.HasPrefix(strings.TrimSpace(block), "## ") {
			flush()
			out = append(out, strings.TrimSpace(block))
			continue
		}
		blocks = append(blocks, strings.TrimSpace(block))
	}
	flush()
	return head + "\n" + strings.Join(out, "\n\n") + "\n"
}
