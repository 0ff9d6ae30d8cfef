package ui

import (
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
)

// markStyles draw the paragraph cursor, highlights and notes. They depend
// on the colours the terminal has: a background tint reads well in 256
// colours and more, but in 16 the nearest background can drown the text,
// so there the tint colours the letters instead; without colours the
// margin signs and reverse video carry it all.
type markStyles struct {
	dark    bool
	profile colorprofile.Profile
	ok      bool

	Cursor lipgloss.Style // the cursor's bar: a reverse-video cell
	Bar    lipgloss.Style // a highlight's bar, beside its text
	Tint   lipgloss.Style // a highlighted paragraph's text
	Note   lipgloss.Style // a note under its paragraph
	Editor lipgloss.Style // the note being written
}

// marks returns the mark styles for the terminal's background and colours,
// made again only when either changes.
func (c *common) marks() markStyles {
	if c.markStyles.ok && c.markStyles.dark == c.isDark && c.markStyles.profile == c.profile {
		return c.markStyles
	}
	ld := lipgloss.LightDark(c.isDark)
	var (
		text   = ld(lipgloss.Color("#1a1a1a"), lipgloss.Color("#eeeeee"))
		accent = ld(lipgloss.Color("#1f5fa8"), lipgloss.Color("#7cb7ff"))
		bar    = ld(lipgloss.Color("#b08900"), lipgloss.Color("#e8c547"))
		tint   = ld(lipgloss.Color("#fbefc0"), lipgloss.Color("#413812"))
		note   = ld(lipgloss.Color("#6b4f00"), lipgloss.Color("#f0d68a"))
	)
	base := lipgloss.NewStyle()
	s := markStyles{
		dark: c.isDark, profile: c.profile, ok: true,
		Cursor: base.Reverse(true).Foreground(accent),
		Bar:    base.Foreground(bar).Bold(true),
		Tint:   base.Foreground(text).Background(tint),
		Note:   base.Foreground(note).Italic(true),
		Editor: base.Foreground(accent),
	}
	if c.profile == colorprofile.ANSI {
		s.Tint = base.Foreground(ld(lipgloss.Color("5"), lipgloss.Color("11")))
	}
	c.markStyles = s
	return s
}
