package ui

import (
	tea "charm.land/bubbletea/v2"

	"analyst/internal/cite"
	"analyst/internal/content"
)

// copyCmd copies text to the terminal's clipboard with OSC 52, which
// reaches the reader's own clipboard even over SSH, and, for a local
// reader, to the system's clipboard too.
func copyCmd(c *common, text string) tea.Cmd {
	osc52 := tea.SetClipboard(text)
	if c.clipboard == nil {
		return osc52
	}
	system := c.clipboard
	return tea.Batch(osc52, func() tea.Msg {
		_ = system(text) // OSC 52 was sent; a system without a clipboard tool keeps that one
		return nil
	})
}

// copyQuote copies the cursor's paragraph as a quotation with its
// citation.
func (r *readerModel) copyQuote() tea.Cmd {
	p, ok := r.cursorParagraph()
	if !ok {
		return nil
	}
	sec := r.doc.Sections[p.Section].Section
	cmd, status := copyQuotation(r.c, r.article, sec, sec.Paragraphs[p.Index])
	r.status = status
	return cmd
}

// copyCitation copies the article's citation alone.
func (r *readerModel) copyCitation() tea.Cmd {
	text, err := cite.Article(r.article, cite.Default)
	if err != nil {
		r.status = "Could not cite the article: " + err.Error()
		return nil
	}
	r.status = "Copied the article's citation."
	return copyCmd(r.c, text)
}

// copyMark copies a highlight as a quotation with its citation; a
// detached one is quoted as it was kept, without a section.
func copyMark(c *common, m *mark) (tea.Cmd, string) {
	if m.article == nil {
		return nil, "This highlight's article is not in the library: nothing to cite it with."
	}
	return copyQuotation(c, m.article, m.section, m.h.Quote)
}

// copyQuotation copies a paragraph of an article as a quotation followed
// by its citation (in the default style), and says what was copied.
func copyQuotation(c *common, a *content.Article, sec *content.Section, text string) (tea.Cmd, string) {
	q, err := cite.NewQuote(a, sec, text, cite.Default)
	if err != nil {
		return nil, "Could not cite the quote: " + err.Error()
	}
	return copyCmd(c, q.Plain()), "Copied the quote (" + q.WordsLabel() + ") with its citation."
}
