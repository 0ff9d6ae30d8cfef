package ui

import (
	"strings"
	"testing"
)

// sidebarText is the sidebar's part of the screen, right of its rule.
func sidebarText(hs *harness) string {
	var b strings.Builder
	for _, row := range strings.Split(hs.screen(), "\n") {
		if _, right, ok := strings.Cut(row, "│"); ok {
			b.WriteString(strings.TrimSpace(right) + "\n")
		}
	}
	return b.String()
}

// words is text with every run of spaces and line breaks made one space.
func words(text string) string { return strings.Join(strings.Fields(text), " ") }

// TestSidebarShowsTheAbbreviationsOnScreen: below the sections, the
// sidebar lists the abbreviations of the text on screen with their long
// forms, and follows the text as it scrolls.
func TestSidebarShowsTheAbbreviationsOnScreen(t *testing.T) {
	hs := newHarness(t, Options{}, 120, 40)
	hs.keys("1", "]", "]")
	side := sidebarText(hs)
	for _, want := range []string{"ABBREVIATIONS", "EAEU Eurasian Economic Union", "CMHS Consultative Meetings of the Heads of State of Central Asia", "CIS not spelled out in this issue"} {
		if !strings.Contains(words(side), want) {
			t.Errorf("the sidebar at Implications lacks %q:\n%s", want, side)
		}
	}
	if strings.Index(side, "SECTIONS") > strings.Index(side, "ABBREVIATIONS") {
		t.Errorf("the abbreviations come below the sections:\n%s", side)
	}
	hs.keys("esc", "3", "]", "]") // Jamal's Implications: other abbreviations
	side = sidebarText(hs)
	if strings.Contains(side, "CMHS") || !strings.Contains(words(side), "IMEC India–Middle East–Europe Economic Corridor") {
		t.Errorf("the sidebar does not follow the text:\n%s", side)
	}
	hs.keys("g")
	if side := sidebarText(hs); strings.Contains(side, "IMEC") {
		t.Errorf("at the top of the article, IMEC is not on screen:\n%s", side)
	}
}

// TestSidebarAbbreviationsGiveWay: on a short sidebar the abbreviations
// take one line each, then as many as fit with a count of the others;
// the sections and the progress stay.
func TestSidebarAbbreviationsGiveWay(t *testing.T) {
	for _, h := range []int{40, 30, 24, 20, 18} {
		hs := newHarness(t, Options{}, 120, h)
		hs.keys("1", "]", "]")
		side := sidebarText(hs)
		if !strings.Contains(side, "4 Conclusions") || !strings.Contains(side, "% read") {
			t.Errorf("height %d: the sections or the progress gave way:\n%s", h, side)
		}
		if !strings.Contains(side, "ABBREVIATIONS") {
			t.Errorf("height %d: no abbreviations:\n%s", h, side)
		}
		if n := strings.Count(side, "\n"); n != h-2 {
			t.Errorf("height %d: the sidebar has %d lines", h, n)
		}
	}
	hs := newHarness(t, Options{}, 120, 18)
	hs.keys("1", "]", "]")
	if side := sidebarText(hs); !strings.Contains(side, "more (A: glossary)") {
		t.Errorf("a short sidebar counts the abbreviations it cannot show:\n%s", side)
	}
}

// TestSidebarOverlayShowsTheAbbreviations on a narrow terminal.
func TestSidebarOverlayShowsTheAbbreviations(t *testing.T) {
	hs := newHarness(t, Options{}, 80, 24)
	hs.keys("1", "]", "]", "s")
	if side := sidebarText(hs); !strings.Contains(side, "ABBREVIATIONS") || !strings.Contains(side, "EAEU") {
		t.Errorf("the overlay lacks the abbreviations:\n%s", side)
	}
}
