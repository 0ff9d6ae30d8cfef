package e2e

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"

	"analyst/tools/genlibrary/generate"
)

// generatedIssues is the size of the library the scale benchmarks use.
const generatedIssues = 300

// generateLibrary writes a library of n issues made from the embedded
// one (tools/genlibrary) into a temporary folder and returns it.
func generateLibrary(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "library")
	if err := generate.Write(dir, "articles/2026-01", n); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkProcessListLarge is `analyst --dir LIB list > /dev/null` on the
// generated library of 300 issues: every issue's table of contents.
func BenchmarkProcessListLarge(b *testing.B) {
	dir := generateLibrary(b, generatedIssues)
	benchmarkProcess(b, "--dir", dir, "list")
}

// BenchmarkProcessReaderFirstScreen starts the reader on the generated
// library of 300 issues in a pseudo-terminal of 120x40 and measures the
// time from start until the issue list is on the screen (ms-median) and
// the process's resident memory then (KB-rss); then it quits it with q
// and reports the most memory the process held (KB-maxrss: when it ends
// it reads every issue, to warn about broken files). Medians of the runs.
func BenchmarkProcessReaderFirstScreen(b *testing.B) {
	dir := generateLibrary(b, generatedIssues)
	benchmarkFirstScreen(b, "--dir", dir)
}

func benchmarkFirstScreen(b *testing.B, args ...string) {
	state := filepath.Join(b.TempDir(), "state.json")
	var times []time.Duration
	var rss, maxRSS []int64
	for b.Loop() {
		s := firstScreen(b, state, args...)
		times, rss, maxRSS = append(times, s.time), append(rss, s.rss), append(maxRSS, s.maxRSS)
	}
	b.ReportMetric(medianMillis(times), "ms-median")
	b.ReportMetric(float64(medianInt(rss)), "KB-rss")
	b.ReportMetric(float64(medianInt(maxRSS)), "KB-maxrss")
}

func medianInt(xs []int64) int64 {
	xs = slices.Clone(xs)
	slices.Sort(xs)
	return xs[len(xs)/2]
}

// firstScreenMarker is on the list's first screen once it is drawn: the
// end of its status line.
const firstScreenMarker = "quit"

// startup is what firstScreen measures: the time to the first screen,
// the process's resident memory then, and its peak, in KB.
type startup struct {
	time        time.Duration
	rss, maxRSS int64
}

// firstScreen runs the reader in a pseudo-terminal until the list shows,
// then quits it.
func firstScreen(b *testing.B, state string, args ...string) startup {
	b.Helper()
	cmd := exec.Command(analystBin, args...)
	cmd.Env = []string{"TERM=xterm-256color", "ANALYST_STATE=" + state, "HOME=" + filepath.Dir(state)}
	start := time.Now()
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 120, Rows: 40})
	if err != nil {
		b.Fatal(err)
	}
	defer tty.Close()
	var seen bytes.Buffer
	buf := make([]byte, 64<<10)
	var first time.Duration
	deadline := time.Now().Add(10 * time.Second)
	_ = tty.SetReadDeadline(deadline)
	for first == 0 {
		n, err := tty.Read(buf)
		seen.Write(buf[:n])
		if strings.Contains(ansi.Strip(seen.String()), firstScreenMarker) {
			first = time.Since(start)
			break
		}
		if err != nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			b.Fatalf("no first screen: %v\n%q", err, ansi.Strip(seen.String()))
		}
	}
	rss := residentKB(cmd.Process.Pid)
	if _, err := tty.Write([]byte("q")); err != nil {
		b.Fatal(err)
	}
	go func() { _, _ = io.Copy(io.Discard, tty) }() // the last frames, until the process ends
	if err := cmd.Wait(); err != nil {
		b.Fatalf("the reader ended with %v", err)
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	var maxRSS int64
	if ru != nil {
		maxRSS = ru.Maxrss
	}
	_ = os.Remove(state)
	return startup{time: first, rss: rss, maxRSS: maxRSS}
}

// residentKB is a process's resident memory in KB, from /proc; 0 where
// there is none.
func residentKB(pid int) int64 {
	status, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return n
		}
	}
	return 0
}

// BenchmarkProcessReaderFirstScreenEmbedded is the same on the embedded
// library of one issue: the floor under the generated library's figure.
func BenchmarkProcessReaderFirstScreenEmbedded(b *testing.B) { benchmarkFirstScreen(b) }

// BenchmarkProcessReaderFirstScreenPaired starts the reader on the
// embedded issue and on the generated library of 300 issues in turns,
// and reports both medians and the median of the paired differences
// (ms-more): what the 300 issues cost the first screen, with the
// machine's drift from one minute to the next taken out.
func BenchmarkProcessReaderFirstScreenPaired(b *testing.B) {
	dir := generateLibrary(b, generatedIssues)
	state := filepath.Join(b.TempDir(), "state.json")
	var one, many, more []time.Duration
	for b.Loop() {
		o := firstScreen(b, state).time
		m := firstScreen(b, state, "--dir", dir).time
		one, many, more = append(one, o), append(many, m), append(more, m-o)
	}
	b.ReportMetric(medianMillis(one), "ms-embedded")
	b.ReportMetric(medianMillis(many), "ms-300")
	b.ReportMetric(medianMillis(more), "ms-more")
}
