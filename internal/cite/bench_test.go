package cite

import "testing"

// BenchmarkQuote is the work behind `y`: a paragraph quoted with its
// citation, as plain text and as Markdown.
func BenchmarkQuote(b *testing.B) {
	a := article(b, "cutler")
	sec := a.Body()[0]
	para := sec.Paragraphs[0]
	b.ReportAllocs()
	for b.Loop() {
		q, err := NewQuote(a, sec, para, Chicago)
		if err != nil {
			b.Fatal(err)
		}
		_ = q.Plain()
		_ = q.Markdown("a note")
	}
}

// BenchmarkArticle cites an article in every format, as `analyst cite`
// and `Y` do once each.
func BenchmarkArticle(b *testing.B) {
	a := article(b, "tolipov")
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range Formats() {
			if _, err := Article(a, f); err != nil {
				b.Fatal(err)
			}
		}
	}
}
