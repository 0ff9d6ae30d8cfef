package ui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Styles is every style of the reader, for a dark or a light background.
// Nothing relies on colour alone: selection and the current section are
// also marked with a sign or bold, so NO_COLOR readers lose nothing.
type Styles struct {
	App            lipgloss.Style
	Header         lipgloss.Style // publication line at the top
	HeaderDim      lipgloss.Style
	Title          lipgloss.Style // article title in the list
	TitleSelected  lipgloss.Style
	Meta           lipgloss.Style // author, minutes
	Teaser         lipgloss.Style
	Number         lipgloss.Style
	Marker         lipgloss.Style // "▌" beside the selected entry
	SidebarBorder  lipgloss.Style
	SidebarHeading lipgloss.Style
	Author         lipgloss.Style
	Bio            lipgloss.Style
	Section        lipgloss.Style
	SectionCurrent lipgloss.Style
	SectionPicked  lipgloss.Style
	Progress       lipgloss.Style
	Status         lipgloss.Style
	Error          lipgloss.Style
	Prompt         lipgloss.Style
	Match          lipgloss.Style
	MatchCurrent   lipgloss.Style
	HelpTitle      lipgloss.Style
	HelpKey        lipgloss.Style
	HelpDesc       lipgloss.Style
	Help           help.Styles
	G              Glyphs // the characters drawn around the text
}

// NewStyles builds the styles for a dark or light background.
func NewStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	var (
		text   = ld(lipgloss.Color("#1a1a1a"), lipgloss.Color("#dddddd"))
		dim    = ld(lipgloss.Color("#6b6b6b"), lipgloss.Color("#8a8a8a"))
		accent = ld(lipgloss.Color("#1f5fa8"), lipgloss.Color("#7cb7ff"))
		warm   = ld(lipgloss.Color("#9a4d00"), lipgloss.Color("#f0b36b"))
		rule   = ld(lipgloss.Color("#858585"), lipgloss.Color("#4e4e4e")) // gray, not black or white, in 16 colours too
		mark   = ld(lipgloss.Color("#8a6d00"), lipgloss.Color("#e8c547"))
		markHi = ld(lipgloss.Color("#c25400"), lipgloss.Color("#ff9d3b"))
	)
	base := lipgloss.NewStyle()
	return Styles{
		App:            base,
		Header:         base.Bold(true).Foreground(accent),
		HeaderDim:      base.Foreground(dim),
		Title:          base.Foreground(text),
		TitleSelected:  base.Bold(true).Foreground(accent),
		Meta:           base.Foreground(dim),
		Teaser:         base.Foreground(dim).Italic(true),
		Number:         base.Foreground(dim),
		Marker:         base.Foreground(accent).Bold(true),
		SidebarBorder:  base.Foreground(rule),
		SidebarHeading: base.Bold(true).Foreground(dim),
		Author:         base.Bold(true).Foreground(accent),
		Bio:            base.Foreground(text),
		Section:        base.Foreground(dim),
		SectionCurrent: base.Bold(true).Foreground(accent),
		SectionPicked:  base.Reverse(true),
		Progress:       base.Foreground(warm),
		Status:         base.Foreground(warm),
		Error:          base.Foreground(warm).Bold(true),
		Prompt:         base.Foreground(accent).Bold(true),
		// Reversed, so that a match shows without colour too; the colour
		// given becomes the background. No underline: lipgloss draws the
		// spaces of an underlined phrase underlined only, not reversed.
		Match:        base.Reverse(true).Foreground(mark),
		MatchCurrent: base.Reverse(true).Foreground(markHi).Bold(true),
		HelpTitle:    base.Bold(true).Foreground(accent),
		HelpKey:      base.Bold(true).Foreground(text),
		HelpDesc:     base.Foreground(dim),
		Help:         helpStyles(dim, rule),
		G:            unicodeGlyphs(),
	}
}

// helpStyles are the help line's and screen's styles in the reader's
// colours: bubbles' own are too faint on dark terminals, and its
// separators become black in 16 colours.
func helpStyles(dim, rule color.Color) help.Styles {
	key := lipgloss.NewStyle().Foreground(dim).Bold(true)
	desc := lipgloss.NewStyle().Foreground(dim)
	sep := lipgloss.NewStyle().Foreground(rule)
	return help.Styles{
		ShortKey: key, ShortDesc: desc, ShortSeparator: sep, Ellipsis: sep,
		FullKey: key, FullDesc: desc, FullSeparator: sep,
	}
}
