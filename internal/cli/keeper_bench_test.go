package cli

import (
	"io"
	"path/filepath"
	"testing"

	"analyst/ui"
)

// BenchmarkReaderKeeper is what the reader's start-up adds for the store:
// opening the database (made before), the state.json import's look for a
// file, and loading places and highlights (here 50) into the reader's
// notebook through the keeper.
func BenchmarkReaderKeeper(b *testing.B) {
	dir := b.TempDir()
	a := newApp(nil, io.Discard, io.Discard, []string{"ANALYST_DB=" + filepath.Join(dir, "a.db"), "ANALYST_STATE=" + filepath.Join(dir, "state.json")}, embeddedCopy(b))
	lib, err := a.library()
	if err != nil {
		b.Fatal(err)
	}
	keeper := a.readerKeeper(b.Context())
	if _, err := keeper.Load(lib); err != nil || keeper.notice != "" {
		b.Fatal(err, keeper.notice)
	}
	art := lib.Articles()[3]
	for i := range 50 {
		sec := art.Sections[1+i%3]
		if _, err := keeper.AddHighlight(ui.Highlight{Article: art.Key(), Section: sec.Slug, Paragraph: i % len(sec.Paragraphs), Note: "n"}); err != nil {
			b.Fatal(err)
		}
	}
	keeper.close()
	for b.Loop() {
		keeper := a.readerKeeper(b.Context())
		kept, err := keeper.Load(lib)
		if err != nil || len(kept.Highlights) == 0 {
			b.Fatal(err)
		}
		keeper.close()
	}
}
