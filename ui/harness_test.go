package ui

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"analyst/internal/content"
	"analyst/internal/render"
	"analyst/internal/testlib"
)

// harness drives a Model as Bubble Tea would, but synchronously: every
// command runs at once and its message goes back into Update.
type harness struct {
	tb        testing.TB
	m         *Model
	quit      bool
	clipboard string // what the program last sent to the terminal's clipboard (OSC 52)
}

var cmdType = reflect.TypeOf(tea.Cmd(nil))

func newHarness(tb testing.TB, opt Options, w, h int) *harness {
	tb.Helper()
	if opt.Library == nil {
		opt.Library = testlib.Library(tb)
	}
	hs := &harness{tb: tb, m: New(opt)}
	hs.m.c.placeDelay = 0       // places are written at once, not after a second without scrolling
	hs.m.c.notes.retryDelay = 0 // failed changes wait for the next change, or a retryDueMsg the test sends
	// A new size holds still at once, and no budget holds a rendering
	// back: renders_test.go tests both.
	hs.m.c.renders.after = func(_ time.Duration, msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
	hs.m.c.renders.budget = nil
	hs.run(hs.m.Init())
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	return hs
}

// send delivers a message and runs the commands that follow from it.
func (hs *harness) send(msg tea.Msg) {
	_, cmd := hs.m.Update(msg)
	hs.run(cmd)
}

func (hs *harness) run(cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		if msg == nil {
			continue
		}
		if cmds, ok := batched(msg); ok {
			queue = append(queue, cmds...)
			continue
		}
		if fmt.Sprintf("%T", msg) == "tea.setClipboardMsg" { // what tea.SetClipboard asks the program to send
			hs.clipboard = fmt.Sprint(msg)
			continue
		}
		if _, ok := msg.(tea.QuitMsg); ok {
			hs.quit = true
			continue
		}
		_, next := hs.m.Update(msg)
		queue = append(queue, next)
	}
}

// batched returns the commands of a message that tea.Batch or
// tea.Sequence made: lists of commands, to run in their turn.
func batched(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Type().Elem() != cmdType {
		return nil, false
	}
	cmds := make([]tea.Cmd, v.Len())
	for i := range cmds {
		cmds[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return cmds, true
}

// keys presses each key in turn. Named keys are written as in key.Binding
// ("enter", "esc", "ctrl+n", "space"); anything else is typed as text.
func (hs *harness) keys(keys ...string) {
	for _, k := range keys {
		hs.send(keyPress(k))
	}
}

// typeText types a string, one key a character.
func (hs *harness) typeText(s string) {
	for _, r := range s {
		hs.send(keyPress(string(r)))
	}
}

func keyPress(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "ctrl+c", "ctrl+n", "ctrl+p", "ctrl+u":
		return tea.KeyPressMsg{Code: rune(k[len(k)-1]), Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	msg := tea.KeyPressMsg{Code: r, Text: k}
	if r >= 'A' && r <= 'Z' {
		msg.Code, msg.Mod = r+('a'-'A'), tea.ModShift
	}
	return msg
}

// screen is the view as plain text, lines without trailing spaces.
func (hs *harness) screen() string {
	lines := strings.Split(ansi.Strip(hs.m.View().Content), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// topLine is the first line of the reading pane, trimmed.
func (hs *harness) topLine() string {
	lines := strings.Split(hs.screen(), "\n")
	if len(lines) < 2 {
		return ""
	}
	line := lines[1]
	if hs.m.reader.lay.sidebarSide {
		line = ansi.Cut(line, 0, hs.m.reader.lay.left+hs.m.reader.lay.textWidth)
	}
	return strings.TrimSpace(line)
}

// article returns the article with a slug.
func (hs *harness) article(slug string) *content.Article {
	a, err := hs.m.c.lib.Find(slug)
	if err != nil {
		hs.tb.Fatal(err)
	}
	return a
}

// sharedCache makes tests that render the same things share the work.
func sharedCache() *render.Cache { return render.NewCache(render.DefaultCacheBytes) }
