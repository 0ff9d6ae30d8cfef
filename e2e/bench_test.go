package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"analyst/internal/content"
	"analyst/internal/render"
)

// benchmarkProcess runs the built binary with args, output to /dev/null,
// and reports the median wall time of a whole process, start to exit.
func benchmarkProcess(b *testing.B, args ...string) { benchmarkCommand(b, analystBin, args...) }

// benchmarkCommand is benchmarkProcess for any program.
func benchmarkCommand(b *testing.B, bin string, args ...string) {
	var times []time.Duration
	for b.Loop() {
		times = append(times, timeCommand(b, bin, args...))
	}
	b.ReportMetric(medianMillis(times), "ms-median")
}

// timeCommand runs a program to the end, output to /dev/null, and returns
// its wall time from start to exit.
func timeCommand(b *testing.B, bin string, args ...string) time.Duration {
	cmd := exec.Command(bin, args...)
	start := time.Now()
	if err := cmd.Run(); err != nil { // nil Stdout and Stderr are /dev/null
		b.Fatalf("%s %s: %v", bin, strings.Join(args, " "), err)
	}
	return time.Since(start)
}

// medianMillis is the median of times, in milliseconds.
func medianMillis(times []time.Duration) float64 {
	times = slices.Clone(times)
	slices.Sort(times)
	return float64(times[len(times)/2].Microseconds()) / 1000
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
func BenchmarkProcessGlamourOnly(b *testing.B) { benchmarkCommand(b, buildBaseline(b)) }

// BenchmarkProcessOwnShare measures what `analyst read 4 --width 80`
// costs on top of what any Glamour program pays to print the same text: it
// runs tools/glamourbaseline rendering the same Markdown (notty, 80
// columns) and analyst, one after the other, and reports both medians and
// the median of the paired differences (ms-own), so that the machine's
// drift from one minute to the next falls out of the comparison.
func BenchmarkProcessOwnShare(b *testing.B) {
	baseline := buildBaseline(b)
	md := filepath.Join(b.TempDir(), "article.md")
	if err := os.WriteFile(md, []byte(longestArticleMarkdown(b)), 0o644); err != nil {
		b.Fatal(err)
	}
	sameOutput(b, exec.Command(baseline, md), exec.Command(analystBin, "read", "4", "--width", "80"))
	var glamour, analyst, own []time.Duration
	for b.Loop() {
		g := timeCommand(b, baseline, md)
		a := timeCommand(b, analystBin, "read", "4", "--width", "80")
		glamour, analyst, own = append(glamour, g), append(analyst, a), append(own, a-g)
	}
	b.ReportMetric(medianMillis(glamour), "ms-glamour")
	b.ReportMetric(medianMillis(analyst), "ms-analyst")
	b.ReportMetric(medianMillis(own), "ms-own")
}

// sameOutput fails the benchmark unless the two commands print the same
// words, in the same order: the comparison is only fair if both do the
// same work. The layout differs: the baseline uses Glamour's standard
// notty style, whose "#" and "*" marks analyst's own style leaves out,
// and analyst lays out the byline itself (a break takes the place of a
// "·").
func sameOutput(b *testing.B, baseline, analyst *exec.Cmd) {
	want, err := baseline.Output()
	if err != nil {
		b.Fatal(err)
	}
	got, err := analyst.Output()
	if err != nil {
		b.Fatal(err)
	}
	words := func(out []byte) string {
		marks := regexp.MustCompile(`(?m)^ *#+ |\*| ·`)
		return strings.Join(strings.Fields(string(marks.ReplaceAll(out, nil))), " ")
	}
	if w, g := words(want), words(got); w != g {
		b.Fatalf("the baseline and analyst print different text (%d and %d bytes of words)", len(w), len(g))
	}
}

// longestArticleMarkdown is the Markdown `analyst read 4` renders.
func longestArticleMarkdown(b *testing.B) string {
	return render.ArticleMarkdown(embeddedArticle(b, "4"), true)
}

// embeddedArticle is the article ref names in the repository's articles/.
func embeddedArticle(b *testing.B, ref string) *content.Article {
	lib, err := content.Load(os.DirFS("articles"), "articles")
	if err != nil {
		b.Fatal(err)
	}
	art, err := lib.Find(ref)
	if err != nil {
		b.Fatal(err)
	}
	return art
}

// buildBaseline builds tools/glamourbaseline and returns its path.
func buildBaseline(b *testing.B) string {
	bin := filepath.Join(b.TempDir(), "glamourbaseline")
	if out, err := exec.Command("go", "build", "-o", bin, "./tools/glamourbaseline").CombinedOutput(); err != nil {
		b.Fatalf("building the baseline: %v\n%s", err, out)
	}
	return bin
}
