package render

import (
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
)

// analystStyle is analyst's own Glamour style for a style name, built on
// the standard dark, light and notty ones: headings are set apart by
// weight, colour and space, not by Markdown's "#" marks; in notty and
// ascii, where there is no weight or colour, by space alone, and
// emphasis has no asterisks (the text is read, not parsed). The
// standard configurations are copied, never changed.
func analystStyle(style string) (ansi.StyleConfig, bool) {
	var cfg ansi.StyleConfig
	var title string // the title's colour, the reader's accent
	switch style {
	case Dark:
		cfg, title = styles.DarkStyleConfig, "#7cb7ff"
	case Light:
		cfg, title = styles.LightStyleConfig, "#1f5fa8"
	case NoTTY:
		cfg = styles.NoTTYStyleConfig
	case ASCII:
		cfg = styles.ASCIIStyleConfig
	default:
		return cfg, false
	}
	plain := title == ""
	// The title: bold in the accent colour, no block of background.
	cfg.H1 = ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{Color: colour(title), Bold: boolPtr(!plain)}}
	// Sections: the standard heading's colour and weight, and a blank
	// line more before them than between paragraphs.
	for _, h := range []*ansi.StyleBlock{&cfg.H2, &cfg.H3, &cfg.H4, &cfg.H5, &cfg.H6} {
		*h = ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{BlockPrefix: "\n"}}
	}
	if plain {
		cfg.Emph = ansi.StylePrimitive{}
		cfg.Strong = ansi.StylePrimitive{}
	}
	return cfg, true
}

func colour(c string) *string {
	if c == "" {
		return nil
	}
	return &c
}

func boolPtr(b bool) *bool { return &b }
