package cli

import (
	"io"
	"testing"
)

// BenchmarkRunRead is `analyst read 4 --width 80` inside this process:
// everything a run does after package initialisation (parsing the command
// line, loading the library, rendering, writing), which is the project's
// own share of a process's time. The library is held in memory, as the
// binary's embedded one is.
func BenchmarkRunRead(b *testing.B) {
	lib := embeddedCopy(b)
	for b.Loop() {
		a := newApp(nil, io.Discard, io.Discard, []string{"PATH=/usr/bin"}, lib)
		if code := run(b.Context(), []string{"read", "4", "--width", "80"}, a); code != 0 {
			b.Fatalf("exit status %d", code)
		}
	}
}
