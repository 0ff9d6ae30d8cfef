package e2e

// End-to-end tests of the reader as a person uses it: the built binary runs
// in a tmux pane (a real terminal), keys are typed with send-keys, and the
// screen is read back with capture-pane. Every wait polls the screen with a
// deadline, so a broken reader fails in seconds instead of hanging.
//
// tmux and ssh must be installed: scripts/ensure-tools installs them.

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

const (
	// screenDeadline bounds every wait for the screen to show something.
	// It is generous: on a loaded machine a frame can take a second.
	screenDeadline = 10 * time.Second
	pollInterval   = 50 * time.Millisecond
)

// needTools fails the test when a program it drives is not installed.
func needTools(t *testing.T, names ...string) {
	t.Helper()
	for _, name := range names {
		if _, err := exec.LookPath(name); err != nil {
			t.Fatalf("%s is not installed; scripts/ensure-tools installs tmux and the OpenSSH client that these tests need", name)
		}
	}
}

// shellQuote quotes s for the POSIX shell that runs a pane's command.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// readerCommand is a pane's command: the binary with args, then its exit
// status, then a pause that keeps the pane open to be read. Its
// environment is TERM, the extra variables, and ANALYST_STATE and
// ANALYST_DB naming files in the test's temporary folder, so that the
// reader keeps what it keeps there and never in a home folder.
func readerCommand(t *testing.T, env []string, args ...string) string {
	dir := t.TempDir()
	vars := []string{"TERM=xterm-256color", "ANALYST_STATE=" + filepath.Join(dir, "state.json"), "ANALYST_DB=" + filepath.Join(dir, "analyst.db")}
	return paneCommand("EXIT", append(append(vars, env...), analystBin), args...)
}

// paneCommand runs prog (after env -i and variables) with args, then echoes
// MARK=$? and waits.
func paneCommand(mark string, prog []string, args ...string) string {
	parts := []string{"env", "-i"}
	for _, p := range append(prog, args...) {
		parts = append(parts, shellQuote(p))
	}
	return strings.Join(parts, " ") + "; echo " + mark + "=$?; sleep 30"
}

var tmuxSockets atomic.Int64

// pane is one tmux server, on a private socket, with one session "s".
type pane struct {
	t      *testing.T
	sock   string
	exitAt string // the marker the pane prints when its program ends
}

// startPane starts command in a new w×h tmux session. The server is killed,
// and its socket removed, when the test ends.
func startPane(t *testing.T, w, h int, exitMark, command string) *pane {
	t.Helper()
	needTools(t, "tmux")
	tm := &pane{
		t:      t,
		sock:   fmt.Sprintf("analyst-e2e-%d-%d", os.Getpid(), tmuxSockets.Add(1)),
		exitAt: exitMark + "=",
	}
	var socket string
	t.Cleanup(func() {
		_ = tm.cmd("kill-server").Run()
		if socket != "" {
			os.Remove(socket) // tmux leaves it behind
		}
	})
	if out, err := tm.cmd("new-session", "-d", "-x", strconv.Itoa(w), "-y", strconv.Itoa(h), "-s", "s", command).CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	socket = tm.flag("#{socket_path}")
	return tm
}

// cmd is a tmux command on the pane's server, which reads no configuration
// and whose panes run their commands with /bin/sh.
func (tm *pane) cmd(args ...string) *exec.Cmd {
	cmd := exec.Command("tmux", append([]string{"-L", tm.sock, "-f", "/dev/null", "-u"}, args...)...)
	cmd.Env = append(cleanEnv(), "SHELL=/bin/sh")
	return cmd
}

// run runs a tmux command and returns its output, failing the test on error.
func (tm *pane) run(args ...string) string {
	tm.t.Helper()
	out, err := tm.cmd(args...).Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		tm.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, stderr)
	}
	return string(out)
}

// keys sends tmux key names ("j", "Enter", "Escape").
func (tm *pane) keys(keys ...string) {
	tm.t.Helper()
	tm.run(append([]string{"send-keys", "-t", "s"}, keys...)...)
}

// typeText sends text literally, character by character.
func (tm *pane) typeText(text string) {
	tm.t.Helper()
	tm.run("send-keys", "-t", "s", "-l", text)
}

func (tm *pane) resize(w, h int) {
	tm.t.Helper()
	tm.run("resize-window", "-t", "s", "-x", strconv.Itoa(w), "-y", strconv.Itoa(h))
}

// flag reads a tmux format of the pane, such as "#{alternate_on}".
func (tm *pane) flag(format string) string {
	tm.t.Helper()
	return strings.TrimSpace(tm.run("display-message", "-p", "-t", "s", format))
}

// screen is one capture of the pane: its rows, without colours unless
// captured with them.
type screen []string

// capture reads the pane. Wrapped rows are joined (-J), so a line the
// program wrote wider than the pane shows as one long row.
func (tm *pane) capture(colours bool) screen {
	tm.t.Helper()
	args := []string{"capture-pane", "-p", "-J", "-t", "s"}
	if colours {
		args = append(args, "-e")
	}
	return screen(strings.Split(strings.TrimSuffix(tm.run(args...), "\n"), "\n"))
}

func (s screen) String() string { return strings.Join(s, "\n") }

func (s screen) has(text string) bool { return strings.Contains(s.String(), text) }

func (s screen) row(i int) string {
	if i < 0 || i >= len(s) {
		return ""
	}
	return s[i]
}

// header is the reader's first row: publication, issue, section, n/N.
func (s screen) header() string { return s.row(0) }

// top is the first row of the text: the second row, left of the sidebar.
func (s screen) top() string {
	left, _, _ := strings.Cut(s.row(1), "│")
	return strings.TrimSpace(left)
}

// sidebar is what is right of the sidebar's rule, row after row.
func (s screen) sidebar() string {
	var b strings.Builder
	for _, row := range s[1:max(len(s)-1, 1)] {
		if _, right, ok := strings.Cut(row, "│"); ok {
			b.WriteString(strings.TrimSpace(right))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// status is the last row.
func (s screen) status() string { return s.row(len(s) - 1) }

// fits reports the first row wider than w cells, or the wrong row count.
func (s screen) fits(w, h int) error {
	if len(s) != h {
		return fmt.Errorf("%d rows, want %d", len(s), h)
	}
	for i, row := range s {
		if n := ansi.StringWidth(row); n > w {
			return fmt.Errorf("row %d is %d cells wide, the pane %d: %q", i, n, w, row)
		}
	}
	return nil
}

// crashed says whether the screen shows a Go crash.
func (s screen) crashed() bool {
	return s.has("panic:") || s.has("goroutine ")
}

// waitFor polls the plain screen until ok, and fails the test at the
// deadline, or at once if the program crashed or ended.
func (tm *pane) waitFor(what string, ok func(screen) bool) screen {
	tm.t.Helper()
	return tm.poll(what, screenDeadline, false, false, ok)
}

// waitForColours is waitFor on a capture with colours and attributes.
func (tm *pane) waitForColours(what string, ok func(screen) bool) screen {
	tm.t.Helper()
	return tm.poll(what, screenDeadline, true, false, ok)
}

// settleInterval is how long a screen must stay the same to count as drawn.
const settleInterval = 40 * time.Millisecond

func (tm *pane) poll(what string, within time.Duration, colours, exitOK bool, ok func(screen) bool) screen {
	tm.t.Helper()
	deadline := time.Now().Add(within)
	for {
		s := tm.capture(colours)
		if ok(s) {
			// The renderer writes a frame in pieces: take the screen only
			// once a second capture a moment later shows the same, so that
			// checks after the wait never see half a frame.
			time.Sleep(settleInterval)
			if again := tm.capture(colours); slices.Equal(again, s) {
				return s
			}
			continue
		}
		switch {
		case s.crashed():
			tm.t.Fatalf("waiting for %s, the program crashed:\n%s", what, s)
		case !exitOK && s.has(tm.exitAt):
			tm.t.Fatalf("waiting for %s, the program ended:\n%s", what, s)
		case time.Now().After(deadline):
			tm.t.Fatalf("waited %s for %s; the screen:\n%s", within, what, s)
		}
		time.Sleep(pollInterval)
	}
}

// waitExit waits for the pane's program to end and returns its exit status
// and the screen it left.
func (tm *pane) waitExit(within time.Duration) (string, screen) {
	tm.t.Helper()
	s := tm.poll("the program to end ("+tm.exitAt+")", within, false, true, func(s screen) bool {
		return s.has(tm.exitAt)
	})
	for _, row := range s {
		if i := strings.Index(row, tm.exitAt); i >= 0 {
			return strings.TrimSpace(row[i+len(tm.exitAt):]), s
		}
	}
	return "", s
}

// wantRestored fails the test unless the program left the terminal as it
// found it: the main screen back, the cursor shown, the mouse off, and
// none of the reader's lines on screen.
func (tm *pane) wantRestored(s screen) {
	tm.t.Helper()
	for format, want := range map[string]string{
		"#{alternate_on}":      "0",
		"#{cursor_flag}":       "1",
		"#{mouse_any_flag}":    "0",
		"#{mouse_button_flag}": "0",
		"#{mouse_sgr_flag}":    "0",
	} {
		if got := tm.flag(format); got != want {
			tm.t.Errorf("after the reader ended, %s is %s, want %s", format, got, want)
		}
	}
	for _, leftover := range []string{"Central Asia-Caucasus Analyst", "% read", "? help", "next section"} {
		if s.has(leftover) {
			tm.t.Errorf("after the reader ended, the screen still shows %q:\n%s", leftover, s)
		}
	}
}

// wantRunning checks that a reader is on screen in the alternate screen
// with the mouse on, so that wantRestored is not trivially true.
func (tm *pane) wantRunning() {
	tm.t.Helper()
	if got := tm.flag("#{alternate_on}"); got != "1" {
		tm.t.Errorf("the reader runs outside the alternate screen (alternate_on=%s)", got)
	}
	if got := tm.flag("#{mouse_button_flag}"); got != "1" {
		tm.t.Errorf("the reader runs without the mouse (mouse_button_flag=%s)", got)
	}
}

// quit presses q and expects the program to end quietly with status 0 and
// the terminal restored.
func (tm *pane) quit() {
	tm.t.Helper()
	tm.keys("q")
	code, s := tm.waitExit(screenDeadline)
	if code != "0" {
		tm.t.Fatalf("after q the program exited %s, want 0:\n%s", code, s)
	}
	if s.has("analyst:") || s.has("rror") {
		tm.t.Errorf("the program said something on its way out:\n%s", s)
	}
	tm.wantRestored(s)
}

// listShown is true when the issue list is on screen.
func listShown(s screen) bool {
	top := strings.TrimSpace(s.row(0))
	return (top == "Central Asia-Caucasus Analyst" || strings.HasPrefix(top, noKeyNotice)) &&
		s.has("January 2026 · 4 articles") && s.has("Robert M. Cutler") && strings.Contains(s.status(), "? help")
}

// noKeyNotice is what a reader connected without a key sees over the
// header, until their first key, on a server that keeps keyed readers'
// things.
const noKeyNotice = "No SSH key: kept for this session only."

// readerAt is true when the reader shows article n of 4 with its text
// rendered. A reader without a key, before their first key, has the
// notice over the header, and the article's author in the sidebar tells
// which it is.
func readerAt(n int) func(screen) bool {
	return func(s screen) bool {
		h := strings.TrimSpace(s.header())
		at := strings.Contains(h, fmt.Sprintf("Article %d of 4", n))
		if strings.HasPrefix(h, noKeyNotice) {
			at = strings.Contains(s.sidebar(), authors[n-1])
		}
		return at && s.top() != "" && !s.has("Rendering…")
	}
}

// authors are the authors of the articles, in order.
var authors = [...]string{"Farkhod Tolipov", "Robert M. Cutler", "Umair Jamal", "Svante E. Cornell"}

// isHeading says whether a line is one of the sections' headings.
func isHeading(line string) bool {
	switch line {
	case "Background", "Implications", "Conclusions", "Conclusion":
		return true
	}
	return false
}

// nextSectionUntil presses ] until the top line is want, waiting after each
// press for the top line to change.
func (tm *pane) nextSectionUntil(want string) screen {
	tm.t.Helper()
	s := tm.capture(false)
	for range 6 {
		if s.top() == want {
			return s
		}
		before := s.top()
		tm.keys("]")
		s = tm.waitFor("] to move the top line from "+strconv.Quote(before), func(s screen) bool {
			return s.top() != before && isHeading(s.top())
		})
	}
	if s.top() != want {
		tm.t.Fatalf("] never brought %q to the top line:\n%s", want, s)
	}
	return s
}

// sgrSeq is one Select Graphic Rendition sequence: its parameters and where
// it starts and ends in the text.
type sgrSeq struct {
	params     []int
	start, end int
}

// sgrSeqs finds the SGR sequences (ESC [ params m) in s.
func sgrSeqs(s string) []sgrSeq {
	var out []sgrSeq
	for i := 0; i+1 < len(s); i++ {
		if s[i] != 0x1b || s[i+1] != '[' {
			continue
		}
		j := i + 2
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
			j++
		}
		if j >= len(s) || s[j] != 'm' {
			continue
		}
		var params []int
		for _, p := range strings.FieldsFunc(s[i+2:j], func(r rune) bool { return r == ';' || r == ':' }) {
			n, _ := strconv.Atoi(p)
			params = append(params, n)
		}
		if len(params) == 0 {
			params = []int{0} // ESC[m is a reset
		}
		out = append(out, sgrSeq{params: params, start: i, end: j + 1})
		i = j
	}
	return out
}

// attrs calls each with every attribute or colour code of the sequence,
// skipping the arguments of extended colours (38;5;N, 38;2;R;G;B and the
// same for 48 and 58).
func (g sgrSeq) attrs(each func(code int)) {
	for i := 0; i < len(g.params); i++ {
		p := g.params[i]
		each(p)
		if (p == 38 || p == 48 || p == 58) && i+1 < len(g.params) {
			switch g.params[i+1] {
			case 5:
				i += 2
			case 2:
				i += 4
			}
		}
	}
}

// reverseWrapped reports whether, somewhere in s (a capture with -e), word
// is drawn in reverse video as a whole and reverse video ends right after
// it: the sequences before it turn reverse (7) on, none falls inside it,
// and one right after it turns reverse off (a reset, or 27).
func reverseWrapped(s, word string) bool {
	seqs := sgrSeqs(s)
	for off := 0; ; {
		k := strings.Index(s[off:], word)
		if k < 0 {
			return false
		}
		from, to := off+k, off+k+len(word)
		off = to
		reverse, split := false, false
		var after *sgrSeq
		for i := range seqs {
			g := &seqs[i]
			switch {
			case g.end <= from:
				g.attrs(func(c int) {
					switch c {
					case 7:
						reverse = true
					case 0, 27:
						reverse = false
					}
				})
			case g.start < to:
				split = true
			default:
				after = g
			}
			if after != nil || split {
				break
			}
		}
		if !reverse || split || after == nil || after.start != to {
			continue
		}
		ends := false
		after.attrs(func(c int) { ends = ends || c == 0 || c == 27 })
		if ends {
			return true
		}
	}
}

func TestReaderInTerminal(t *testing.T) {
	t.Parallel()
	tm := startPane(t, 120, 40, "EXIT", readerCommand(t, nil))

	tm.waitFor("the issue list", listShown)
	tm.wantRunning()

	// The second article, by moving down and pressing enter.
	tm.keys("j")
	tm.waitFor("the second article selected", func(s screen) bool {
		for _, row := range s {
			if strings.Contains(row, "The Armenia–Azerbaijan Peace Process Enters 2026") {
				return strings.HasPrefix(strings.TrimSpace(row), "▌")
			}
		}
		return false
	})
	tm.keys("Enter")
	s := tm.waitFor("the reader at article 2", readerAt(2))
	if s.top() != "The Armenia–Azerbaijan Peace Process Enters 2026" {
		t.Errorf("the reader opens at %q, want the title", s.top())
	}

	s = tm.nextSectionUntil("Implications")
	if !strings.Contains(s.header(), "Article 2 of 4 · Implications") {
		t.Errorf("the header does not name the section on screen: %q", s.header())
	}
	side := s.sidebar()
	for _, want := range []string{"Robert M. Cutler", "SECTIONS", "▸ 3 Implications"} {
		if !strings.Contains(side, want) {
			t.Errorf("the sidebar lacks %q:\n%s", want, side)
		}
	}

	tm.keys("n")
	s = tm.waitFor("the next article, by Umair Jamal", func(s screen) bool {
		return readerAt(3)(s) && strings.Contains(s.sidebar(), "Umair Jamal")
	})
	if strings.Contains(s.sidebar(), "Robert M. Cutler") {
		t.Errorf("the sidebar still shows the previous author:\n%s", s.sidebar())
	}

	// Search: every match is highlighted in reverse video, and the status
	// line counts them.
	tm.typeText("/Israel")
	tm.keys("Enter")
	tm.waitFor("the search status", func(s screen) bool {
		return strings.Contains(s.status(), ": “Israel”") && strings.HasPrefix(strings.TrimSpace(s.status()), "1 of ")
	})
	tm.waitForColours("Israel in reverse video", func(s screen) bool {
		return reverseWrapped(s.String(), "Israel")
	})

	tm.keys("?")
	tm.waitFor("the help screen", func(s screen) bool {
		return strings.TrimSpace(s.row(0)) == "Keys" && s.has("next section") && s.has("previous article")
	})
	tm.keys("?")
	tm.waitFor("the reader after closing help", readerAt(3))

	// Resizing: smaller, too small, then back to a usable size; the
	// reader keeps its place through all of it.
	tm.nextSectionUntil("Background")
	tm.resize(60, 20)
	tm.waitFor("the reader at 60×20, still at Background", func(s screen) bool {
		return s.fits(60, 20) == nil && readerAt(3)(s) && s.top() == "Background" &&
			strings.Contains(s.status(), "% read")
	})
	tm.resize(20, 6)
	s = tm.waitFor("the too-small notice at 20×6", func(s screen) bool {
		return len(s) == 6 && s.row(0) == "Terminal too small:" && s.row(1) == "need 30×8, have 20×6"
	})
	if err := s.fits(20, 6); err != nil {
		t.Errorf("at 20×6: %v\n%s", err, s)
	}
	tm.resize(80, 24)
	tm.waitFor("the reader at 80×24, still at Background", func(s screen) bool {
		return s.fits(80, 24) == nil && readerAt(3)(s) && s.top() == "Background" &&
			strings.Contains(s.status(), "% read")
	})
	tm.keys("]")
	tm.waitFor("] to work again at 80×24", func(s screen) bool {
		return s.top() == "Implications" && strings.Contains(s.header(), "Article 3 of 4 · Implications") && s.fits(80, 24) == nil
	})

	tm.quit()
}

// TestReaderFitsSmallTerminals opens the list and the reader in terminals
// of common small sizes: nothing is wider than the pane, and where the
// sidebar does not fit it is folded away until s shows it.
func TestReaderFitsSmallTerminals(t *testing.T) {
	t.Parallel()
	for _, size := range []struct{ w, h int }{{80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			w, h := size.w, size.h
			tm := startPane(t, w, h, "EXIT", readerCommand(t, nil))
			s := tm.waitFor("the issue list", func(s screen) bool {
				return strings.TrimSpace(s.row(0)) == "Central Asia-Caucasus Analyst" && s.has("Farkhod Tolipov") &&
					strings.Contains(s.status(), "? help")
			})
			if err := s.fits(w, h); err != nil {
				t.Errorf("the list: %v\n%s", err, s)
			}

			tm.keys("2")
			s = tm.waitFor("the reader at article 2", func(s screen) bool {
				return readerAt(2)(s) && strings.Contains(s.status(), "% read")
			})
			if err := s.fits(w, h); err != nil {
				t.Errorf("the reader: %v\n%s", err, s)
			}
			if s.has("│") || s.has("SECTIONS") {
				t.Errorf("at %d×%d the sidebar should be folded away:\n%s", w, h, s)
			}

			tm.keys("s")
			s = tm.waitFor("the sidebar after s", func(s screen) bool {
				return strings.Contains(s.sidebar(), "Robert M. Cutler")
			})
			if err := s.fits(w, h); err != nil {
				t.Errorf("the reader with its sidebar: %v\n%s", err, s)
			}
			if w >= 80 {
				if strings.Contains(s.status(), "% read") {
					t.Errorf("with the sidebar shown, the progress belongs in it, not the status line: %q", s.status())
				}
				if !strings.Contains(s.sidebar(), "% read") || !strings.Contains(s.sidebar(), "SECTIONS") {
					t.Errorf("the sidebar lacks the sections or the progress:\n%s", s.sidebar())
				}
			}
			tm.quit()
		})
	}
}

// TestReaderOpensAtSection: "analyst 3#conclusions" opens article 3 with
// its Conclusions heading at the top.
func TestReaderOpensAtSection(t *testing.T) {
	t.Parallel()
	tm := startPane(t, 120, 40, "EXIT", readerCommand(t, nil, "3#conclusions"))
	s := tm.waitFor("article 3 at its Conclusions", func(s screen) bool {
		return readerAt(3)(s) && s.top() == "Conclusions"
	})
	if !strings.Contains(s.header(), "Article 3 of 4 · Conclusions") {
		t.Errorf("the header does not name the section: %q", s.header())
	}
	if !strings.Contains(s.sidebar(), "Umair Jamal") || !strings.Contains(s.sidebar(), "▸ 4 Conclusions") {
		t.Errorf("the sidebar does not show the author and the current section:\n%s", s.sidebar())
	}
	tm.quit()
}

// TestReadCommandInTerminal: "analyst read 2" in a terminal opens the
// reader instead of printing the article.
func TestReadCommandInTerminal(t *testing.T) {
	t.Parallel()
	tm := startPane(t, 120, 40, "EXIT", readerCommand(t, nil, "read", "2"))
	// Wait for the whole frame: the renderer may be captured mid-draw.
	s := tm.waitFor("the reader at article 2, with its status line and sidebar", func(s screen) bool {
		return readerAt(2)(s) && strings.Contains(s.status(), "next section") && strings.Contains(s.sidebar(), "Robert M. Cutler")
	})
	tm.wantRunning()
	before := s.top()
	tm.keys("]")
	tm.waitFor("] to move to the next section", func(s screen) bool {
		return s.top() != before && s.top() == "Background"
	})
	tm.quit()
}

// TestReaderNoColor: with NO_COLOR the reader draws no colours at all but
// still works, and search matches stay visible in reverse video.
func TestReaderNoColor(t *testing.T) {
	t.Parallel()
	tm := startPane(t, 120, 40, "EXIT", readerCommand(t, []string{"NO_COLOR=1"}))
	noColours := func(where string, s screen) {
		t.Helper()
		if codes := colourCodes(s.String()); len(codes) > 0 {
			t.Errorf("with NO_COLOR, %s has colour SGR codes %v:\n%q", where, codes, s.String())
		}
	}
	tm.waitFor("the issue list", listShown)
	noColours("the list", tm.capture(true))

	tm.keys("2")
	tm.waitFor("the reader at article 2", readerAt(2))
	s := tm.nextSectionUntil("Background")
	if !strings.Contains(s.sidebar(), "▸ 2 Background") {
		t.Errorf("the sidebar does not follow the section:\n%s", s.sidebar())
	}
	noColours("the reader", tm.capture(true))

	tm.typeText("/Baku")
	tm.keys("Enter")
	s = tm.waitForColours("Baku in reverse video", func(s screen) bool {
		return reverseWrapped(s.String(), "Baku")
	})
	noColours("the search", s)
	tm.quit()
}

// TestReaderKeyFlood types 2,000 keys as fast as tmux sends them: the
// reader keeps up, stays responsive, and quits cleanly.
func TestReaderKeyFlood(t *testing.T) {
	t.Parallel()
	tm := startPane(t, 120, 40, "EXIT", readerCommand(t, nil, "2"))
	tm.waitFor("the reader at article 2", readerAt(2))

	rng := rand.New(rand.NewPCG(1, 2))
	const keys = "jk][np"
	for range 4 {
		var b strings.Builder
		for range 500 {
			b.WriteByte(keys[rng.IntN(len(keys))])
		}
		tm.typeText(b.String())
	}
	// The help screen opens only once every key before it has been
	// handled. Working through the flood can take a while on a busy
	// machine, so this wait is longer than the others.
	tm.keys("?")
	tm.poll("the help screen after the flood", 30*time.Second, false, false, func(s screen) bool {
		return strings.TrimSpace(s.row(0)) == "Keys" && s.has("next section")
	})
	tm.keys("?")
	tm.waitFor("the reader after the flood", func(s screen) bool {
		return strings.HasPrefix(strings.TrimSpace(s.header()), "Central Asia-Caucasus Analyst · January 2026") && s.fits(120, 40) == nil
	})
	tm.quit()
}
