package ui

import (
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"golang.org/x/time/rate"

	"analyst/internal/content"
)

// Over SSH one process renders for every reader, into one cache, and a
// window's size is the client's to choose: a client sending new widths
// would otherwise have every one of them rendered for the whole issue
// (about 5 ms an article), and push the other readers' renderings out of
// the cache. So a reader renders the article on screen at each new width,
// the others of the issue only once the width has held still, nothing for
// a width it has already left, and, sharing the cache, at most a budget.
const (
	// settleDelay is how long the width and style must hold still before
	// the other articles are rendered at them: longer than the server's
	// 250 ms between two sizes, so that a client sweeping widths never
	// gets them. A reader rarely leaves an article within a second of a
	// resize, and if they do it renders then.
	settleDelay = time.Second
	// renderBurst and renderEvery are the budget of a reader that shares
	// the cache: a burst that covers opening the issue (4 renderings),
	// the terminal's answer about its background (4 more) and dragging a
	// window's edge for a few seconds, then one a second: 0.5% of a core,
	// and what it adds pushes the others' renderings out of the cache no
	// faster than that. A reader over budget keeps the text at its last
	// width and gets the new one when the budget allows.
	renderBurst = 24
	renderEvery = time.Second
)

// renderKey is what a rendering is made for, besides its article.
type renderKey struct {
	width int
	style string
}

// asking is a rendering asked for: an article at a width and style.
type asking struct {
	article *content.Article
	renderKey
}

// renders is a program's say over the renderings it asks for.
type renders struct {
	// current is the width and style the screen shows now; renderCmd,
	// which runs on another goroutine, skips a rendering for any other.
	current atomic.Pointer[renderKey]
	budget  *rate.Limiter // nil when the cache is the program's own
	// asked are the renderings asked for since the layout last changed:
	// under way (another ask joins it at no cost) or failed (not asked
	// for again by prefetch). At most one an article.
	asked map[asking]bool
	gen   int // counts the layouts shown, for settledMsg
	// settled says the width and style have held still for settleDelay
	// (or are the first with a width): the other articles may be rendered.
	settled  bool
	sized    bool // a layout with a width was shown: the next is no first
	retrying bool // a renderRetryMsg is on its way
	// after and now are tea.Tick and time.Now, or a test's.
	after func(time.Duration, tea.Msg) tea.Cmd
	now   func() time.Time
}

func newRenders(sharedCache bool) *renders {
	rs := &renders{
		after: func(d time.Duration, msg tea.Msg) tea.Cmd {
			return tea.Tick(d, func(time.Time) tea.Msg { return msg })
		},
		now:   time.Now,
		asked: map[asking]bool{},
	}
	if sharedCache {
		rs.budget = rate.NewLimiter(rate.Every(renderEvery), renderBurst)
	}
	return rs
}

// settledMsg says that the layout numbered gen has held still for
// settleDelay.
type settledMsg struct{ gen int }

// renderRetryMsg says that the budget may allow a rendering again.
type renderRetryMsg struct{}

// show records the width and style now on screen. The first layout with
// a width is settled at once (as are those without, before it, which
// render nothing); a new one after settleDelay, which the command it
// returns says. A width of 0 later on is no new start: a client sending
// one between its widths would otherwise have each of them settled.
func (rs *renders) show(k renderKey) tea.Cmd {
	old := rs.current.Swap(&k)
	switch {
	case !rs.sized:
		rs.sized = k.width > 0
		rs.settled = true
	case *old != k:
		clear(rs.asked)
		rs.gen++
		rs.settled = false
		return rs.after(settleDelay, settledMsg{rs.gen})
	}
	return nil
}

// settle takes a settledMsg, and says whether its layout is still the
// one on screen, which is now settled.
func (rs *renders) settle(msg settledMsg) bool {
	if msg.gen != rs.gen {
		return false
	}
	rs.settled = true
	return true
}

// wanted says whether a rendering for k is still of use to the screen.
func (rs *renders) wanted(k renderKey) bool {
	cur := rs.current.Load()
	return cur == nil || *cur == k
}

// take charges a rendering of a at the current layout to the budget, and
// records it as asked; false when the budget is spent.
func (rs *renders) take(a *content.Article, k renderKey) bool {
	if rs.budget != nil && !rs.budget.AllowN(rs.now(), 1) {
		return false
	}
	rs.asked[asking{a, k}] = true
	return true
}

// wasAsked says whether a rendering of a at k was asked for since the
// layout changed.
func (rs *renders) wasAsked(a *content.Article, k renderKey) bool {
	return rs.asked[asking{a, k}]
}

// retry asks to be told when the budget may allow a rendering again; one
// request at a time.
func (rs *renders) retry() tea.Cmd {
	if rs.retrying {
		return nil
	}
	rs.retrying = true
	return rs.after(renderEvery, renderRetryMsg{})
}
