package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"analyst/internal/content"
	"analyst/internal/render"
)

type screen int

const (
	listScreen screen = iota
	readerScreen
	glossaryScreen
	highlightsScreen
)

// Model is the reader program's root model: it owns the size, routes keys
// to the screen in front, and draws it.
type Model struct {
	c          *common
	screen     screen
	list       listModel
	reader     readerModel
	glossary   glossaryModel
	highlights highlightsModel
	from       screen // the screen the highlights were opened from
	touched    bool   // a key was pressed: what the keeper held no longer moves the screens
	atSection  bool   // the reader was opened at a section: a kept place does not move it
	help       bool
	helpOffset int
	quitting   bool
	notice     string          // from outside the program; shown until another replaces it
	warning    string          // from the start, or from an issue read later; shown until a key is pressed
	warned     map[string]bool // the warnings shown, each once
	// warnedIssues are the issues whose problems were looked for.
	warnedIssues map[*content.Issue]bool
	// fromPassage is set while the reader shows a passage picked in the
	// list's search: going back shows the search again.
	fromPassage bool
	// glossaryFrom is the screen the glossary was opened from, and goes
	// back to.
	glossaryFrom screen
	frame        frame // the last view drawn
}

// New makes a reader for a library. It opens at the issue list, or at
// opt.Article (and opt.Section) when given.
func New(opt Options) *Model {
	c := newCommon(opt)
	openNotebook(c, opt) // what the keeper holds comes in Init's command
	m := &Model{c: c, list: newListModel(c), reader: newReaderModel(c), glossary: glossaryModel{c: c}, highlights: highlightsModel{c: c}, warning: warningNotice(opt.Warnings)}
	m.atSection = opt.Section != nil
	m.warned, m.warnedIssues = map[string]bool{}, map[*content.Issue]bool{}
	for _, w := range opt.Warnings {
		m.warned[w] = true
	}
	if opt.Article != nil {
		m.screen = readerScreen
		m.list.selectArticle(opt.Article)
		m.reader.article, m.reader.jumpTo = opt.Article, opt.Section
		c.opened(opt.Article)
	}
	m.setKeys()
	return m
}

// Init asks the terminal whether its background is dark, unless the
// reader chose a style.
func (m *Model) Init() tea.Cmd {
	load := m.c.notes.loadCmd()
	if m.c.fixedStyle {
		return load
	}
	return tea.Batch(tea.RequestBackgroundColor, load)
}

// Update handles a message: sizes and renderings go to whoever owns them,
// keys to the screen in front.
func (m *Model) Update(msg tea.Msg) (_ tea.Model, cmd tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && m.ignores(k) {
		m.touched = true
		return m, nil // the frame stands, and there is nothing to settle
	}
	m.frame.valid = false
	defer func() {
		cmd = m.settle(tea.Batch(cmd, m.replayTypedAhead()))
		m.layout()
	}()
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		if msg.Width == m.c.width && msg.Height == m.c.height {
			return m, nil // the first size can arrive twice
		}
		m.c.width, m.c.height = max(msg.Width, 0), max(msg.Height, 0)
		return m, tea.Batch(m.reader.resize(), m.prefetch())
	case tea.BackgroundColorMsg:
		if m.c.setDark(msg.IsDark()) {
			return m, tea.Batch(m.reader.resize(), m.prefetch())
		}
	case docMsg:
		m.reader.receive(msg)
		return m, m.prefetch() // now that the text is on screen, if it waited
	case settledMsg:
		if m.c.renders.settle(msg) {
			return m, m.prefetch()
		}
	case renderRetryMsg:
		m.c.renders.retrying = false
		if m.reader.article != nil && m.reader.stale() {
			return m, m.reader.load()
		}
		return m, m.prefetch()
	case passagesMsg:
		if m.list.found.receive(msg) {
			m.list.clamp()
		}
	case NoticeMsg:
		m.notice = string(msg)
	case libraryReadMsg:
		m.warnAbout(m.c.lib.LoadAll())
	case measureKeptMsg:
		m.warning = "The text's width is not kept for the next time: " + msg.err.Error()
	case KeepingMsg:
		return m, m.c.notes.keeping(msg)
	case tea.ColorProfileMsg, placeDueMsg, savedMsg, retryDueMsg, keptMsg:
		return m, m.updateAnnotations(msg)
	case tea.PasteMsg:
		return m, m.paste(msg.Content)
	case tea.MouseWheelMsg:
		m.wheel(msg)
	case tea.KeyPressMsg:
		return m, m.key(msg)
	}
	return m, nil
}

// key handles a key press: quitting and help first, then the screen.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	if msg.String() == "ctrl+c" {
		return m.quit()
	}
	m.warning = ""
	typing := m.list.filtering || m.reader.search.typing || m.glossary.filtering || m.reader.annotations.editor.open || m.highlights.typing()
	if m.tooSmall() {
		return m.keyTooSmall(msg, typing)
	}
	if m.help {
		switch msg.String() {
		case "?", "esc":
			m.help = false
		case "q":
			return m.quit()
		case "j", "down", "space", "pgdown":
			m.helpOffset = min(m.helpOffset+1, helpMaxOffset(m.c, m.c.width, m.c.height))
		case "k", "up", "b", "pgup":
			m.helpOffset = max(0, m.helpOffset-1)
		}
		return nil
	}
	if !typing {
		switch msg.String() {
		case "q":
			return m.quit()
		case "?":
			m.help, m.helpOffset = true, 0
			return nil
		}
	}
	var cmd tea.Cmd
	defer m.leaving(m.screen)
	annCmd, handled := m.annotationKey(msg)
	switch {
	case handled:
		cmd = annCmd
	case !typing && !m.reader.side.picking && m.screen != glossaryScreen && key.Matches(msg, m.c.keys.Glossary):
		m.openGlossary()
	case m.screen == glossaryScreen:
		cmd = m.glossaryKey(msg)
	case m.screen == listScreen:
		cmd = m.listKey(msg)
	default:
		cmd = m.reader.update(msg)
		if m.reader.back {
			m.reader.back = false
			m.screen = listScreen
			if !m.fromPassage { // back to the passages, or to the article in the list
				m.list.selectArticle(m.reader.article)
			}
		}
	}
	m.setKeys()
	m.warnAboutIssue(m.list.currentIssue())
	if m.screen == readerScreen && m.reader.article != nil {
		m.warnAboutIssue(m.reader.article.Issue)
	}
	return cmd
}

// leaving clears, once a key has moved to another screen, the message of
// the screen it left: it said what a key did there, and must not greet
// the reader when they come back.
func (m *Model) leaving(from screen) {
	if m.screen == from {
		return
	}
	switch from {
	case listScreen:
		m.list.status = ""
	case readerScreen:
		m.reader.status = ""
	case glossaryScreen:
		m.glossary.status = ""
	case highlightsScreen:
		m.highlights.status = ""
	}
}

// replayTypedAhead presses again, once the text is on screen, the keys
// pressed while it rendered: each as if it came then, through key, so
// that the keys each enables (v enables m) are set before the next, and
// what each asks for (y's copy) is done.
func (m *Model) replayTypedAhead() tea.Cmd {
	var cmds []tea.Cmd
	for _, k := range m.reader.takeTypedAhead() {
		cmds = append(cmds, m.key(k))
	}
	return tea.Batch(cmds...)
}

func (m *Model) quit() tea.Cmd {
	m.quitting = true
	m.list.found.stop()
	return tea.Quit
}

// wheel scrolls the text, or moves through the list.
func (m *Model) wheel(msg tea.MouseWheelMsg) {
	d := 0
	switch msg.Button {
	case tea.MouseWheelDown:
		d = 1
	case tea.MouseWheelUp:
		d = -1
	}
	switch {
	case m.help:
	case m.screen == readerScreen:
		m.reader.scrollBy(3 * d)
	case m.screen == listScreen:
		m.list.move(d)
	case m.screen == glossaryScreen:
		m.glossary.move(d)
	}
}

// openReader shows an article.
func (m *Model) openReader(a *content.Article, sec *content.Section) tea.Cmd {
	m.screen = readerScreen
	m.setKeys()
	return m.reader.open(a, sec)
}

// setKeys enables the bindings of the screen in front.
func (m *Model) setKeys() {
	m.c.shortHelp = drawn{}
	switch m.screen {
	case listScreen:
		m.c.keys.forList(len(m.c.lib.Issues), m.list.filter.value != "")
	case glossaryScreen:
		m.c.keys.forGlossary(m.glossary.escAction())
	default:
		m.c.keys.forReader(m.reader.escAction())
	}
	m.c.keys.forAnnotations(m.screen, m.reader.annotations.cursor.shown)
}

// layout brings what the screen in front shows up to date with the
// model, after every message: where each list scrolls to keep its cursor
// in sight, the abbreviations on screen. View only draws.
func (m *Model) layout() {
	w, h := m.c.width, m.c.height
	switch m.screen {
	case listScreen:
		m.list.layout(w, h)
	case glossaryScreen:
		m.glossary.layout(w, h)
	case highlightsScreen:
		m.highlights.layout(w, h)
	case readerScreen:
		m.reader.clampBio()
		m.reader.findAbbreviations()
		m.reader.read = m.reader.readSoFar()
	}
}

// View is the screen in front, drawn again only when something changed.
func (m *Model) View() tea.View {
	if !m.frame.valid {
		m.frame = frame{view: m.draw(), valid: true}
	}
	return m.frame.view
}

// draw draws the screen in front, in the alternate screen, with the mouse
// wheel on. Whatever the size, the view fits it.
func (m *Model) draw() tea.View {
	var v tea.View
	if m.quitting {
		return v
	}
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	w, h := m.c.width, m.c.height
	switch {
	case w <= 0 || h <= 0:
		// No size yet: nothing to draw.
	case m.tooSmall():
		v.SetContent(tooSmall(w, h, m.c.glyphs))
	case m.help:
		v.SetContent(m.withNotice(fitView(helpView(m.c, w, h, m.helpOffset), w, h), w))
	case m.screen == glossaryScreen:
		v.SetContent(m.withNotice(fitView(m.glossary.view(w, h), w, h), w))
		v.WindowTitle = "Glossary · " + m.glossary.g.Issue.Title()
	case m.screen == highlightsScreen:
		v.SetContent(m.withNotice(fitView(m.highlights.view(w, h), w, h), w))
	case m.screen == readerScreen && m.reader.article != nil:
		v.SetContent(m.withNotice(m.reader.view(w, h), w)) // exact by construction: no fitView pass
		v.WindowTitle = m.reader.article.MarkedTitle()
	default:
		v.SetContent(m.withNotice(fitView(m.list.view(w, h)+m.listStatus(w), w, h), w))
		v.WindowTitle = m.list.currentIssue().Publication
	}
	return v
}

// withNotice puts the notice, if any, on the top line of a screen, over
// the header: the bottom line is where the reader types and reads what
// their keys did, and the notice must stay in sight through both.
func (m *Model) withNotice(screen string, w int) string {
	notice, warning := m.notice, true
	if notice == "" {
		notice = m.warning
	}
	if notice == "" {
		notice, warning = m.c.notes.notice(m.touched)
	}
	if notice == "" {
		return screen
	}
	style := m.c.styles.Error
	if !warning {
		style = m.c.styles.Status
	}
	line := spread(m.c.styles, " "+style.Render(notice), "", w)
	if i := strings.IndexByte(screen, '\n'); i >= 0 {
		return line + screen[i:]
	}
	return line
}

// listStatus is the list's bottom line: the filter being typed or the help.
func (m *Model) listStatus(w int) string {
	st := m.c.styles
	switch {
	case m.list.filtering:
		return promptLine(st, m.list.filter.value, m.list.enterHint()+st.G.Sep+"esc clear", w)
	case m.list.status != "":
		return spread(st, " "+st.Status.Render(m.list.status), "", w)
	case m.list.filter.value != "":
		return spreadKeepLeft(st, " "+st.Status.Render(fmt.Sprintf("filter: %s", m.list.filter.value)), st.Meta.Render("esc clear")+" ", w)
	}
	return spread(st, " "+shortHelp(m.c, w-2), "", w)
}

// tooSmall asks for a bigger terminal in whatever room there is, its
// words wrapped to the width.
func tooSmall(w, h int, g Glyphs) string {
	if w < 1 || h < 1 {
		return ""
	}
	msg := fmt.Sprintf("Terminal too small: need %d%s%d, have %d%s%d", minWidth, g.Times, minHeight, w, g.Times, h)
	lines := strings.Split(ansi.Wrap(msg, w, ""), "\n")
	return strings.Join(lines[:min(len(lines), h)], "\n")
}

// Cache returns the render cache, for programs that share one.
func (m *Model) Cache() *render.Cache { return m.c.cache }

// fitView cuts a drawn screen to w×h cells: a last guard so that no frame,
// whatever the size, spills over the terminal.
func fitView(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	return strings.Join(lines, "\n")
}
