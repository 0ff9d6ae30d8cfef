package main

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// benchmarkProcess runs the built binary with args, output to /dev/null,
// and reports the median wall time of a whole process, start to exit.
func benchmarkProcess(b *testing.B, args ...string) { benchmarkCommand(b, analystBin, args...) }

// benchmarkCommand is benchmarkProcess for any program.
func benchmarkCommand(b *testing.B, bin string, args ...string) {
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	defer devnull.Close()
	var times []time.Duration
	for b.Loop() {
		cmd := exec.Command(bin, args...)
		cmd.Stdout, cmd.Stderr = devnull, devnull
		start := time.Now()
		if err := cmd.Run(); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
}

// BenchmarkProcessRead is `analyst read 4 --width 80 > /dev/null`: the
// longest article, rendered in the notty style, by a fresh process.
func BenchmarkProcessRead(b *testing.B) { benchmarkProcess(b, "read", "4", "--width", "80") }

// BenchmarkProcessVersion is the floor: a process that starts and prints
// its version, paying for package initialisation and nothing else.
func BenchmarkProcessVersion(b *testing.B) { benchmarkProcess(b, "version") }

// BenchmarkProcessGlamourOnly is the floor under any Glamour program: a
// process that links Glamour and does nothing (tools/glamourbaseline),
// measured in the same run as the others.
func BenchmarkProcessGlamourOnly(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "glamourbaseline")
	if out, err := exec.Command("go", "build", "-o", bin, "./tools/glamourbaseline").CombinedOutput(); err != nil {
		b.Fatalf("building the baseline: %v\n%s", err, out)
	}
	benchmarkCommand(b, bin)
}

// BenchmarkRunRead is `analyst read 4 --width 80` inside this process:
// everything a run does after package initialisation (parsing the command
// line, loading the library, rendering, writing), which is the project's
// own share of a process's time.
func BenchmarkRunRead(b *testing.B) {
	for b.Loop() {
		a := newApp(strings.NewReader(""), io.Discard, io.Discard, []string{"PATH=/usr/bin"})
		if code := run(context.Background(), []string{"read", "4", "--width", "80"}, a); code != 0 {
			b.Fatalf("exit status %d", code)
		}
	}
}
