// Command startup measures the reader's start-up: the time from starting
// analyst in a pseudo-terminal to its first frame showing the issue list.
// Given two binaries (say, one built from main and one from a branch), it
// runs them in turns and reports each one's median and the median of the
// paired differences, so that the shared machine's drift falls out.
//
//	go run ./tools/startup -n 40 /tmp/analyst-main /tmp/analyst-branch
//
// Each binary keeps its own home folder for the whole run (a reader's
// store is made on the first start and opened on the others); -seed runs
// a binary once before measuring, so that no timed run creates one.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"time"

	"github.com/creack/pty"
)

func main() {
	n := flag.Int("n", 30, "runs of each binary")
	want := flag.String("until", "Farkhod Tolipov", "the text of the first frame")
	flag.Parse()
	bins := flag.Args()
	if len(bins) == 0 || len(bins) > 2 {
		fmt.Fprintln(os.Stderr, "usage: startup [-n N] BINARY [OTHER-BINARY]")
		os.Exit(2)
	}
	homes := make([]string, len(bins))
	for i := range bins {
		dir, err := os.MkdirTemp("", "analyst-startup-")
		if err != nil {
			fail(err)
		}
		defer os.RemoveAll(dir)
		homes[i] = dir
		if _, err := firstFrame(bins[i], dir, *want); err != nil { // makes the store: not timed
			fail(err)
		}
	}
	times := make([][]time.Duration, len(bins))
	for range *n {
		for i, bin := range bins {
			d, err := firstFrame(bin, homes[i], *want)
			if err != nil {
				fail(err)
			}
			times[i] = append(times[i], d)
		}
	}
	for i, bin := range bins {
		fmt.Printf("%-40s median %6.2f ms  (p25 %.2f, p75 %.2f)\n", filepath.Base(filepath.Dir(bin))+"/"+filepath.Base(bin),
			ms(quantile(times[i], 0.5)), ms(quantile(times[i], 0.25)), ms(quantile(times[i], 0.75)))
	}
	if len(bins) == 2 {
		diffs := make([]time.Duration, *n)
		for j := range diffs {
			diffs[j] = times[1][j] - times[0][j]
		}
		fmt.Printf("second minus first, paired: median %+.2f ms (p25 %+.2f, p75 %+.2f) over %d pairs\n",
			ms(quantile(diffs, 0.5)), ms(quantile(diffs, 0.25)), ms(quantile(diffs, 0.75)), *n)
	}
}

// firstFrame starts bin in a 120x40 pseudo-terminal with home as its
// home, waits for want to appear in what it draws, and returns how long
// that took; then it quits the reader and waits for it to end.
func firstFrame(bin, home, want string) (time.Duration, error) {
	cmd := exec.Command(bin)
	cmd.Env = []string{"TERM=xterm-256color", "HOME=" + home, "PATH=/usr/bin:/bin",
		"XDG_DATA_HOME=" + filepath.Join(home, "data"), "XDG_STATE_HOME=" + filepath.Join(home, "state")}
	start := time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 120, Rows: 40})
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var seen bytes.Buffer
	buf := make([]byte, 64<<10)
	deadline := time.Now().Add(10 * time.Second)
	var took time.Duration
	for took == 0 {
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			return 0, fmt.Errorf("%s: no %q within 10s; it drew %q", bin, want, seen.String())
		}
		_ = f.SetReadDeadline(deadline)
		k, err := f.Read(buf)
		seen.Write(buf[:k])
		if bytes.Contains(seen.Bytes(), []byte(want)) {
			took = time.Since(start)
		} else if err != nil {
			return 0, fmt.Errorf("%s: %w after %q", bin, err, seen.String())
		}
	}
	if _, err := f.Write([]byte("q")); err != nil {
		return 0, err
	}
	go func() { _, _ = bytes.NewBuffer(nil).ReadFrom(f) }() // drain what it writes on its way out
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			return 0, fmt.Errorf("%s ended with %w", bin, err)
		}
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		return 0, errors.New(bin + ": did not quit")
	}
	return took, nil
}

func quantile(d []time.Duration, q float64) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[int(q*float64(len(s)-1)+0.5)]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func fail(err error) {
	fmt.Fprintln(os.Stderr, "startup:", err)
	os.Exit(1)
}
