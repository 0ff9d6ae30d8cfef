// Package keeper keeps what a reader makes while reading in the store: a
// ui.Keeper over internal/store for one owner. The local reader's keeper
// runs its calls on their own disk (internal/cli); an SSH server's keyed
// readers, each the owner of what their key's fingerprint names, share a
// Shared store, which bounds every call in time and, once its database is
// found away, answers at once that nothing is being kept until it is back.
package keeper

import (
	"context"
	"errors"
	"sync/atomic"

	"analyst/internal/content"
	"analyst/internal/store"
	"analyst/ui"
)

// Call is what a call on the store does, for the deadline it gets and
// what is counted.
type Call int

const (
	Read   Call = iota // reads what the store keeps
	Change             // makes a reader's change
)

// Runner runs a keeper's calls: fn with the store and a context that
// bounds it, or the error that says why the store cannot be used.
type Runner interface {
	Run(call Call, fn func(ctx context.Context, st *store.Store) error) error
}

// Keeper is one owner's places and highlights, in one library, as
// ui.Keeper wants them. Its calls come from the reader's commands, one at
// a time. Errors say in a sentence what was not kept and why, and wrap
// ui.ErrUnavailable (the database is away) or ui.ErrRefused (a limit).
type Keeper struct {
	run   Runner
	owner string
	lib   atomic.Pointer[content.Library] // set by Load, read by the changes after it
}

// New is the keeper of an owner's things, with its calls run by run.
func New(run Runner, owner string) *Keeper {
	return &Keeper{run: run, owner: owner}
}

// Load returns the owner's places, read marks and highlights, each
// highlight located in the library as it is today: where its text is now
// (store.Locate), or detached. An owner other than the local reader is
// first asked about (store.Keeps): a store that would refuse every change
// of theirs (full for new readers, read-only) says so as Load's error.
func (k *Keeper) Load(lib *content.Library) (ui.Kept, error) {
	k.lib.Store(lib)
	var kept ui.Kept
	err := k.run.Run(Read, func(ctx context.Context, st *store.Store) error {
		if k.owner != store.LocalOwner {
			if err := st.Keeps(ctx, k.owner); err != nil {
				return err
			}
		}
		r, err := st.Load(ctx, k.owner)
		if err != nil {
			return err
		}
		hs, err := st.Highlights(ctx, k.owner)
		if err != nil {
			return err
		}
		kept = keptOf(lib, r, hs)
		return nil
	})
	if errors.Is(err, store.ErrUnavailable) {
		// However the first read failed, what it means for the reader.
		err = notBeingKept(err)
	}
	return kept, wrap(err)
}

// keptOf is what the store holds as the reader shows it.
func keptOf(lib *content.Library, r store.Reading, hs []store.Highlight) ui.Kept {
	kept := ui.Kept{Places: map[string]ui.Place{}, Read: map[string]bool{}}
	if r.Last.Article != "" {
		kept.LastRead = r.Last.Key()
	}
	for key, p := range r.Places {
		kept.Places[key] = ui.Place{Section: p.Section, Fraction: p.Fraction, End: p.End, Progress: r.Progress[key].Furthest}
		kept.Read[key] = r.Progress[key].Finished
	}
	for _, h := range hs {
		kept.Highlights = append(kept.Highlights, uiHighlight(h, store.Locate(lib, h)))
	}
	return kept
}

// uiHighlight is a stored highlight where the library has it today.
func uiHighlight(h store.Highlight, at store.Location) ui.Highlight {
	out := ui.Highlight{
		ID: h.ID, Article: h.Ref().Key(), Section: h.Section, Paragraph: h.Paragraph,
		Quote: h.Quote, Note: h.Note, Created: h.Created, Detached: !at.Found(),
	}
	if at.Found() {
		out.Section, out.Paragraph = at.Section.Slug, at.Paragraph
	}
	return out
}

// SavePlace keeps a place; the store makes its article the one read last
// and marks it read at the end.
func (k *Keeper) SavePlace(article string, p ui.Place) error {
	ref, ok := store.ParseKey(article)
	if !ok {
		return noArticle(article)
	}
	return wrap(k.run.Run(Change, func(ctx context.Context, st *store.Store) error {
		return st.SavePlace(ctx, k.owner, ref, store.Place{Section: p.Section, Fraction: p.Fraction, End: p.End}, p.Progress)
	}))
}

// AddHighlight highlights a paragraph, with its note. Should another
// session of the owner have highlighted the paragraph since this one
// loaded (the store toggles), theirs is put back as it was rather than
// removed, and this one counts as made.
func (k *Keeper) AddHighlight(h ui.Highlight) (int64, error) {
	a := k.article(h.Article)
	if a == nil {
		return 0, noArticle(h.Article)
	}
	var id int64
	err := k.run.Run(Change, func(ctx context.Context, st *store.Store) error {
		if h.Note != "" {
			made, err := st.Annotate(ctx, k.owner, a, h.Section, h.Paragraph, h.Note)
			id = made.ID
			return err
		}
		made, on, err := st.Toggle(ctx, k.owner, a, h.Section, h.Paragraph)
		if err != nil || on {
			id = made.ID
			return err
		}
		if made.Note != "" {
			made, err = st.Annotate(ctx, k.owner, a, h.Section, h.Paragraph, made.Note)
		} else {
			made, _, err = st.Toggle(ctx, k.owner, a, h.Section, h.Paragraph)
		}
		id = made.ID
		return err
	})
	return id, wrap(err)
}

// SaveNote replaces a highlight's note.
func (k *Keeper) SaveNote(id int64, note string) error {
	return wrap(k.run.Run(Change, func(ctx context.Context, st *store.Store) error {
		_, err := st.SetNote(ctx, k.owner, id, note)
		return err
	}))
}

// DeleteHighlight removes a highlight and its note. One already gone
// (deleted by another session of the owner, or forgotten) is no error.
func (k *Keeper) DeleteHighlight(id int64) error {
	err := k.run.Run(Change, func(ctx context.Context, st *store.Store) error {
		_, err := st.Delete(ctx, k.owner, id)
		return err
	})
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	return wrap(err)
}

// article is the library's article of a key (content.Article.Key), or
// nil.
func (k *Keeper) article(key string) *content.Article {
	return k.lib.Load().ArticleByKey(key)
}
