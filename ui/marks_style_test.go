package ui

import (
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
)

// TestMarksForEveryTerminal draws a highlighted paragraph under the
// cursor for each colour profile and background: the bar and the
// cursor's reverse-video cell are there in all, and what the terminal's
// colours make of the tint stays readable: a background tint in 256
// colours and more, coloured letters in 16, nothing but the signs
// without colours.
func TestMarksForEveryTerminal(t *testing.T) {
	for _, dark := range []bool{true, false} {
		for _, p := range []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI256, colorprofile.ANSI, colorprofile.Ascii} {
			hs := newHarness(t, Options{}, 100, 30)
			hs.send(tea.ColorProfileMsg{Profile: p})
			bg := color.Color(color.White)
			if dark {
				bg = color.Black
			}
			hs.send(tea.BackgroundColorMsg{Color: bg})
			hs.keys("2", "v", "m")
			view := hs.m.View().Content
			var out strings.Builder
			w := colorprofile.NewWriter(&out, nil)
			w.Profile = p
			if _, err := w.WriteString(view); err != nil {
				t.Fatal(err)
			}
			got := out.String()
			if !strings.Contains(got, "\x1b[7m") && !strings.Contains(got, ";7m") && !strings.Contains(got, "[7;") {
				t.Errorf("%v dark=%v: no reverse video for the cursor", p, dark)
			}
			if !strings.Contains(got, highlightBar) {
				t.Errorf("%v dark=%v: no bar beside the highlight", p, dark)
			}
			ms := hs.m.c.marks()
			_, none := ms.Tint.GetBackground().(lipgloss.NoColor)
			switch bg := !none; {
			case p == colorprofile.ANSI && bg:
				t.Errorf("16 colours: the tint must not be a background")
			case p >= colorprofile.ANSI256 && p <= colorprofile.TrueColor && !bg:
				t.Errorf("%v: the tint is a background", p)
			}
			if p == colorprofile.Ascii && strings.Contains(got, "\x1b[38") {
				t.Errorf("without colours, no colour reaches the terminal")
			}
		}
	}
}
