// Package ui is the reader: a Bubble Tea program with an issue list, an
// article pane rendered by Glamour beside a sidebar with the author's bio
// and the article's sections, and a help screen.
//
// Only Model is a tea.Model; the screens are plain structs that it drives.
// Nothing here is package-level mutable state: one process can run a
// Model for each of many SSH sessions.
package ui

import (
	"cmp"
	"time"

	"github.com/charmbracelet/colorprofile"

	"analyst/internal/content"
	"analyst/internal/glossary"
	"analyst/internal/render"
)

// Options configure a reader.
type Options struct {
	Library *content.Library
	// Cache holds renderings; share one between programs of one process.
	// A program that shares one makes at most a budget of renderings in
	// it (renders.go). nil gives the program a cache of its own.
	Cache *render.Cache
	// Glossaries hold the library's glossaries, built on first need;
	// share one between programs of one process. nil gives the program
	// its own.
	Glossaries *glossary.Library
	// Style is a render style name; "auto" (or "") starts dark and follows
	// the terminal's answer about its background.
	Style string
	// Article and Section, when set, open the reader there at start.
	Article *content.Article
	Section *content.Section
	// Keeper keeps places, read marks, highlights and notes as they are
	// made, and gives back those of earlier runs: the issue list opens on
	// the article read last, and an article where the reader left it.
	// nil keeps them in memory, for this run.
	Keeper Keeper
	// SessionOnly says that the keeper forgets at the end of the session
	// (an SSH reader's without a key): the first highlight says so.
	SessionOnly bool
	// KeyWouldKeep says that a key would keep things past the session
	// (the server keeps its keyed readers'): the notice line says so
	// until the first key, and the first highlight says so again.
	KeyWouldKeep bool
	// MaxNote is the longest note the keeper keeps, in characters: the
	// note editor takes no more. 0 is maxNote.
	MaxNote int
	// SystemClipboard, when set, also copies to the system's clipboard;
	// copies always go to the terminal's (OSC 52).
	SystemClipboard func(string) error
	// Opened, when set, is told of every article the reader opens (the
	// one it starts at too): the server counts them.
	Opened func(*content.Article)
	// Warnings are problems found before the reader started; the first
	// frame shows them, until a key is pressed.
	Warnings []string
	// Measure is the text's column in cells, margins included, as `read
	// --width` has it; 0 is the default (measure.go).
	Measure int
	// KeepMeasure, when set, keeps the measure for the next run. It is
	// called from a command each time the reader changes the measure, the
	// calls one at a time and with the latest measure, so that a kill
	// loses no change the reader saw.
	KeepMeasure func(measure int) error
}

// common is what every part of one program shares.
type common struct {
	lib           *content.Library
	cache         *render.Cache
	glossaries    *glossary.Library
	opened        func(*content.Article) // Options.Opened, never nil
	width, height int
	keys          KeyMap
	styles        Styles
	isDark        bool
	style         string // the Glamour style in use
	fixedStyle    bool   // chosen by the reader: the terminal's answer does not change it
	glyphs        Glyphs // what the chrome is drawn with: ASCII in the ascii style
	measure       int    // the text's column, margins included
	measureSet    bool   // the reader changed the measure in this run
	keptMeasure   *measureKeeper
	shortHelp     drawn // the status line's help, drawn once per change

	profile    colorprofile.Profile // the terminal's colours, as Bubble Tea found them
	markStyles markStyles           // drawn for isDark and profile; see marks
	notes      *notebook            // what the reader keeps
	placeDelay time.Duration        // how long a place waits to be written while the reader scrolls
	maxNote    int                  // the longest note the editor takes
	clipboard  func(string) error   // the system clipboard, or nil
	renders    *renders             // which renderings to ask for, and when
}

// drawn is a piece of the screen kept between frames, with the width it
// was drawn for; it is dropped when what it shows changes.
type drawn struct {
	width int
	text  string
	ok    bool
}

func newCommon(opt Options) *common {
	c := &common{
		lib:    opt.Library,
		cache:  opt.Cache,
		opened: opt.Opened,
		keys:   DefaultKeyMap(),
		isDark: true,
		style:  render.Dark,

		profile:    colorprofile.TrueColor,
		placeDelay: time.Second,
		maxNote:    cmp.Or(max(opt.MaxNote, 0), maxNote),
		clipboard:  opt.SystemClipboard,
	}
	c.renders = newRenders(opt.Cache != nil)
	if c.cache == nil {
		c.cache = render.NewCache(render.DefaultCacheBytes)
	}
	if c.glossaries = opt.Glossaries; c.glossaries == nil {
		c.glossaries = glossary.NewLibrary(opt.Library)
	}
	if c.opened == nil {
		c.opened = func(*content.Article) {}
	}
	switch opt.Style {
	case "", render.Auto:
	case render.Light:
		c.isDark, c.style, c.fixedStyle = false, opt.Style, true
	default:
		c.style, c.fixedStyle = opt.Style, true
	}
	c.glyphs = unicodeGlyphs()
	if c.style == render.ASCII {
		c.glyphs = asciiGlyphs()
	}
	c.keys.up, c.keys.down = c.glyphs.Up, c.glyphs.Down
	c.measure = clampMeasure(opt.Measure)
	c.keptMeasure = &measureKeeper{keep: opt.KeepMeasure}
	c.restyle()
	return c
}

// restyle builds the styles for the background, with the style's glyphs.
func (c *common) restyle() {
	c.styles = NewStyles(c.isDark)
	c.styles.G = c.glyphs
	c.shortHelp = drawn{}
}

// setDark follows the terminal's background, unless the style was chosen.
// It reports whether anything changed.
func (c *common) setDark(dark bool) bool {
	if c.fixedStyle || dark == c.isDark {
		return false
	}
	c.isDark = dark
	c.restyle()
	c.style = render.Light
	if dark {
		c.style = render.Dark
	}
	return true
}
