package ui

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"analyst/internal/content"
	"analyst/internal/testlib"
)

// longLibrary is one issue with one article made of every paragraph of
// the embedded issue's four: long enough for 50 highlights.
func longLibrary(tb testing.TB) *content.Library {
	var md strings.Builder
	md.WriteString("---\ntitle: Every Paragraph\nauthor: Jane Doe\n---\n\nThe lead.\n\n## Everything\n\n")
	for _, a := range testlib.Library(tb).Articles() {
		for _, s := range a.Body() {
			md.WriteString(s.Markdown + "\n\n")
		}
	}
	fsys := fstest.MapFS{
		"2026-01/issue.md":    {Data: []byte("---\npublication: Central Asia-Caucasus Analyst\ndate: 2026-01\n---\n\nAbout.\n")},
		"2026-01/01-every.md": {Data: []byte(md.String())},
	}
	lib, err := content.Load(fsys, "lib")
	if err != nil {
		tb.Fatal(err)
	}
	return lib
}

// BenchmarkReaderViewHighlights is a frame of the reader at 120x40 in an
// article with 50 highlights, 10 of them with notes, the cursor shown,
// in the middle of the article.
func BenchmarkReaderViewHighlights(b *testing.B) {
	lib := longLibrary(b)
	a := lib.Articles()[0]
	sec := a.Body()[0]
	if len(sec.Paragraphs) < 60 {
		b.Fatalf("%d paragraphs: too few for the benchmark", len(sec.Paragraphs))
	}
	var hl []Highlight
	for i := range 50 {
		h := Highlight{ID: int64(i + 1), Article: a.Key(), Section: sec.Slug, Paragraph: i + 5, Quote: sec.Paragraphs[i+5], Created: time.Now()}
		if i%5 == 0 {
			h.Note = fmt.Sprintf("note %d: %s", i, strings.Repeat("worth a second look ", 6))
		}
		hl = append(hl, h)
	}
	hs := newHarness(b, Options{Library: lib, Keeper: NewMemoryKeeper(Kept{Highlights: hl})}, 120, 40)
	hs.keys("1", "]", "space", "space", "space", "v", "j")
	if !strings.Contains(hs.screen(), "50 highlights") || !strings.Contains(hs.screen(), highlightBar) {
		b.Fatalf("the frame does not show the highlights:\n%s", hs.screen())
	}
	for b.Loop() {
		hs.m.frame.valid = false // drawn again, as after a message that changed it
		_ = hs.m.View()
	}
}

// BenchmarkToggleHighlight is m on a paragraph of that article (Update,
// the overlay drawn again, the write to an in-memory keeper) and the
// frame after it.
func BenchmarkToggleHighlight(b *testing.B) {
	lib := longLibrary(b)
	hs := newHarness(b, Options{Library: lib}, 120, 40)
	hs.keys("1", "]", "space", "v")
	for b.Loop() {
		hs.keys("m")
		_ = hs.m.View()
	}
}

// BenchmarkHighlightsScreenKey is j (or k) on the highlights screen with
// 2,000 highlights over the embedded issue's articles, and the frame
// after it.
func BenchmarkHighlightsScreenKey(b *testing.B) {
	lib := testlib.Library(b)
	var hl []Highlight
	t0 := time.Now()
	for i := 0; len(hl) < 2000; i++ {
		for _, a := range lib.Articles() {
			for _, s := range a.Body() {
				for p := range s.Paragraphs {
					hl = append(hl, Highlight{ID: int64(len(hl) + 1), Article: a.Key(), Section: s.Slug, Paragraph: p, Quote: s.Paragraphs[p], Note: fmt.Sprint("note ", i), Created: t0.Add(time.Duration(len(hl)) * time.Second)})
				}
			}
		}
	}
	hs := newHarness(b, Options{Library: lib, Keeper: NewMemoryKeeper(Kept{Highlights: hl[:2000]})}, 120, 40)
	hs.keys("H", "j", "j")
	if !strings.Contains(hs.screen(), "Your highlights · 2000") {
		b.Fatalf("the screen does not show the highlights:\n%s", hs.screen())
	}
	keys := []string{"j", "k"}
	i := 0
	for b.Loop() {
		hs.keys(keys[i%2])
		_ = hs.m.View()
		i++
	}
}
