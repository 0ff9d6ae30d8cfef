package ui

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"analyst/internal/content"
	"analyst/internal/testlib"
	"analyst/tools/genlibrary/generate"
)

// generatedLibrary writes the library of 300 issues tools/genlibrary
// makes from the embedded one into a temporary folder and returns it.
func generatedLibrary(b *testing.B) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "library")
	if err := generate.Write(dir, filepath.Join(testlib.Dir(), "2026-01"), 300); err != nil {
		b.Fatal(err)
	}
	return dir
}

// runAsync runs a command in the background, as Bubble Tea does, and
// sends its messages, those of batches and sequences included, to out.
func runAsync(cmd tea.Cmd, out chan<- tea.Msg) {
	if cmd == nil {
		return
	}
	go func() {
		msg := cmd()
		if cmds, ok := batched(msg); ok {
			for _, c := range cmds {
				runAsync(c, out)
			}
			return
		}
		if msg != nil {
			out <- msg
		}
	}()
}

// BenchmarkLibrarySearchWhileTyping types "gwadar" after / on the list of
// the generated library of 300 issues, as fast as keys can come, with the
// searches running in the background as Bubble Tea runs them, and then
// waits for the passages. ms-key is the slowest key (Update and View)
// while searches run; ms-first is from the first letter to the first
// passages on the list. cold opens the library anew each time, so that
// the first search waits for every issue to be read; warm searches a
// library already read.
func BenchmarkLibrarySearchWhileTyping(b *testing.B) {
	dir := generatedLibrary(b)
	warm := content.Open(os.DirFS(dir), "lib")
	warm.Prepare()
	cache := sharedCache()
	for _, mode := range []string{"warm", "cold"} {
		b.Run(mode, func(b *testing.B) {
			var keyTimes, firstTimes []time.Duration
			for b.Loop() {
				lib := warm
				if mode == "cold" {
					lib = content.Open(os.DirFS(dir), "lib")
				}
				m := New(Options{Library: lib, Cache: cache, Style: "dark"})
				m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
				msgs := make(chan tea.Msg, 256)
				_, cmd := m.Update(keyPress("/"))
				runAsync(cmd, msgs)
				start := time.Now()
				slowest := time.Duration(0)
				for _, r := range "gwadar" {
					t0 := time.Now()
					_, cmd := m.Update(keyPress(string(r)))
					_ = m.View()
					slowest = max(slowest, time.Since(t0))
					runAsync(cmd, msgs)
				}
				for len(m.list.passages()) == 0 || m.list.found.found.Query != "gwadar" {
					select {
					case msg := <-msgs:
						m.Update(msg)
					case <-time.After(10 * time.Second):
						b.Fatal("no passages after 10 s")
					}
				}
				firstTimes = append(firstTimes, time.Since(start))
				_ = m.View()
				keyTimes = append(keyTimes, slowest)
			}
			b.ReportMetric(medianMs(keyTimes), "ms-key")
			b.ReportMetric(medianMs(firstTimes), "ms-first")
		})
	}
}

// medianMs is the median of times in milliseconds.
func medianMs(times []time.Duration) float64 {
	times = slices.Clone(times)
	slices.Sort(times)
	return float64(times[len(times)/2].Microseconds()) / 1000
}
