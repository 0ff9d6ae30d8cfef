package render_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"analyst/internal/content"
	"analyst/internal/render"
	"analyst/internal/testlib"
)

// longest is the article with the most words.
func longest(lib *content.Library) *content.Article {
	var best *content.Article
	for _, a := range lib.Articles() {
		if best == nil || a.Words > best.Words {
			best = a
		}
	}
	return best
}

func TestDocumentWidths(t *testing.T) {
	a := longest(testlib.Library(t))
	md := render.ArticleMarkdown(a, true)
	for _, style := range []string{render.Dark, render.Light, render.NoTTY, render.ASCII} {
		for _, width := range []int{20, 40, 80, 100} {
			out, err := render.Document(md, style, width)
			if err != nil {
				t.Fatal(err)
			}
			for i, line := range strings.Split(out, "\n") {
				if w := ansi.StringWidth(line); w > width {
					t.Fatalf("%s at %d: line %d is %d wide: %q", style, width, i, w, ansi.Strip(line))
				}
			}
			plain := ansi.Strip(out)
			if (style == render.NoTTY || style == render.ASCII) && plain != out {
				t.Errorf("%s output has escape codes", style)
			}
			if !strings.Contains(plain, "Background") || !strings.Contains(plain, "Author's Bio") {
				t.Errorf("%s at %d lost a heading", style, width)
			}
		}
	}
}

func TestArticleMarkdown(t *testing.T) {
	lib := testlib.Library(t)
	cutler, _ := lib.Find("cutler")
	md := render.ArticleMarkdown(cutler, false)
	if !strings.HasPrefix(md, "# The Armenia–Azerbaijan Peace Process Enters 2026\n\nBy Robert M. Cutler · Central Asia-Caucasus Analyst, January 2026 · 6 min read") {
		t.Errorf("title and byline: %q", md[:150])
	}
	if strings.Contains(md, "Author's Bio") || strings.Contains(md, render.EditorialNote) {
		t.Errorf("without the bio and for a journal title, neither bio nor editorial note belongs")
	}
	cornell, _ := lib.Find("cornell")
	md = render.ArticleMarkdown(cornell, true)
	if !strings.Contains(md, render.EditorialNote) || !strings.HasSuffix(md, "Joint Center.\n") {
		t.Errorf("an editorial title must say so, and the bio must close the document")
	}
}

func TestDocumentRejectsUnknownStyle(t *testing.T) {
	if _, err := render.Document("# x", "neon", 80); err == nil || !strings.Contains(err.Error(), "auto, dark, light") {
		t.Errorf("err = %v", err)
	}
	if out, _ := render.Document("# x\n", render.Markdown, 80); out != "# x\n" {
		t.Errorf("markdown style must return the source, got %q", out)
	}
}

func benchmarkRender(b *testing.B, style string) {
	a := longest(testlib.Library(b))
	md := render.ArticleMarkdown(a, true)
	for b.Loop() {
		if _, err := render.Document(md, style, 80); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderLongestNoTTY and ...Dark render the longest article at
// width 80, as `analyst read N --width 80` does.
func BenchmarkRenderLongestNoTTY(b *testing.B) { benchmarkRender(b, render.NoTTY) }
func BenchmarkRenderLongestDark(b *testing.B)  { benchmarkRender(b, render.Dark) }

// TestASCIIStyleIsASCII: in the ascii style, every character that is not
// the article's own is ASCII (the byline's separator too).
func TestASCIIStyleIsASCII(t *testing.T) {
	for _, a := range testlib.Library(t).Articles() {
		var own strings.Builder
		own.WriteString(a.Title + a.Author)
		for _, s := range a.Sections {
			own.WriteString(s.Markdown)
		}
		for _, width := range []int{40, 80} {
			out, err := render.Article(a, nil, render.ASCII, width)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range out {
				if r > 127 && !strings.ContainsRune(own.String(), r) {
					t.Errorf("%s at %d: the ascii style draws %q", a.Slug, width, r)
					break
				}
			}
		}
	}
}
