package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"analyst/internal/pgtest"
)

// benchHighlights is how many highlights the benchmarks' reader has.
const benchHighlights = 1000

// pgBench is the benchmarks' PostgreSQL cluster: durable, as a server's
// is, so that its commits compare with SQLite's synchronous=FULL.
var pgBench = pgtest.Shared{Durable: true}

// benchEngines are the engines the benchmarks measure: SQLite, and
// PostgreSQL over its unix socket, as a server on the same machine would
// reach it (TCP on loopback adds some 20 µs a round trip).
var benchEngines = [...]engine{
	engines[0],
	{"postgres", func(tb testing.TB) string {
		c := pgBench.Cluster(tb)
		dsn := c.NewDatabase(tb)
		return c.SocketDSN(dsn[strings.LastIndex(dsn, "/")+1 : strings.Index(dsn, "?")])
	}},
}

// forBenchEngines runs a benchmark on each engine, as a sub-benchmark
// named by it.
func forBenchEngines(b *testing.B, bench func(b *testing.B, e engine)) {
	for _, e := range benchEngines {
		b.Run(e.name, func(b *testing.B) { bench(b, e) })
	}
}

// benchDatabase makes a closed database whose local reader has 1,000
// highlights, one note in three, and a place in the library's four
// articles: one highlight on each of the library's 72 paragraphs, the
// others on the paragraphs of 40 issues read before (their quotes are the
// library's paragraphs again, so that every row is as long as a real one).
func benchDatabase(b *testing.B, e engine) string {
	b.Helper()
	path := e.newDSN(b)
	s, err := OpenDSN(context.Background(), path, Limits{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	lib := loadLibrary(b, nil)
	paras := allParagraphs(lib)
	for _, a := range lib.Articles() {
		if err := s.SavePlace(ctx, LocalOwner, RefOf(a), Place{Section: "background", Fraction: 0.5}, 0.4); err != nil {
			b.Fatal(err)
		}
	}
	err = s.write(ctx, "the highlights", LocalOwner, func(tx *sql.Tx) error {
		for i := range benchHighlights {
			p := paras[i%len(paras)]
			an, err := anchorAt(p.article, p.section, p.index)
			if err != nil {
				return err
			}
			if i >= len(paras) {
				an.Issue = fmt.Sprintf("%04d-%02d", 2020+i/300, 1+i/25%12)
				an.Article += strconv.Itoa(i % 25)
			}
			note := ""
			if i%3 == 0 {
				note = fmt.Sprintf("note %d: worth comparing with the 2019 statements on the EAEU", i)
			}
			if err := s.insert(ctx, tx, LocalOwner, s.newHighlight(an, note)); err != nil {
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

// cpuPerOp starts counting the CPU time the process spends (user and
// system, every thread); the function it returns, called after the loop,
// reports it per operation beside the wall time. On a shared machine other
// processes stretch the wall time, not this. On PostgreSQL it is the
// client's CPU only: the server's is spent in its own processes.
func cpuPerOp(b *testing.B) func() {
	b.Helper()
	before := cpuTime(b)
	return func() {
		b.ReportMetric(float64((cpuTime(b)-before).Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// openBench opens the benchmark database, closed at the end.
func openBench(b *testing.B, e engine) *Store {
	b.Helper()
	s, err := OpenDSN(context.Background(), benchDatabase(b, e), Limits{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// openAndLoad opens the store and loads the local reader's places.
func openAndLoad(b *testing.B, path string) (*Store, Reading) {
	s, err := OpenDSN(context.Background(), path, Limits{})
	if err != nil {
		b.Fatal(err)
	}
	r, err := s.Load(ctx, LocalOwner)
	if err != nil || len(r.Places) != 4 {
		b.Fatal(r, err)
	}
	return s, r
}

// BenchmarkStart is the reader's start with a store: open it, load the
// places, read marks and last article (Load), and the highlights of the
// article read last, for its overlay.
func BenchmarkStart(b *testing.B) {
	forBenchEngines(b, func(b *testing.B, e engine) {
		path := benchDatabase(b, e)
		done := cpuPerOp(b)
		for b.Loop() {
			s, r := openAndLoad(b, path)
			hs, err := s.ArticleHighlights(ctx, LocalOwner, r.Last)
			if err != nil || len(hs) == 0 {
				b.Fatal(len(hs), err)
			}
			s.Close()
		}
		done()
	})
}

// BenchmarkLoad is a server's session start, its store open: the
// reader's places, read marks and last article (Load), and the highlights
// of the article read last.
func BenchmarkLoad(b *testing.B) {
	forBenchEngines(b, func(b *testing.B, e engine) {
		s := openBench(b, e)
		done := cpuPerOp(b)
		for b.Loop() {
			r, err := s.Load(ctx, LocalOwner)
			if err != nil || len(r.Places) != 4 {
				b.Fatal(r, err)
			}
			if hs, err := s.ArticleHighlights(ctx, LocalOwner, r.Last); err != nil || len(hs) == 0 {
				b.Fatal(len(hs), err)
			}
		}
		done()
	})
}

// BenchmarkOpenAndLoadAll opens the store and loads everything a reader
// has: places, read marks and all 1,000 highlights with their quotes and
// notes. Target: under 3 ms.
func BenchmarkOpenAndLoadAll(b *testing.B) {
	forBenchEngines(b, func(b *testing.B, e engine) {
		path := benchDatabase(b, e)
		done := cpuPerOp(b)
		for b.Loop() {
			s, _ := openAndLoad(b, path)
			hs, err := s.Highlights(ctx, LocalOwner)
			if err != nil || len(hs) != benchHighlights {
				b.Fatal(len(hs), err)
			}
			s.Close()
		}
		done()
	})
}

// BenchmarkOpen is Open alone, on a current schema.
func BenchmarkOpen(b *testing.B) {
	forBenchEngines(b, func(b *testing.B, e engine) {
		path := benchDatabase(b, e)
		done := cpuPerOp(b)
		for b.Loop() {
			s, err := OpenDSN(context.Background(), path, Limits{})
			if err != nil {
				b.Fatal(err)
			}
			s.Close()
		}
		done()
	})
}

// BenchmarkCounts counts the highlights of each article: 1,000 in 376
// articles.
func BenchmarkCounts(b *testing.B) {
	forBenchEngines(b, func(b *testing.B, e engine) {
		s := openBench(b, e)
		done := cpuPerOp(b)
		for b.Loop() {
			if c, err := s.Counts(ctx, LocalOwner); err != nil || len(c) < 300 {
				b.Fatal(len(c), err)
			}
		}
		done()
	})
}

// BenchmarkHighlights lists 1,000 highlights from an open store.
func BenchmarkHighlights(b *testing.B) {
	forBenchEngines(b, func(b *testing.B, e engine) {
		s := openBench(b, e)
		done := cpuPerOp(b)
		for b.Loop() {
			if hs, err := s.Highlights(ctx, LocalOwner); err != nil || len(hs) != benchHighlights {
				b.Fatal(len(hs), err)
			}
		}
		done()
	})
}

// BenchmarkToggle highlights a paragraph and removes the highlight in
// turn, each change committed. Target: under 5 ms.
func BenchmarkToggle(b *testing.B) {
	forBenchEngines(b, func(b *testing.B, e engine) {
		s := openBench(b, e)
		a := article(b, loadLibrary(b, nil), "cutler")
		done := cpuPerOp(b)
		for b.Loop() {
			if _, _, err := s.Toggle(ctx, LocalOwner, a, "lead", 0); err != nil {
				b.Fatal(err)
			}
		}
		done()
	})
}

// BenchmarkAnnotate saves a note, committed. Target: under 5 ms.
func BenchmarkAnnotate(b *testing.B) {
	forBenchEngines(b, func(b *testing.B, e engine) {
		s := openBench(b, e)
		a := article(b, loadLibrary(b, nil), "cutler")
		n := 0
		done := cpuPerOp(b)
		for b.Loop() {
			n++
			if _, err := s.Annotate(ctx, LocalOwner, a, "implications", 3, "note "+strconv.Itoa(n)); err != nil {
				b.Fatal(err)
			}
		}
		done()
	})
}

// BenchmarkSavePlace saves a place, committed.
func BenchmarkSavePlace(b *testing.B) {
	forBenchEngines(b, func(b *testing.B, e engine) {
		s := openBench(b, e)
		ref := ArticleRef{Issue: "2026-01", Article: "cutler"}
		n := 0
		done := cpuPerOp(b)
		for b.Loop() {
			n++
			if err := s.SavePlace(ctx, LocalOwner, ref, Place{Section: "background", Fraction: float64(n%100) / 100}, 0.5); err != nil {
				b.Fatal(err)
			}
		}
		done()
	})
}

// BenchmarkLocateAll locates 1,000 highlights in the library, as the list
// of highlights does: the library's 72 at their place, the others in
// issues the library does not have.
func BenchmarkLocateAll(b *testing.B) {
	s := openBench(b, engines[0])
	hs, err := s.Highlights(ctx, LocalOwner)
	if err != nil {
		b.Fatal(err)
	}
	lib := loadLibrary(b, nil)
	done := cpuPerOp(b)
	for b.Loop() {
		LocateAll(lib, hs)
	}
	done()
}
