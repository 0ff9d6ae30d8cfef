package cite

import (
	"errors"
	"strings"

	"analyst/internal/content"
)

// errNoArticle is returned for a nil article.
var errNoArticle = errors.New("cite: no article")

// Article returns an article's citation in a format, as `analyst cite`
// prints it, without a final newline: one line for chicago, apa and mla
// (italics dropped), the entry or record for bibtex and ris, a JSON list of
// one item for csl-json. An unknown format is an *UnknownFormatError.
func Article(a *content.Article, f Format) (string, error) {
	if err := check(a, f); err != nil {
		return "", err
	}
	w := newWork(a)
	switch f {
	case BibTeX:
		return strings.TrimSuffix(bibtex(w), "\n"), nil
	case RIS:
		return strings.TrimSuffix(ris(w), "\n"), nil
	case CSLJSON:
		return strings.TrimSuffix(cslJSON(w), "\n"), nil
	default:
		return reference(w, f).plain(), nil
	}
}

// ArticleMarkdown is Article as Markdown: for chicago, apa and mla the
// citation with the periodical in italics (*…*) and the text escaped so
// that it renders as written; for the data formats, a fenced code block.
func ArticleMarkdown(a *content.Article, f Format) (string, error) {
	s, err := Article(a, f)
	if err != nil || !f.Prose() {
		return fence(s, string(f)), err
	}
	return reference(newWork(a), f).markdown(), nil
}

func check(a *content.Article, f Format) error {
	if a == nil {
		return errNoArticle
	}
	if _, err := ParseFormat(string(f)); err != nil {
		return err
	}
	return nil
}

// fence puts text in a Markdown code block longer than any run of
// backticks in it.
func fence(s, lang string) string {
	if s == "" {
		return ""
	}
	ticks := "```"
	for strings.Contains(s, ticks) {
		ticks += "`"
	}
	if lang == string(CSLJSON) {
		lang = "json"
	}
	return ticks + lang + "\n" + s + "\n" + ticks
}
