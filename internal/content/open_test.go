package content_test

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"analyst/internal/content"
)

// countingFS is a file system that counts how often each file is opened.
type countingFS struct {
	fs.FS
	mu     sync.Mutex
	opened map[string]int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.mu.Lock()
	c.opened[name]++
	c.mu.Unlock()
	return c.FS.Open(name)
}

func (c *countingFS) articleFilesOpened(dir string) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for name := range c.opened {
		if path.Dir(name) == dir && path.Base(name) != content.IssueFile && strings.HasSuffix(name, ".md") {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// threeIssues is a library of three issues with two articles each, and a
// problem in the oldest and in the newest.
func threeIssues() fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, month := range []string{"2025-11", "2025-12", "2026-01"} {
		fsys[month+"/issue.md"] = &fstest.MapFile{Data: []byte(strings.Replace(goodIssue, "2026-02", month, 1))}
		fsys[month+"/01-first.md"] = &fstest.MapFile{Data: []byte(goodArticle)}
		fsys[month+"/02-second.md"] = &fstest.MapFile{Data: []byte(goodArticle)}
	}
	fsys["2025-11/03-broken.md"] = &fstest.MapFile{Data: []byte("---\ntitle: T\n---\n\nNo author.\n\n## A\n\nText.\n")}
	fsys["2026-01/03-broken.md"] = &fstest.MapFile{Data: []byte("no front matter\n")}
	return fsys
}

func TestOpenReadsOnlyTheIssuesAskedFor(t *testing.T) {
	fsys := &countingFS{FS: threeIssues(), opened: map[string]int{}}
	lib := content.Open(fsys, "lib")
	if len(lib.Issues) != 3 || lib.Latest().Slug != "2026-01" || lib.Latest().Publication != "Test Journal" {
		t.Fatalf("Open found %d issues, newest %v", len(lib.Issues), lib.Latest())
	}
	for _, is := range lib.Issues {
		if got := fsys.articleFilesOpened(is.Slug); len(got) > 0 {
			t.Fatalf("Open read article files %v: it reads issue.md files only", got)
		}
	}
	if n := len(lib.Latest().Articles()); n != 2 {
		t.Fatalf("the newest issue has %d articles, want 2", n)
	}
	if got := fsys.articleFilesOpened("2026-01"); len(got) != 3 {
		t.Errorf("reading the newest issue opened %v", got)
	}
	if got := fsys.articleFilesOpened("2025-12"); len(got) != 0 {
		t.Errorf("reading the newest issue also read an older one: %v", got)
	}
	lib.Latest().Articles()
	if n := fsys.opened["2026-01/01-first.md"]; n != 1 {
		t.Errorf("an issue's articles are read once, not %d times", n)
	}
}

func TestLoadAllReportsAsLoadDoes(t *testing.T) {
	_, err := content.Load(threeIssues(), "lib")
	want, ok := err.(content.Problems)
	if !ok || len(want) != 2 {
		t.Fatalf("Load: %v", err)
	}
	lib := content.Open(threeIssues(), "lib")
	lib.Latest().Articles() // one issue read before the others: the order stays the folders'
	got := lib.LoadAll()
	if !slices.Equal(got, want) {
		t.Errorf("LoadAll after Open:\n%v\nLoad:\n%v", got, want)
	}
	if !strings.HasPrefix(got[0].File, "lib/2025-11/") || !strings.HasPrefix(got[1].File, "lib/2026-01/") {
		t.Errorf("problems are in the order of the folders: %v", got)
	}
	if n := len(lib.Articles()); n != 6 {
		t.Errorf("%d articles after LoadAll, want 6", n)
	}
}

// TestOpenIsSafeForManyReaders has many goroutines ask for the articles of
// a lazily opened library at once, as SSH sessions do; run with -race.
func TestOpenIsSafeForManyReaders(t *testing.T) {
	lib := content.Open(threeIssues(), "lib")
	var wg sync.WaitGroup
	results := make([][]*content.Article, 16)
	for i := range results {
		wg.Go(func() {
			if i%2 == 0 {
				lib.LoadAll()
			}
			results[i] = lib.Articles()
		})
	}
	wg.Wait()
	for _, r := range results {
		if !slices.Equal(r, results[0]) || len(r) != 6 {
			t.Fatalf("readers saw different libraries: %d and %d articles", len(r), len(results[0]))
		}
	}
}

func TestOpenEmptyOrUnreadable(t *testing.T) {
	lib := content.Open(fstest.MapFS{}, "empty")
	if lib.Latest() != nil || len(lib.Articles()) != 0 {
		t.Fatalf("an empty library has issues")
	}
	if ps := lib.LoadAll(); len(ps) != 1 || !strings.Contains(ps[0].Msg, "no issues found") {
		t.Errorf("an empty library says so: %v", ps)
	}
}

func TestSetArticlesMakesAnIssueInMemory(t *testing.T) {
	a := &content.Article{Number: 1, Slug: "made"}
	is := &content.Issue{Slug: "2026-01"}
	is.SetArticles([]*content.Article{a})
	if got := is.Articles(); len(got) != 1 || got[0] != a {
		t.Errorf("an issue made in memory has %v", got)
	}
}
