// Package render turns articles into Markdown documents and renders them
// with Glamour for a terminal of a given width and style.
package render

import (
	"fmt"
	"strings"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
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

// StyleNames lists the styles in the order help shows them.
var StyleNames = []string{Auto, Dark, Light, NoTTY, ASCII, Markdown}

// CheckStyle returns an error naming the valid styles when s is not one.
func CheckStyle(s string) error {
	for _, n := range StyleNames {
		if s == n {
			return nil
		}
	}
	return fmt.Errorf("unknown style %q (styles: %s)", s, strings.Join(StyleNames, ", "))
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
	if style == NoTTY || style == ASCII {
		out = trimLines(out) // plain text has no use for the padding
	}
	return out, nil
}

// trimLines removes the spaces Glamour pads every line with.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// styleConfig returns a copy of Glamour's standard style, so that changes
// to it never reach other renderers.
func styleConfig(style string) (ansi.StyleConfig, error) {
	var base *ansi.StyleConfig
	switch style {
	case Dark:
		base = &styles.DarkStyleConfig
	case Light:
		base = &styles.LightStyleConfig
	case NoTTY:
		base = &styles.NoTTYStyleConfig
	case ASCII:
		base = &styles.ASCIIStyleConfig
	default:
		return ansi.StyleConfig{}, CheckStyle(style)
	}
	return *base, nil
}
