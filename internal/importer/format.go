package importer

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"analyst/internal/content"
)

// Options are the facts about an issue that the raw text does not hold.
type Options struct {
	Date        string         // the issue's month, "2026-01"
	Publication string         // overrides the name found in the text
	Titles      map[int]string // known titles by article number (1-based)
}

// issueMeta and articleMeta are the front matter blocks, in the order the
// files show them.
type issueMeta struct {
	Publication string `yaml:"publication"`
	Date        string `yaml:"date"`
}

type articleMeta struct {
	Title       string `yaml:"title"`
	TitleSource string `yaml:"title_source,omitempty"`
	Author      string `yaml:"author"`
	ImageCredit string `yaml:"image_credit,omitempty"`
}

// File is one file of the library format, named relative to the issue folder.
type File struct {
	Name string
	Data []byte
}

// Files renders an imported issue as the files of its folder: issue.md
// first, then one NN-slug.md per article.
func Files(is *Issue, opt Options) ([]File, error) {
	pub := is.Publication
	if opt.Publication != "" {
		pub = opt.Publication
	}
	issueFile, err := document(issueMeta{Publication: pub, Date: opt.Date}, []string{content.EscapeMarkdown(is.About)})
	if err != nil {
		return nil, err
	}
	files := []File{{Name: content.IssueFile, Data: issueFile}}
	taken := map[string]bool{} // slugs, which must be unique
	for i, a := range is.Articles {
		num := i + 1
		meta := articleMeta{Author: a.Author, ImageCredit: a.ImageCredit, Title: opt.Titles[num], TitleSource: content.TitleFromJournal}
		if meta.Title == "" {
			meta.Title, meta.TitleSource = DraftTitle(a), content.TitleFromEditorial
		}
		data, err := document(meta, articleBlocks(a))
		if err != nil {
			return nil, err
		}
		files = append(files, File{Name: uniqueFileName(num, a, taken), Data: data})
	}
	return files, nil
}

// uniqueFileName is ArticleFileName, unless an earlier article of the issue
// has the slug already: then the author's full name ("05-bob-smith.md"),
// and failing that a number ("05-bob-smith-2.md").
func uniqueFileName(num int, a *Article, taken map[string]bool) string {
	name := ArticleFileName(num, a)
	slug := strings.TrimSuffix(name[strings.IndexByte(name, '-')+1:], ".md")
	if taken[slug] {
		if full := content.Slugify(a.Author); full != "" {
			slug = full
		}
		for n, base := 2, slug; taken[slug]; n++ {
			slug = fmt.Sprintf("%s-%d", base, n)
		}
		name = fmt.Sprintf("%02d-%s.md", num, slug)
	}
	taken[slug] = true
	return name
}

// ArticleFileName names an article's file after its number and its author's
// surname: "02-cutler.md". Names do not depend on titles, which editors
// change.
func ArticleFileName(num int, a *Article) string {
	names := strings.Fields(a.Author)
	slug := "article"
	if len(names) > 0 {
		slug = content.Slugify(names[len(names)-1])
	}
	if slug == "" {
		slug = "article"
	}
	return fmt.Sprintf("%02d-%s.md", num, slug)
}

// articleBlocks lays out an article body: the lead, then "## Name" and the
// paragraphs of each section.
func articleBlocks(a *Article) []string {
	var blocks []string
	for _, s := range a.Sections {
		if s.Name != "" {
			blocks = append(blocks, "## "+s.Name)
		}
		for _, p := range s.Paragraphs {
			blocks = append(blocks, content.EscapeMarkdown(p))
		}
	}
	return blocks
}

// document writes a front matter block and a body of blocks separated by
// blank lines.
func document(meta any, blocks []string) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("---\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(meta); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	buf.WriteString("---\n")
	for _, b := range blocks {
		if b == "" {
			continue
		}
		buf.WriteString("\n")
		buf.WriteString(b)
		buf.WriteString("\n")
	}
	return buf.Bytes(), nil
}

// DraftTitle is a placeholder headline for an article the text gives no
// title: the start of the lead's first sentence. It is marked editorial and
// meant to be rewritten by an editor.
func DraftTitle(a *Article) string {
	const maxWords = 10
	lead := ""
	if len(a.Sections) > 0 && len(a.Sections[0].Paragraphs) > 0 {
		lead = a.Sections[0].Paragraphs[0]
	}
	words := strings.Fields(strings.TrimRight(content.FirstSentence(lead), "."))
	if len(words) == 0 {
		return "Untitled article by " + a.Author
	}
	if len(words) > maxWords {
		return strings.Join(words[:maxWords], " ") + "…"
	}
	return strings.Join(words, " ")
}
