package ui

import (
	"image/color"
	"reflect"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
)

// TestNoColourVanishesIn16Colours converts every style's foreground (the
// help's too) to the 16 ANSI colours, as a session with TERM=xterm gets
// them, and checks that none becomes the background's own colour: black
// on a dark terminal, white on a light one.
func TestNoColourVanishesIn16Colours(t *testing.T) {
	black := []color.Color{colorprofile.ANSI.Convert(lipgloss.Black)}
	white := []color.Color{colorprofile.ANSI.Convert(lipgloss.White), colorprofile.ANSI.Convert(lipgloss.BrightWhite)}
	for _, dark := range []bool{true, false} {
		invisible := white
		if dark {
			invisible = black
		}
		styles := NewStyles(dark)
		for _, st := range []reflect.Value{reflect.ValueOf(styles), reflect.ValueOf(styles.Help)} {
			for i := range st.NumField() {
				s, ok := st.Field(i).Interface().(lipgloss.Style)
				if !ok {
					continue
				}
				fg := s.GetForeground()
				if _, none := fg.(lipgloss.NoColor); none || fg == nil {
					continue
				}
				got := colorprofile.ANSI.Convert(fg)
				for _, bad := range invisible {
					if got == bad {
						t.Errorf("dark=%v: %s's colour %v is %v in 16 colours, the background's", dark, st.Type().Field(i).Name, fg, got)
					}
				}
			}
		}
	}
}
