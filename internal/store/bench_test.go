package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
)

// benchHighlights is how many highlights the benchmarks' reader has.
const benchHighlights = 1000

// benchDatabase makes a closed database whose local reader has 1,000
// highlights, spread over the library's paragraphs, one note in three,
// and a place in every article.
func benchDatabase(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "analyst.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	lib := loadLibrary(b, nil)
	var anchors []Anchor
	for _, a := range lib.Articles() {
		for _, sec := range a.Sections {
			for i := range sec.Paragraphs {
				an, err := anchorAt(a, sec.Slug, i)
				if err != nil {
					b.Fatal(err)
				}
				anchors = append(anchors, an)
			}
		}
		if err := s.SavePlace(ctx, LocalOwner, RefOf(a), Place{Section: "background", Fraction: 0.5}, 0.4); err != nil {
			b.Fatal(err)
		}
	}
	err = s.write(ctx, "the highlights", LocalOwner, func(tx *sql.Tx) error {
		for i := range benchHighlights {
			note := ""
			if i%3 == 0 {
				note = fmt.Sprintf("note %d: worth comparing with the 2019 statements on the EAEU", i)
			}
			if err := s.insert(ctx, tx, LocalOwner, s.newHighlight(anchors[i%len(anchors)], note)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkOpenAndLoad is a reader's start: open the store, load the
// places, read marks and last article, and every highlight. Target: under
// 3 ms with 1,000 highlights.
func BenchmarkOpenAndLoad(b *testing.B) {
	path := benchDatabase(b)
	b.ResetTimer()
	for b.Loop() {
		s, err := Open(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		r, err := s.Load(ctx, LocalOwner)
		if err != nil || len(r.Places) != 4 {
			b.Fatal(r, err)
		}
		hs, err := s.Highlights(ctx, LocalOwner)
		if err != nil || len(hs) != benchHighlights {
			b.Fatal(len(hs), err)
		}
		s.Close()
	}
}

// BenchmarkOpen is Open alone, on a current schema.
func BenchmarkOpen(b *testing.B) {
	path := benchDatabase(b)
	b.ResetTimer()
	for b.Loop() {
		s, err := Open(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkHighlights lists 1,000 highlights from an open store.
func BenchmarkHighlights(b *testing.B) {
	path := benchDatabase(b)
	s, err := Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ResetTimer()
	for b.Loop() {
		hs, err := s.Highlights(ctx, LocalOwner)
		if err != nil || len(hs) != benchHighlights {
			b.Fatal(len(hs), err)
		}
	}
}
