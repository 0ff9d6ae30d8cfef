// Package render turns articles into Markdown documents and renders them
// with Glamour for a terminal of a given width and style.
package render

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
)

// The style names the command line accepts.
const (
	Auto     = "auto"     // dark in a terminal (light if it says so), notty elsewhere
	Dark     = "dark"     // for dark backgrounds
	Light    = "light"    // for light backgrounds
	NoTTY    = "notty"    // plain text, no escape codes
	ASCII    = "ascii"    // plain ASCII text
	Markdown = "markdown" // the Markdown source, not rendered
)

// styleNames lists the styles in the order help shows them.
var styleNames = [...]string{Auto, Dark, Light, NoTTY, ASCII, Markdown}

// StyleNames lists the styles in the order help shows them: a new slice
// on each call, so that no caller (cobra's completion among them) can
// change what CheckStyle accepts in a process every session shares.
func StyleNames() []string { return slices.Clone(styleNames[:]) }

// CheckStyle returns an error naming the valid styles when s is not one.
func CheckStyle(s string) error {
	if slices.Contains(styleNames[:], s) {
		return nil
	}
	return fmt.Errorf("unknown style %q (styles: %s)", s, strings.Join(styleNames[:], ", "))
}

// documentMargin is the margin Glamour's standard styles put on each
// side of the text.
const documentMargin = 2

// MinWidth is the narrowest wrap width rendering accepts; narrower asks are
// raised to it so that no word is split into a column of letters.
const MinWidth = 20

// Document renders a Markdown document for a terminal: wrapped to width
// columns (margins included) in the named style. The "markdown" style
// returns the source unchanged; "auto" must be resolved by the caller.
func Document(md, style string, width int) (string, error) {
	if style == Markdown {
		return md, nil
	}
	cfg, err := styleConfig(style)
	if err != nil {
		return "", err
	}
	r, err := glamour.NewTermRenderer(
		glamour.WithStyles(cfg),
		glamour.WithWordWrap(max(width, MinWidth)),
	)
	if err != nil {
		return "", err
	}
	out, err := r.Render(md)
	if err != nil {
		return "", err
	}
	return trimLines(out), nil
}

// trimLines removes the spaces Glamour pads every line with to the
// width, each styled on its own in the dark and light styles: they make
// a document half again as large, and nothing shows them.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = trimPadding(l)
	}
	return strings.Join(lines, "\n")
}

// trimPadding removes the spaces at the end of a line, with the escape
// codes around them, and ends a line that had codes with a reset.
func trimPadding(line string) string {
	end, codes := len(line), false
	for end > 0 {
		if line[end-1] == ' ' {
			end--
			continue
		}
		if line[end-1] == 'm' {
			if j := strings.LastIndex(line[:end], "\x1b["); j >= 0 && strings.Trim(line[j+2:end-1], "0123456789;:") == "" {
				end, codes = j, true
				continue
			}
		}
		break
	}
	if codes && strings.Contains(line[:end], "\x1b[") {
		return line[:end] + "\x1b[m"
	}
	return line[:end]
}

// styleConfig returns analyst's style for a name (theme.go).
func styleConfig(style string) (ansi.StyleConfig, error) {
	if cfg, ok := analystStyle(style); ok {
		return cfg, nil
	}
	return ansi.StyleConfig{}, CheckStyle(style)
}
