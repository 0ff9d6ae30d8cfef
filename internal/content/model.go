// Package content loads, validates and indexes the library of issues and
// articles that analyst carries: Library -> Issue -> Article -> Section.
//
// A library is a folder tree (any fs.FS): one folder per issue holding an
// issue.md file and one NN-slug.md Markdown file per article. Everything it
// returns is read-only once loaded, so one Library can serve many readers at
// once.
package content

import (
	"time"
	"unicode"
	"unicode/utf8"
)

// WordsPerMinute is the reading speed behind every "minutes to read" figure.
const WordsPerMinute = 230

// Library is every issue that was found, oldest first. An issue's
// articles are read when first asked for (see Open); everything is safe
// to use from many goroutines at once.
type Library struct {
	Issues  []*Issue
	folders []folder // every issue folder, in name order, for LoadAll's problems
}

// Latest returns the newest issue, or nil for an empty library.
func (l *Library) Latest() *Issue {
	if l == nil || len(l.Issues) == 0 {
		return nil
	}
	return l.Issues[len(l.Issues)-1]
}

// Articles returns every article of every issue, oldest issue first,
// reading those not read yet.
func (l *Library) Articles() []*Article {
	if l == nil {
		return nil
	}
	l.loadAll()
	var all []*Article
	for _, is := range l.Issues {
		all = append(all, is.Articles()...)
	}
	return all
}

// Issue is one issue of the publication.
type Issue struct {
	Slug        string    // folder name, e.g. "2026-01"
	Publication string    // e.g. "Central Asia-Caucasus Analyst"
	Date        time.Time // first day of the issue's month
	About       string    // the publication's "about" paragraph
	Path        string    // issue.md, as shown in messages
	src         *issueSource
}

// Articles returns the issue's articles in order, reading them on first
// use. Files that could not be read are left out; LoadAll says why.
func (is *Issue) Articles() []*Article {
	if is.src == nil {
		return nil
	}
	is.src.once.Do(is.loadArticles)
	return is.src.articles
}

// SetArticles gives an issue made in memory, rather than read by Open
// (in tests, say), its articles. It is not for an issue in use.
func (is *Issue) SetArticles(articles []*Article) {
	is.src = &issueSource{articles: articles}
	is.src.once.Do(func() {}) // nothing to read
}

// Title is the issue's date as a reader says it: "January 2026".
func (is *Issue) Title() string { return is.Date.Format("January 2006") }

// Title sources: where an article's title comes from.
const (
	TitleFromJournal   = "journal"   // the publication's own title
	TitleFromEditorial = "editorial" // written for this edition, not the journal's
)

// Article is one article: its metadata and its sections in reading order
// (lead, the named sections, then the author's bio).
type Article struct {
	Issue       *Issue
	Number      int    // position in the issue, from the file name
	Slug        string // from the file name, unique in the library
	Title       string
	TitleSource string // TitleFromJournal or TitleFromEditorial
	Author      string
	ImageCredit string
	Sections    []*Section
	Path        string // file, as shown in messages
	Words       int    // words of the lead and named sections (the bio is not counted)
}

// Minutes is the reading time of the article, rounded up, at least one.
func (a *Article) Minutes() int { return ReadingMinutes(a.Words) }

// Editorial reports whether the title was written for this edition rather
// than taken from the journal.
func (a *Article) Editorial() bool { return a.TitleSource == TitleFromEditorial }

// MarkedTitle is the title as a line of text shows it where no legend
// explains a mark (a message, a shell's completion): a headline written
// for this edition in square brackets, the convention for a description
// supplied for an untitled work, so that it is never passed off as the
// journal's; the journal's title as it is.
func (a *Article) MarkedTitle() string {
	if a.Editorial() {
		return "[" + a.Title + "]"
	}
	return a.Title
}

// Lead returns the lead section, or nil when the article has none.
func (a *Article) Lead() *Section { return a.first(KindLead) }

// Bio returns the author's bio, or nil when the article has none.
func (a *Article) Bio() *Section { return a.first(KindBio) }

// Body returns the named sections (Background, Implications, ...), without
// the lead and the bio.
func (a *Article) Body() []*Section {
	var body []*Section
	for _, s := range a.Sections {
		if s.Kind == KindBody {
			body = append(body, s)
		}
	}
	return body
}

// Numbered returns the sections a reader moves between and numbers from 1:
// the lead and the named sections, without the bio.
func (a *Article) Numbered() []*Section {
	var out []*Section
	for _, s := range a.Sections {
		if s.Kind != KindBio {
			out = append(out, s)
		}
	}
	return out
}

func (a *Article) first(k SectionKind) *Section {
	for _, s := range a.Sections {
		if s.Kind == k {
			return s
		}
	}
	return nil
}

// Teaser is the first sentence of the lead.
func (a *Article) Teaser() string {
	lead := a.Lead()
	if lead == nil || len(lead.Paragraphs) == 0 {
		return ""
	}
	return FirstSentence(lead.Paragraphs[0])
}

// SectionKind tells the lead, the named sections and the bio apart.
type SectionKind int

// The kinds of section.
const (
	KindLead SectionKind = iota
	KindBody
	KindBio
)

// String names the kind as the command line and JSON output show it.
func (k SectionKind) String() string {
	switch k {
	case KindLead:
		return "lead"
	case KindBio:
		return "bio"
	default:
		return "section"
	}
}

// Section is one part of an article.
type Section struct {
	Kind       SectionKind
	Name       string   // "Lead", "Background", ..., "Author's Bio"
	Slug       string   // "lead", "background", ..., "bio"
	Markdown   string   // the section's Markdown body, without its heading
	Paragraphs []string // the plain text of each paragraph
	Words      int
	Line       int // line of the heading (or of the first text, for the lead)
}

// ReadingMinutes converts a word count to minutes, rounded up, at least one.
func ReadingMinutes(words int) int {
	m := (words + WordsPerMinute - 1) / WordsPerMinute
	return max(m, 1)
}

// CountWords counts the words of a text: runs of non-space characters.
func CountWords(s string) int {
	n, inWord := 0, false
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace(c)
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !inWord {
			n++
		}
		inWord = !space
	}
	return n
}
