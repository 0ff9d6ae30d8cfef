package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"

	"analyst/internal/render"
)

// glowEnv names a glow binary (https://github.com/charmbracelet/glow,
// built outside this project) that BenchmarkLaunchToText runs in turns
// with analyst. Unset, only analyst is measured.
const glowEnv = "ANALYST_GLOW"

// launchSize is the pseudo-terminal the programs start in.
var launchSize = &pty.Winsize{Cols: 100, Rows: 30}

// BenchmarkLaunchToText measures how long a reader waits for an
// article's text: from starting `analyst --style dark 2` in a bare
// pseudo-terminal of 100x30 until the first words of its lead have been
// written to it. With ANALYST_GLOW naming a glow binary, it also runs
// `glow -t -s dark` on the same article's Markdown, in turns with
// analyst, and reports both medians and the median of the paired
// differences (ms-later: how much later analyst's text comes; negative
// is sooner), so that the machine's drift falls out of the comparison.
//
//	ANALYST_GLOW=/tmp/glow go test -run '^$' -bench LaunchToText -benchtime 40x ./e2e
func BenchmarkLaunchToText(b *testing.B) {
	art := embeddedArticle(b, "2")
	lead := strings.Fields(art.Sections[0].Paragraphs[0])
	want := strings.Join(lead[:4], " ") // "In late December 2025,"
	home := b.TempDir()
	md := filepath.Join(b.TempDir(), "article.md") // outside HOME: glow shows nothing of a file in it
	if err := os.WriteFile(md, []byte(render.ArticleMarkdown(art, true)), 0o644); err != nil {
		b.Fatal(err)
	}
	env := []string{"TERM=xterm-256color", "HOME=" + home, "ANALYST_STATE=" + filepath.Join(home, "state.json"), "PATH=" + os.Getenv("PATH")}
	glow := os.Getenv(glowEnv)
	if glow == "" {
		b.Logf("%s is not set: analyst alone is measured", glowEnv)
	}
	var ours, theirs, later []time.Duration
	blank := 0
	for b.Loop() {
		a, ok := launchToText(b, env, want, 10*time.Second, analystBin, "--style", "dark", "2")
		if !ok {
			b.Fatalf("analyst did not show %q within 10s", want)
		}
		ours = append(ours, a)
		if glow == "" {
			continue
		}
		// glow now and then shows an empty page for good: it renders the
		// file before it knows the window's width (ui.go's Init), and a
		// rendering that lands after the size is kept, cut to nothing.
		// Such a launch is counted (glow-blank) and tried again.
		for try := 0; ; try++ {
			g, ok := launchToText(b, env, want, time.Second, glow, "-t", "-s", "dark", md)
			if ok {
				theirs, later = append(theirs, g), append(later, a-g)
				break
			}
			blank++
			if try == 19 {
				b.Fatalf("glow did not show %q in 20 tries", want)
			}
		}
	}
	b.ReportMetric(medianMillis(ours), "ms-analyst")
	if glow != "" {
		b.ReportMetric(medianMillis(theirs), "ms-glow")
		b.ReportMetric(medianMillis(later), "ms-later")
		b.ReportMetric(float64(blank), "glow-blank")
	}
}

// launchToText starts a program in a pseudo-terminal and returns the
// time until want has been written to the terminal (escape codes aside),
// then ends the program; ok is false if want did not come within limit.
func launchToText(b *testing.B, env []string, want string, limit time.Duration, bin string, args ...string) (time.Duration, bool) {
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	start := time.Now()
	tty, err := pty.StartWithSize(cmd, launchSize)
	if err != nil {
		b.Fatalf("starting %s in a pseudo-terminal: %v", bin, err)
	}
	defer func() {
		cmd.Process.Kill()
		tty.Close()
		cmd.Wait()
	}()
	found := make(chan time.Duration, 1)
	go func() {
		var out bytes.Buffer
		buf := make([]byte, 32<<10)
		answered := 0
		for {
			n, err := tty.Read(buf)
			if n > 0 {
				out.Write(buf[:n])
				answered = answerQueries(tty, out.Bytes(), answered)
				if strings.Contains(ansi.Strip(out.String()), want) {
					found <- time.Since(start)
					return
				}
			}
			if err != nil {
				return
			}
		}
	}()
	select {
	case d := <-found:
		return d, true
	case <-time.After(limit):
		return 0, false
	}
}

// terminalAnswers are what a terminal answers to the questions programs
// ask it at start: its background colour (dark), where the cursor is, and
// what it is. A bare pseudo-terminal answers nothing, and glow waits for
// the first two; analyst asks without waiting.
var terminalAnswers = []struct{ query, answer string }{
	{"\x1b]11;?\x1b\\", "\x1b]11;rgb:0000/0000/0000\x1b\\"},
	{"\x1b]11;?\a", "\x1b]11;rgb:0000/0000/0000\a"},
	{"\x1b]10;?\x1b\\", "\x1b]10;rgb:dddd/dddd/dddd\x1b\\"},
	{"\x1b[6n", "\x1b[1;1R"},
	{"\x1b[c", "\x1b[?62;22c"},
}

// answerQueries answers the questions in out[from:] as a terminal would,
// and returns how far it has read (a question cut between two reads is
// answered on the next). Only questions asked before the program takes
// the alternate screen are answered: a terminal answers at once, and an
// answer that comes after a program began to read keys is read as keys
// (glow took one for esc, and showed an empty page).
func answerQueries(tty *os.File, out []byte, from int) int {
	if alt := bytes.Index(out, []byte("\x1b[?1049h")); alt >= 0 {
		if from >= alt {
			return len(out)
		}
		out = out[:alt]
	}
	for {
		at, ans := -1, ""
		for _, qa := range terminalAnswers {
			if i := bytes.Index(out[from:], []byte(qa.query)); i >= 0 && (at < 0 || i < at) {
				at, ans = i, qa.answer
			}
		}
		if at < 0 {
			return max(from, len(out)-8) // keep a cut question's start
		}
		tty.WriteString(ans)
		from += at + 1
	}
}
