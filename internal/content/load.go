package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// IssueFile is the name of the file that describes an issue.
const IssueFile = "issue.md"

// Front matter keys, in the order the importer writes them.
var (
	issueKeys   = []string{"publication", "date"}
	articleKeys = []string{"title", "title_source", "author", "image_credit"}
)

// articleName matches an article file name: "01-tolipov.md"; the slug
// after the hyphen must pass isSlug.
var articleName = regexp.MustCompile(`^(\d{1,3})-(.+)\.md$`)

var asciiSlug = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// isSlug reports whether s can be an article's slug: lower-case ASCII
// letters, digits and hyphens, or any name that Slugify leaves as it is,
// so that an author's name outside ASCII ("02-türk.md", as the importer
// writes it) is a slug too.
func isSlug(s string) bool { return asciiSlug.MatchString(s) || Slugify(s) == s }

// Load reads a library from fsys: every folder at its root that holds an
// issue.md is an issue. root is how the library is named in messages (for
// example "articles" or the --dir path).
//
// One bad file does not hide the good ones: Load returns every issue and
// article it could read, and every problem it found as Problems (nil when
// there were none).
func Load(fsys fs.FS, root string) (*Library, error) {
	var problems Problems
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return &Library{}, Problems{{File: root, Msg: readError(err)}}
	}
	lib := &Library{}
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if _, err := fs.Stat(fsys, path.Join(e.Name(), IssueFile)); err != nil {
			continue // not an issue folder
		}
		is := loadIssue(fsys, root, e.Name(), &problems)
		if is != nil {
			lib.Issues = append(lib.Issues, is)
		}
	}
	sort.SliceStable(lib.Issues, func(i, j int) bool {
		if !lib.Issues[i].Date.Equal(lib.Issues[j].Date) {
			return lib.Issues[i].Date.Before(lib.Issues[j].Date)
		}
		return lib.Issues[i].Slug < lib.Issues[j].Slug
	})
	if len(lib.Issues) == 0 && len(problems) == 0 {
		problems = append(problems, Problem{File: root, Msg: "no issues found: expected folders with an " + IssueFile})
	}
	if len(problems) > 0 {
		return lib, problems
	}
	return lib, nil
}

// loadIssue reads one issue folder: its issue.md and its article files.
// Slugs are unique within an issue; authors come back from issue to issue.
func loadIssue(fsys fs.FS, root, dir string, problems *Problems) *Issue {
	file := path.Join(root, dir, IssueFile)
	pl := problemList{file: file, list: problems}
	src, err := fs.ReadFile(fsys, path.Join(dir, IssueFile))
	if err != nil {
		pl.add(0, "%s", readError(err))
		return nil
	}
	text := string(src)
	if checkControls(text, pl) {
		// Reported, and the issue kept without them, as it is kept
		// without a publication: dropping it would hide its articles.
		text = StripControls(text)
	}
	fm := splitFrontMatter(text, issueKeys, pl)
	if fm == nil {
		return nil
	}
	is := &Issue{
		Slug:        dir,
		Publication: fm.get("publication").value,
		About:       PlainText(fm.body),
		Path:        file,
	}
	if is.Publication == "" {
		pl.add(1, "missing %q in the front matter", "publication")
	}
	date := fm.get("date")
	if date.value == "" {
		pl.add(1, "missing %q in the front matter (the issue's month, as 2026-01)", "date")
		return nil
	}
	is.Date, err = time.Parse("2006-01", date.value)
	if err != nil {
		pl.add(date.line, "date %q is not a month written as 2026-01", date.value)
		return nil
	}

	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		pl.add(0, "%s", readError(err))
		return nil
	}
	numbers := map[int]string{}
	slugs := map[string]string{} // article slug -> file that has it
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || name == IssueFile || !strings.HasSuffix(name, ".md") {
			continue
		}
		a := loadArticle(fsys, root, path.Join(dir, name), problems)
		if a == nil {
			continue
		}
		apl := problemList{file: a.Path, list: problems}
		if other, dup := numbers[a.Number]; dup {
			apl.add(0, "article number %d is taken by %s", a.Number, other)
			continue
		}
		if other, dup := slugs[a.Slug]; dup {
			apl.add(1, "two articles with the slug %q: this one and %s", a.Slug, other)
			continue
		}
		numbers[a.Number] = a.Path
		slugs[a.Slug] = a.Path
		a.Issue = is
		is.Articles = append(is.Articles, a)
	}
	sort.Slice(is.Articles, func(i, j int) bool { return is.Articles[i].Number < is.Articles[j].Number })
	return is
}

// loadArticle reads and validates one article file. It returns nil when the
// file cannot be used at all; its problems go to problems either way.
func loadArticle(fsys fs.FS, root, name string, problems *Problems) *Article {
	file := path.Join(root, name)
	pl := problemList{file: file, list: problems}
	m := articleName.FindStringSubmatch(path.Base(name))
	if m == nil || !isSlug(m[2]) {
		pl.add(0, "an article file name must look like 01-slug.md (number, hyphen, lower-case slug)")
		return nil
	}
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		pl.add(0, "%s", readError(err))
		return nil
	}
	if line := invalidUTF8Line(src); line > 0 {
		pl.add(line, "text that is not UTF-8 (save the file as UTF-8)")
		return nil
	}
	text := string(src)
	if checkControls(text, pl) {
		// Dropped, as for text that is not UTF-8 and every other problem
		// in an article: the reader never prints the codes.
		return nil
	}
	before := len(*problems)
	fm := splitFrontMatter(text, articleKeys, pl)
	if fm == nil {
		return nil
	}
	num, _ := strconv.Atoi(m[1])
	a := &Article{
		Number:      num,
		Slug:        m[2],
		Title:       fm.get("title").value,
		TitleSource: fm.get("title_source").value,
		Author:      fm.get("author").value,
		ImageCredit: fm.get("image_credit").value,
		Path:        file,
	}
	if a.Title == "" {
		pl.add(1, "missing %q in the front matter", "title")
	}
	if a.Author == "" {
		pl.add(1, "missing %q in the front matter", "author")
	}
	switch a.TitleSource {
	case "":
		a.TitleSource = TitleFromJournal
	case TitleFromJournal, TitleFromEditorial:
	default:
		pl.add(fm.get("title_source").line, "title_source %q must be %q or %q", a.TitleSource, TitleFromJournal, TitleFromEditorial)
	}
	a.Sections = parseSections(fm.body, fm.bodyLine, pl)
	for _, s := range a.Sections {
		if s.Kind != KindBio {
			a.Words += s.Words
		}
	}
	if len(*problems) > before {
		return nil
	}
	return a
}

// readError words a file system error for a person: the path and the cause.
func readError(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return fmt.Sprintf("cannot %s: %v", pe.Op, pe.Err)
	}
	return err.Error()
}

// invalidUTF8Line is the first line of src that is not valid UTF-8, or 0.
func invalidUTF8Line(src []byte) int {
	if utf8.Valid(src) {
		return 0
	}
	for i, line := range bytes.Split(src, []byte("\n")) {
		if !utf8.Valid(line) {
			return i + 1
		}
	}
	return 0
}
