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
)

// generatedIssues is the size of the library the scale benchmarks use.
const generatedIssues = 300

// generateLibrary writes a library of n issues made from the embedded one
// (tools/genlibrary) into a temporary folder and returns it.
func generateLibrary(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "library")
	cmd := exec.Command("go", "run", "./tools/genlibrary", "-n", strconv.Itoa(n), "-out", dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("generating the library: %v\n%s", err, out)
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
// time from start until the issue list is on the screen (ms-median), then
// quits it with q and reports the most memory the process held
// (KB-maxrss, the median of the runs' peaks).
func BenchmarkProcessReaderFirstScreen(b *testing.B) {
	dir := generateLibrary(b, generatedIssues)
	state := filepath.Join(b.TempDir(), "state.json")
	var times []time.Duration
	var rss []int64
	for b.Loop() {
		first, maxRSS := firstScreen(b, state, "--dir", dir)
		times, rss = append(times, first), append(rss, maxRSS)
	}
	slices.Sort(rss)
	b.ReportMetric(medianMillis(times), "ms-median")
	b.ReportMetric(float64(rss[len(rss)/2]), "KB-maxrss")
}

// firstScreenMarker is on the list's first screen once it is drawn: the
// end of its status line.
const firstScreenMarker = "quit"

// firstScreen runs the reader in a pseudo-terminal until the list shows,
// then quits it. It returns the time to the first screen and the
// process's peak resident memory in KB.
func firstScreen(b *testing.B, state string, args ...string) (time.Duration, int64) {
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
	return first, maxRSS
}

// BenchmarkProcessReaderFirstScreenEmbedded is the same on the embedded
// library of one issue: the floor under the generated library's figure.
func BenchmarkProcessReaderFirstScreenEmbedded(b *testing.B) {
	state := filepath.Join(b.TempDir(), "state.json")
	var times []time.Duration
	var rss []int64
	for b.Loop() {
		first, maxRSS := firstScreen(b, state)
		times, rss = append(times, first), append(rss, maxRSS)
	}
	slices.Sort(rss)
	b.ReportMetric(medianMillis(times), "ms-median")
	b.ReportMetric(float64(rss[len(rss)/2]), "KB-maxrss")
}
