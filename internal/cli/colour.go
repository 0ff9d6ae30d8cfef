package cli

import "github.com/charmbracelet/colorprofile"

// colorWriter wraps stdout so that escape codes fit what it can show:
// none in files and pipes, no colours under NO_COLOR, fewer colours on
// older terminals (CLICOLOR_FORCE keeps them in pipes). It remembers a
// failed write, as output does.
func (a *app) colorWriter() *output {
	w := colorprofile.NewWriter(a.stdout, a.environ)
	// CLICOLOR_FORCE is on when set to anything but "0"
	// (https://bixense.com/clicolors/); colorprofile only counts "1" or "true".
	if a.colourForced() && w.Profile < colorprofile.ANSI {
		w.Profile = colorprofile.ANSI
	}
	// colorprofile lets CLICOLOR_FORCE turn colours back on when stdout is
	// not a terminal, even under NO_COLOR. NO_COLOR wins: any non-empty
	// value disables colour, bold and italics stay (https://no-color.org).
	if a.noColour() && w.Profile > colorprofile.ASCII {
		w.Profile = colorprofile.ASCII
	}
	return &output{w: w}
}

// colourForced reports whether CLICOLOR_FORCE asks for colours even where
// stdout is not a terminal: set, and not "0".
func (a *app) colourForced() bool {
	v := a.getenv("CLICOLOR_FORCE")
	return v != "" && v != "0"
}

// noColour reports whether NO_COLOR forbids colours: set and not empty.
func (a *app) noColour() bool { return a.getenv("NO_COLOR") != "" }
