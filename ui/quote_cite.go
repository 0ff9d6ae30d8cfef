package ui

// PLACEHOLDER until internal/cite lands on main: replaced by cite.NewQuote
// and cite.Article. Not to be reported as done.

import (
	"fmt"

	"analyst/internal/content"
)

func quotation(a *content.Article, sec *content.Section, text string) (string, string, error) {
	return "“" + text + "”", fmt.Sprintf("%d words", content.CountWords(text)), nil
}

func articleCitation(a *content.Article) (string, error) {
	return a.Author + ", " + a.Title, nil
}
