package ui

import (
	tea "charm.land/bubbletea/v2"

	"analyst/internal/content"
	"analyst/internal/render"
)

// screen names the screen in front.
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

// Cache returns the render cache, for programs that share one.
func (m *Model) Cache() *render.Cache { return m.c.cache }
