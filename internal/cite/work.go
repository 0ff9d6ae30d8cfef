package cite

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"analyst/internal/content"
)

// work is what a citation says about an article: what the library holds,
// and nothing else.
type work struct {
	authors  []name
	title    string // the journal's title; "" when the title is editorial
	headline string // the headline written for this edition, when the title is editorial
	journal  string // the issue's publication
	year     int    // 0 when the issue has no date
	month    time.Month
	key      string // the citation key of the data formats
}

func newWork(a *content.Article) work {
	w := work{authors: parseAuthors(a.Author)}
	title := oneLine(a.Title)
	if a.Editorial() {
		w.headline = title
	} else {
		w.title = title
	}
	issueSlug := ""
	if is := a.Issue; is != nil {
		w.journal = oneLine(is.Publication)
		if !is.Date.IsZero() {
			w.year, w.month = is.Date.Year(), is.Date.Month()
		}
		issueSlug = is.Slug
	}
	w.key = citationKey(a.Slug, issueSlug, a.Number)
	return w
}

// supplied is the headline as a supplied description: "[Headline]".
func (w work) supplied() string { return "[" + w.headline + "]" }

// suppliedNote is what the data formats say of an editorial headline, in
// the field they have for a note.
func (w work) suppliedNote() string {
	return w.supplied() + ": a headline written for this edition, not the journal’s title"
}

// citationKey makes the key BibTeX, RIS and CSL-JSON name the entry by:
// the article's slug and the issue's, in ASCII ("cutler-2026-01"), since
// BibTeX keys outside ASCII break older tools. Slugs are unique within an
// issue, so the pair is unique in the library.
func citationKey(slug, issue string, number int) string {
	key := asciiKey(slug)
	if key == "" {
		key = "article" + strconv.Itoa(number)
	}
	if is := asciiKey(issue); is != "" {
		key += "-" + is
	}
	return key
}

// asciiKey folds accents away ("türk" -> "turk") and keeps letters, digits
// and dashes.
func asciiKey(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		case unicode.IsSpace(r) || r == '_' || r == '/':
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

// oneLine joins a text's lines and runs of space: citations are one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
