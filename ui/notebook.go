package ui

import (
	"errors"
	"fmt"
	"sort"
	"sync/atomic"
	"time"

	"analyst/internal/content"
)

// notebook is what the reader keeps, as the screens show it: highlights
// and notes, read marks and progress; every change goes to the Keeper
// through the saver as it is made.
type notebook struct {
	saver  *saver
	lib    *content.Library
	marks  []*mark          // every highlight of the library, oldest first
	read   map[string]bool  // the articles read to their end, by article key (content.Article.Key)
	places map[string]Place // where the reader left each article, by article key (content.Article.Key)

	sessionOnly bool   // the keeper forgets at the end of the session: say so, once
	keyWould    bool   // a key would keep things: say so at the start, and with the first highlight
	toldSession bool   // said
	notKept     string // why nothing will be kept, from the start: on the notice line
	failed      string // the last write that failed, until one succeeds
	back        bool   // the keeper is back after it was unavailable: said until a key is pressed
	version     int    // counts changes to the highlights, for what is drawn from them
	loaded      bool   // what the keeper held has come: changes may be written
	load        *loading

	writing    bool          // a write command is in flight: the next waits for its savedMsg
	retryDelay time.Duration // the first wait before a failed change is tried again; 0 waits for the next change
}

// mark is one highlight, resolved to the library: its article, section
// and paragraph, or detached when the library does not have them.
type mark struct {
	h       Highlight
	article *content.Article // nil when the article is not in the library
	section *content.Section
	id      *atomic.Int64 // the keeper's id, set when the highlight is written
	refused atomic.Bool   // the keeper refused it for good, or it was given up: it goes from the screen
}

// attached reports whether the mark points at a paragraph of the library.
func (m *mark) attached() bool { return m.section != nil }

func newNotebook(lib *content.Library, keeper Keeper, kept Kept) *notebook {
	nb := &notebook{
		saver:  &saver{keeper: keeper},
		lib:    lib,
		read:   map[string]bool{},
		places: map[string]Place{},
		load:   &loading{done: make(chan struct{})},

		retryDelay: time.Second,
	}
	for key, p := range kept.Places {
		nb.places[key] = p
	}
	for key, r := range kept.Read {
		nb.read[key] = r
	}
	// Only the issues that hold highlights are read: a large library's
	// others wait until the reader opens them.
	byKey := map[string]*content.Article{}
	for _, h := range kept.Highlights {
		m := &mark{h: h, id: new(atomic.Int64)}
		m.id.Store(h.ID)
		a, ok := byKey[h.Article]
		if !ok {
			a = lib.ArticleByKey(h.Article)
			byKey[h.Article] = a
		}
		if a != nil {
			m.article = a
			for _, s := range a.Sections {
				if !h.Detached && s.Slug == h.Section && s.Kind != content.KindBio && h.Paragraph >= 0 && h.Paragraph < len(s.Paragraphs) {
					m.section = s
				}
			}
		}
		nb.marks = append(nb.marks, m)
	}
	sort.SliceStable(nb.marks, func(i, j int) bool { return nb.marks[i].h.Created.Before(nb.marks[j].h.Created) })
	return nb
}

// at returns the highlight of a paragraph, or nil.
func (nb *notebook) at(sec *content.Section, index int) *mark {
	for _, m := range nb.marks {
		if m.section == sec && m.h.Paragraph == index {
			return m
		}
	}
	return nil
}

// count is how many highlights an article has.
func (nb *notebook) count(a *content.Article) int {
	n := 0
	for _, m := range nb.marks {
		if m.article == a && m.attached() {
			n++
		}
	}
	return n
}

// add highlights a paragraph, with a note or none.
func (nb *notebook) add(a *content.Article, sec *content.Section, index int, note string) *mark {
	m := &mark{
		h: Highlight{
			Article: a.Key(), Section: sec.Slug, Paragraph: index,
			Quote: sec.Paragraphs[index], Note: note, Created: time.Now(),
		},
		article: a, section: sec, id: new(atomic.Int64),
	}
	nb.marks = append(nb.marks, m)
	h, id := m.h, m.id
	nb.version++
	nb.saver.addLosable(func(k Keeper) error {
		n, err := k.AddHighlight(h)
		id.Store(n)
		m.refused.Store(errors.Is(err, ErrRefused))
		return err
	}, func() { m.refused.Store(true) })
	return m
}

// errHighlightNotKept is the outcome of a note written to a highlight
// that was never kept (refused, or given up: the notice said so).
var errHighlightNotKept = refusal("the note was not kept: its highlight was not kept")

// setNote replaces a highlight's note.
func (nb *notebook) setNote(m *mark, note string) {
	m.h.Note = note
	nb.version++
	id := m.id
	nb.saver.add(func(k Keeper) error {
		if id.Load() == 0 {
			return errHighlightNotKept
		}
		return k.SaveNote(id.Load(), note)
	})
}

// remove deletes a highlight and its note.
func (nb *notebook) remove(m *mark) {
	nb.version++
	for i, x := range nb.marks {
		if x == m {
			nb.marks = append(nb.marks[:i:i], nb.marks[i+1:]...)
			break
		}
	}
	id := m.id
	nb.saver.add(func(k Keeper) error {
		if id.Load() == 0 {
			return nil // never kept: nothing to delete
		}
		return k.DeleteHighlight(id.Load())
	})
}

// savePlace keeps where the reader is in an article and how far through.
func (nb *notebook) savePlace(a *content.Article, p place, progress float64) {
	key, kp := a.Key(), Place{Section: p.section, Fraction: p.frac, End: p.end, Progress: progress}
	nb.places[key] = kp
	nb.saver.addPlace(key, func(k Keeper) error { return k.SavePlace(key, kp) })
}

// markRead notes that an article was read to its end; it reports whether
// that is new, for the place (which keeps it) to be written at once.
func (nb *notebook) markRead(a *content.Article) bool {
	if nb.read[a.Key()] {
		return false
	}
	nb.read[a.Key()] = true
	return true
}

// maxRetryDelay is the longest wait before a failed change is tried again.
const maxRetryDelay = 30 * time.Second

// sessionStartNotice tells a reader without a key, until their first
// key, that nothing outlives the session and what would keep it.
const sessionStartNotice = "No SSH key: kept for this session only. Connect with a key to keep your place."

// openNotebook makes the notebook over the reader's keeper, empty until
// loadCmd's message brings what the keeper holds.
func openNotebook(c *common, opt Options) {
	keeper := opt.Keeper
	if keeper == nil {
		keeper = NewMemoryKeeper(Kept{})
	}
	c.notes = newNotebook(c.lib, keeper, Kept{})
	c.notes.sessionOnly, c.notes.keyWould = opt.SessionOnly, opt.KeyWouldKeep
}

// readState is what the list says of an article the reader opened: " · ✓
// read" once read to its end, " · 42% read" while in progress, as the
// sidebar says it at the place where they left it (readSoFar).
func (nb *notebook) readState(a *content.Article, g Glyphs) string {
	p, ok := nb.places[a.Key()]
	switch read := a.ReadTo(p.Section, p.Fraction); {
	case nb.read[a.Key()]:
		return g.Sep + g.Read
	case ok && !p.End && read > 0:
		return fmt.Sprintf("%s%d%% read", g.Sep, percentRead(read))
	}
	return ""
}

// percentRead is how far through an article, 0..1, in whole percent:
// 100 only at the end.
func percentRead(read float64) int {
	if read >= 1 {
		return 100
	}
	return min(int(read*100+0.5), 99)
}

// highlightCount says how many highlights: "1 highlight", "3 highlights".
func highlightCount(n int) string {
	if n == 1 {
		return "1 highlight"
	}
	return fmt.Sprintf("%d highlights", n)
}
