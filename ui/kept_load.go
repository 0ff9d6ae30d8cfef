package ui

import (
	"errors"
	"slices"
	"sort"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"
)

// keptMsg carries what the keeper held when the program started.
type keptMsg struct {
	kept Kept
	err  error
}

// loadCmd loads what the keeper holds, off the first frame's path: the
// list and the text show at once, whatever the disk under the store is
// doing. Nothing is written before it comes (settle holds the changes),
// so that a place shown before the kept one arrived never replaces it.
func (nb *notebook) loadCmd() tea.Cmd {
	return func() tea.Msg {
		if kept, err, ran := nb.runLoad(); ran {
			return keptMsg{kept, err}
		}
		return nil
	}
}

// loading is the keeper's Load, run once: from the program's first
// command, or from Flush when the program ended before that command ran.
type loading struct {
	mu      sync.Mutex
	started bool
	done    chan struct{} // closed when Load has answered
	err     error         // its error, once done is closed
}

// runLoad runs the keeper's Load unless it was run; ran says whether
// this call ran it.
func (nb *notebook) runLoad() (kept Kept, err error, ran bool) {
	l := nb.load
	l.mu.Lock()
	if l.started {
		l.mu.Unlock()
		return Kept{}, nil, false
	}
	l.started = true
	keeper := nb.saver.keeper
	l.mu.Unlock()
	kept, err = keeper.Load(nb.lib)
	l.err = err
	close(l.done)
	return kept, err, true
}

// waitLoaded waits until the keeper's Load has answered, running it if
// it never ran, and reports whether changes may be written to the
// keeper: not after a Load that failed for good.
func (nb *notebook) waitLoaded() bool {
	nb.runLoad()
	<-nb.load.done
	return nb.load.err == nil || errors.Is(nb.load.err, ErrUnavailable)
}

// takeKept takes what the keeper held: highlights, read marks and places
// join what the reader did meanwhile, and, as long as no key was pressed,
// the list goes to the article read last and an article opened at start
// to where the reader left it. A keeper that could not load is replaced
// by one in memory, and the notice line says why nothing will be kept;
// one that is unavailable for now (a server's database away) is kept:
// the reader starts without what it held, is told that their changes are
// not being kept, and changes are held until it is back.
func (m *Model) takeKept(msg keptMsg) {
	nb, r := m.c.notes, &m.reader
	kept := msg.kept
	switch {
	case errors.Is(msg.err, ErrUnavailable):
		nb.failed = failedNotice(msg.err)
		kept = Kept{}
	case msg.err != nil:
		nb.saver.setKeeper(NewMemoryKeeper(Kept{}))
		nb.notKept = notKeptNotice(msg.err)
		kept = Kept{}
	}
	if kept.Notice != "" {
		nb.notKept = kept.Notice
	}
	nb.take(kept)
	r.restorePlaces(kept.Places)
	r.relayoutNotes()
	if !m.touched {
		if a := m.c.lib.ArticleByKey(kept.LastRead); a != nil && m.screen == listScreen {
			m.list.selectArticle(a)
		}
		if r.doc != nil && !m.atSection {
			if p, ok := r.placeOf(r.article); ok {
				r.goTo(p)
			}
		}
	}
	if r.doc != nil {
		r.opened = r.article
		r.writePlace()
	}
}

// notKeptNotice is why nothing will be kept, as a sentence that says so.
func notKeptNotice(err error) string {
	msg := err.Error()
	if strings.HasPrefix(strings.ToLower(msg), "nothing") {
		return strings.ToUpper(msg[:1]) + msg[1:]
	}
	return "Nothing will be kept: " + msg
}

// take adds what the keeper held to the notebook: its highlights before
// those made meanwhile (not written yet, so not among them), and its read
// marks and progress under this run's.
func (nb *notebook) take(kept Kept) {
	made := nb.marks
	loaded := newNotebook(nb.lib, nb.saver.keeper, kept)
	nb.marks = append(loaded.marks, made...)
	sort.SliceStable(nb.marks, func(i, j int) bool { return nb.marks[i].h.Created.Before(nb.marks[j].h.Created) })
	for k, v := range loaded.read {
		nb.read[k] = nb.read[k] || v
	}
	for k, v := range loaded.places {
		if _, ok := nb.places[k]; !ok {
			nb.places[k] = v
		}
	}
	nb.marks = slices.Clip(nb.marks)
	nb.loaded = true
	nb.version++
}
