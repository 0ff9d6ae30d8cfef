package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
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

// Load reads a whole library from fsys: every folder at its root that
// holds an issue.md is an issue. root is how the library is named in
// messages (for example "articles" or the --dir path).
//
// One bad file does not hide the good ones: Load returns every issue and
// article it could read, and every problem it found as Problems (nil when
// there were none).
func Load(fsys fs.FS, root string) (*Library, error) {
	lib := Open(fsys, root)
	if problems := lib.LoadAll(); len(problems) > 0 {
		return lib, problems
	}
	return lib, nil
}

// Open reads a library's issues from fsys, each from its issue.md, and
// leaves their articles to be read when they are first asked for
// (Issue.Articles), so that a reader shows the newest issue without
// reading the hundreds before it. LoadAll reads the rest, and says what
// was wrong with any of it, as Load does.
func Open(fsys fs.FS, root string) *Library {
	lib := &Library{}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		lib.folders = append(lib.folders, folder{problems: Problems{{File: root, Msg: readError(err)}}})
		return lib
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			dirs = append(dirs, e.Name())
		}
	}
	folders := make([]folder, len(dirs))
	inParallel(len(dirs), func(i int) {
		f := &folders[i]
		f.issue, f.isIssue = openIssue(fsys, root, dirs[i], &f.problems)
	})
	for _, f := range folders {
		if !f.isIssue {
			continue
		}
		if f.issue != nil {
			lib.Issues = append(lib.Issues, f.issue)
		}
		lib.folders = append(lib.folders, f)
	}
	sort.SliceStable(lib.Issues, func(i, j int) bool {
		if !lib.Issues[i].Date.Equal(lib.Issues[j].Date) {
			return lib.Issues[i].Date.Before(lib.Issues[j].Date)
		}
		return lib.Issues[i].Slug < lib.Issues[j].Slug
	})
	if len(lib.Issues) == 0 && len(lib.folders) == 0 {
		lib.folders = append(lib.folders, folder{problems: Problems{{File: root, Msg: "no issues found: expected folders with an " + IssueFile}}})
	}
	return lib
}

// inParallel calls do(i) for every i below n, on as many goroutines as
// there are processors (at most loadWorkers), and returns when all are
// done: no goroutine outlives it.
func inParallel(n int, do func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), loadWorkers, max(n, 1)) {
		wg.Go(func() {
			for i := range next {
				do(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// loadWorkers bounds the goroutines that read a library.
const loadWorkers = 4

// folder is one issue folder as Open found it: the problems of its
// issue.md, and the issue when it could be read.
type folder struct {
	isIssue  bool // it has an issue.md
	problems Problems
	issue    *Issue
}

// LoadAll reads every issue's articles that are not read yet, a few
// issues at a time, and returns every problem of the library, in the
// order of its folders and files (nil when there are none).
func (l *Library) LoadAll() Problems {
	l.loadAll()
	var problems Problems
	for _, f := range l.folders {
		problems = append(problems, f.problems...)
		if f.issue != nil {
			problems = append(problems, f.issue.src.problems...)
		}
	}
	return problems
}

// IssueProblems returns the problems of one issue: of its issue.md and
// of its articles, which it reads if they are not read yet.
func (l *Library) IssueProblems(is *Issue) Problems {
	is.Articles()
	var problems Problems
	for _, f := range l.folders {
		if f.issue == is {
			problems = append(problems, f.problems...)
			problems = append(problems, is.src.problems...)
		}
	}
	return problems
}

// loadAll reads the articles of every issue.
func (l *Library) loadAll() {
	if l != nil {
		inParallel(len(l.Issues), func(i int) { l.Issues[i].Articles() })
	}
}

// openIssue reads one folder's issue.md; isIssue is false when the
// folder has none. The issue's articles are read on first use; slugs are
// unique within an issue, authors come back from issue to issue.
func openIssue(fsys fs.FS, root, dir string, problems *Problems) (is *Issue, isIssue bool) {
	file := path.Join(root, dir, IssueFile)
	pl := problemList{file: file, list: problems}
	src, err := fs.ReadFile(fsys, path.Join(dir, IssueFile))
	if err != nil {
		if _, serr := fs.Stat(fsys, path.Join(dir, IssueFile)); serr != nil {
			return nil, false // not an issue folder
		}
		pl.add(0, "%s", readError(err))
		return nil, true
	}
	return readIssue(fsys, root, dir, src, pl), true
}

// readIssue reads an issue from its issue.md's text and lists its
// article files.
func readIssue(fsys fs.FS, root, dir string, src []byte, pl problemList) *Issue {
	file := pl.file
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
	var err error
	if is.Date, err = time.Parse("2006-01", date.value); err != nil {
		pl.add(date.line, "date %q is not a month written as 2026-01", date.value)
		return nil
	}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		pl.add(0, "%s", readError(err))
		return nil
	}
	is.src = &issueSource{fsys: fsys, root: root}
	for _, e := range entries {
		if name := e.Name(); !e.IsDir() && name != IssueFile && strings.HasSuffix(name, ".md") {
			is.src.files = append(is.src.files, path.Join(dir, name))
		}
	}
	return is
}

// issueSource is where an issue's articles are read from, and what was
// read, once: many readers (SSH sessions) may ask at the same time.
type issueSource struct {
	fsys     fs.FS
	root     string
	files    []string // the article files, in the folder's order
	once     sync.Once
	articles []*Article
	problems Problems // of the article files
	textOnce sync.Once
	text     issueText // what searches read, made on first search
}

// loadArticles reads the issue's article files.
func (is *Issue) loadArticles() {
	src := is.src
	numbers := map[int]string{}
	slugs := map[string]string{} // article slug -> file that has it
	for _, name := range src.files {
		a := loadArticle(src.fsys, src.root, name, &src.problems)
		if a == nil {
			continue
		}
		apl := problemList{file: a.Path, list: &src.problems}
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
		src.articles = append(src.articles, a)
	}
	sort.Slice(src.articles, func(i, j int) bool { return src.articles[i].Number < src.articles[j].Number })
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
