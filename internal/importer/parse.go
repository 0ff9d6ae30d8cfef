// Package importer turns the raw text of an issue, as copied from the
// journal's web site, into the library's folder format: one issue.md and
// one Markdown file per article.
//
// The raw text has one paragraph per line. An article starts with a
// "By Author" line, has a lead, then sections opened by capitalised labels
// ("BACKGROUND: ...") and ends with "AUTHOR’S BIO: ...". Image file names,
// lines of spaces and the site's menus are dropped; image credits are kept
// as metadata. Anything else that cannot be placed is reported, never
// silently dropped.
package importer

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"analyst/internal/content"
)

// Issue is what the importer found in a raw text.
type Issue struct {
	Publication string // from the "about" paragraph
	About       string
	Articles    []*Article
	Notes       []Note
}

// Article is one article found in the raw text.
type Article struct {
	Author      string
	ImageCredit string
	Line        int // line of the "By" line
	Sections    []*Section
}

// Section is a lead, a labelled section or a bio, as plain paragraphs.
type Section struct {
	Name       string // "" for the lead
	Bio        bool
	Paragraphs []string
	Line       int
}

// NoteKind says what the importer did with a line.
type NoteKind int

// The kinds of note, from harmless to fatal.
const (
	Dropped  NoteKind = iota // not article text: an image name, a menu item
	Unplaced                 // text the importer could not place: an error
)

// Note records a line the importer did not put in an article.
type Note struct {
	Kind NoteKind
	Line int
	What string // why it was dropped or not placed
	Text string
}

// Unplaced returns the notes about text that could not be placed.
func (is *Issue) Unplaced() []Note {
	var out []Note
	for _, n := range is.Notes {
		if n.Kind == Unplaced {
			out = append(out, n)
		}
	}
	return out
}

// patterns are the shapes of the raw text's lines. They are compiled on
// first use, not at start-up: most runs of the binary never import.
var patterns = sync.OnceValue(func() *linePatterns {
	return &linePatterns{
		byLine:    regexp.MustCompile(`^By ((?:\p{Lu}[\p{L}'’.-]*)(?: (?:\p{Lu}[\p{L}'’.-]*|van|von|de|da|del|der|bin|al-\p{L}+))*)$`),
		label:     regexp.MustCompile(`^(\p{Lu}[\p{Lu}'’ -]{2,40}\p{Lu}):\s*(.*)$`),
		credit:    regexp.MustCompile(`^(?i:credit|photo|image):\s*(.+)$`),
		imageName: regexp.MustCompile(`(?i)^(?:[\w.() -]+\.(?:jpe?g|png|gif|webp|tiff?|bmp|svg)|(?:shutterstoc?k?|istock(?:photo)?|getty(?:images)?|adobestock)[\s_-]*\d+)$`),
		about:     regexp.MustCompile(`^The (.+?) is an? .*\bpublication\b`),
	}
})

type linePatterns struct {
	byLine    *regexp.Regexp // "By Robert M. Cutler"
	label     *regexp.Regexp // "BACKGROUND: text"
	credit    *regexp.Regexp // "Credit: Shutterstock"
	imageName *regexp.Regexp // "IMG_5493.jpg", "shutterstock 1825480136"
	about     *regexp.Regexp // "The Central Asia-Caucasus Analyst is a biweekly publication ..."
}

// siteLines are the lines of the journal's web page around the articles:
// menus, links to sister sites, the newsletter box.
var siteLines = map[string]bool{
	"Feature Articles": true,
	"Earlier Articles": true,
	"Visit also":       true,
	"silkroad":         true,
	"AFPC":             true,
	"isdp":             true,
	"turkeyanalyst":    true,
	"Newsletter":       true,
	"Sign up for upcoming events, latest news, and articles from the CACI Analyst.": true,
}

// parser walks the raw text line by line.
type parser struct {
	re      *linePatterns
	is      *Issue
	art     *Article
	sec     *Section
	lineNum int
}

// Parse reads raw issue text. It never fails: what it cannot place is in
// the notes (see Issue.Unplaced).
func Parse(raw string) *Issue {
	p := &parser{re: patterns(), is: &Issue{}}
	for i, line := range strings.Split(raw, "\n") {
		p.lineNum = i + 1
		if !utf8.ValidString(line) {
			// Most likely a Windows-1252 file: its quotes would become
			// U+FFFD in the text and base64 in the YAML.
			p.note(Unplaced, "text that is not UTF-8 (save the file as UTF-8)", line)
			continue
		}
		if at, r := content.FirstControl(line); at >= 0 {
			// An escape code copied along with the text: the loader
			// would refuse the article, so nothing is written. The
			// rest of the line is still read, so that it is not
			// missed and no other problem is reported for it.
			col := 1 + utf8.RuneCountInString(line[:at])
			p.note(Unplaced, fmt.Sprintf("control character %s in the text, column %d: delete it", content.ControlName(r), col), line)
			line = content.StripControls(line)
		}
		p.line(content.NormalizeSpace(line))
	}
	return p.is
}

func (p *parser) note(kind NoteKind, what, text string) {
	p.is.Notes = append(p.is.Notes, Note{Kind: kind, Line: p.lineNum, What: what, Text: text})
}

func (p *parser) line(text string) {
	if text == "" {
		return // blank, or only non-breaking spaces
	}
	if m := p.re.byLine.FindStringSubmatch(text); m != nil {
		p.art = &Article{Author: m[1], Line: p.lineNum}
		p.sec = &Section{Line: p.lineNum + 1}
		p.art.Sections = append(p.art.Sections, p.sec)
		p.is.Articles = append(p.is.Articles, p.art)
		return
	}
	if p.re.imageName.MatchString(text) {
		p.note(Dropped, "image file name", text)
		return
	}
	if siteLines[text] {
		p.note(Dropped, "site menu", text)
		return
	}
	if m := p.re.about.FindStringSubmatch(text); m != nil && p.outsideArticle() {
		if p.is.About != "" {
			p.note(Unplaced, "a second 'about' paragraph", text)
			return
		}
		p.is.Publication, p.is.About = m[1], text
		return
	}
	if p.art == nil {
		p.note(Unplaced, "text before the first \"By Author\" line", text)
		return
	}
	if m := p.re.credit.FindStringSubmatch(text); m != nil && !p.sec.Bio {
		if p.art.ImageCredit != "" {
			p.note(Unplaced, "a second image credit in one article", text)
			return
		}
		p.art.ImageCredit = m[1]
		return
	}
	if m := p.re.label.FindStringSubmatch(text); m != nil {
		p.startSection(m[1], m[2])
		return
	}
	if p.sec.Bio && len(p.sec.Paragraphs) > 0 {
		p.note(Unplaced, "text after the author's bio", text)
		return
	}
	p.sec.Paragraphs = append(p.sec.Paragraphs, text)
}

// outsideArticle reports whether the parser is between articles: before
// the first or after an article's bio.
func (p *parser) outsideArticle() bool {
	return p.art == nil || (p.sec.Bio && len(p.sec.Paragraphs) > 0)
}

// startSection opens a section for a label such as "BACKGROUND" or
// "AUTHOR’S BIO"; rest is the text that followed the label on its line.
func (p *parser) startSection(label, rest string) {
	name := titleCase(label)
	sec := &Section{Name: name, Line: p.lineNum, Bio: content.IsBioHeading(name)}
	if sec.Bio {
		sec.Name = content.BioName
	}
	for _, s := range p.art.Sections {
		// Sections are found by slug, so "FOO BAR" repeats "FOO-BAR".
		if s.Name != "" && content.Slugify(s.Name) == content.Slugify(sec.Name) {
			p.note(Unplaced, "a second "+label+" label in one article", label+": "+rest)
			return
		}
	}
	p.sec = sec
	p.art.Sections = append(p.art.Sections, sec)
	if rest != "" {
		sec.Paragraphs = append(sec.Paragraphs, rest)
	}
}

// titleCase turns "BACKGROUND" into "Background" and "AUTHOR’S BIO" into
// "Author’s Bio".
func titleCase(label string) string {
	words := strings.Fields(strings.ToLower(label))
	for i, w := range words {
		r := []rune(w)
		r[0] = []rune(strings.ToUpper(string(r[0])))[0]
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}
