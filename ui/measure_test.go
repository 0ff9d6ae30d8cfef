package ui

import (
	"errors"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// longestTextLine is the most characters on a line of the article's
// text on screen, margins aside.
func longestTextLine(hs *harness) int {
	n := 0
	for _, l := range hs.m.reader.pane.view(hs.m.reader.lay.textWidth) {
		n = max(n, ansi.StringWidth(strings.TrimSpace(ansi.Strip(l))))
	}
	return n
}

// TestDefaultMeasure: on wide terminals the text keeps a long-form
// reading measure, 66 to 72 characters a line, not the window's width.
func TestDefaultMeasure(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {160, 50}, {200, 60}} {
		hs := newHarness(t, Options{Cache: sharedCache()}, size[0], size[1])
		hs.keys("2", "]")
		if n := longestTextLine(hs); n < 66 || n > 72 {
			t.Errorf("at %dx%d the text runs %d characters a line, want 66 to 72", size[0], size[1], n)
		}
	}
}

// TestMeasureKeys: - narrows the text and + widens it, a step at a time,
// within limits; the status line says the width; help lists both keys.
func TestMeasureKeys(t *testing.T) {
	hs := newHarness(t, Options{Cache: sharedCache()}, 160, 50)
	hs.keys("2", "]")
	start := longestTextLine(hs)
	hs.keys("-", "-")
	narrow := longestTextLine(hs)
	if narrow >= start-4 {
		t.Errorf("- - took the text from %d to %d characters", start, narrow)
	}
	if !strings.Contains(lastLine(hs.screen()), "text width") {
		t.Errorf("the status line does not say the new width: %q", lastLine(hs.screen()))
	}
	hs.keys("+", "+", "+")
	if wide := longestTextLine(hs); wide <= start {
		t.Errorf("+ + + took the text from %d to %d characters", narrow, wide)
	}
	for range 40 {
		hs.keys("-")
	}
	if n := longestTextLine(hs); n < 30 {
		t.Errorf("- without end made the text %d characters wide", n)
	}
	if m, changed := hs.m.Measure(); !changed || m <= 0 {
		t.Errorf("Measure() = %d, %v after the reader changed it", m, changed)
	}
	hs.keys("?")
	help := hs.screen()
	for _, want := range []string{"narrower", "wider"} {
		if !strings.Contains(help, want) {
			t.Errorf("help does not list the %s text key:\n%s", want, help)
		}
	}
}

// TestMeasureOption: a measure given at start (a saved one, or --width)
// is the text's column, margins included, as `read --width` has it.
func TestMeasureOption(t *testing.T) {
	hs := newHarness(t, Options{Cache: sharedCache(), Measure: 50}, 160, 50)
	hs.keys("2", "]")
	if n := longestTextLine(hs); n > 46 || n < 40 {
		t.Errorf("with a measure of 50 the text runs %d characters a line", n)
	}
	if _, changed := hs.m.Measure(); changed {
		t.Errorf("Measure() says changed when the reader changed nothing")
	}
}

// TestRewrapKeepsThePlace: changing the measure keeps the reader where
// they were: the same section, the line at the top still on screen.
func TestRewrapKeepsThePlace(t *testing.T) {
	hs := newHarness(t, Options{Cache: sharedCache()}, 160, 50)
	hs.keys("2", "]", "]")
	for range 12 {
		hs.keys("j")
	}
	before := hs.topLine()
	section := hs.m.reader.currentSection()
	words := strings.Fields(before)
	for _, k := range []string{"-", "-", "-", "+", "+"} {
		hs.keys(k)
		if got := hs.m.reader.currentSection(); got != section {
			t.Fatalf("after %s the reader is in section %d, was %d", k, got, section)
		}
		flat := strings.Join(strings.Fields(hs.screen()), " ")
		if !strings.Contains(flat, strings.Join(words[:4], " ")) {
			t.Errorf("after %s the line that was on top (%q) is off screen:\n%s", k, before, hs.screen())
		}
	}
}

// A measure changed with - or + is kept as it changes, the latest last,
// not only when the reader ends: a kill does not lose it.
func TestTheMeasureIsKeptAsItChanges(t *testing.T) {
	var kept []int
	hs := newHarness(t, Options{KeepMeasure: func(m int) error { kept = append(kept, m); return nil }}, 120, 40)
	hs.keys("2", "-", "-", "+")
	if len(kept) != 3 || kept[2] != defaultMeasure-measureStep {
		t.Errorf("kept %v, want each change and the last %d", kept, defaultMeasure-measureStep)
	}
	failing := newHarness(t, Options{KeepMeasure: func(int) error { return errors.New("read-only file system") }}, 120, 40)
	failing.keys("2", "-")
	if line := failing.noticeLine(); !strings.Contains(line, "width is not kept") || !strings.Contains(line, "read-only file system") {
		t.Errorf("a measure that cannot be kept is said: %q", line)
	}
}

// Commands that keep the measure run in any order: each keeps the
// latest, so the last change is what stays.
func TestTheLatestMeasureIsKept(t *testing.T) {
	var kept []int
	k := &measureKeeper{keep: func(m int) error { kept = append(kept, m); return nil }}
	first, second := k.cmd(70), k.cmd(66)
	second()
	first()
	if len(kept) != 1 || kept[0] != 66 {
		t.Errorf("kept %v, want 66 once", kept)
	}
}
