package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"analyst/internal/content"
	"analyst/internal/store"
	"analyst/ui"
)

// storeKeeper is the reader's store as ui.Keeper wants it: one owner's
// places and highlights, in one library. Its calls come from the reader's
// commands, one at a time. The store is opened by the first (Load, from
// the program's first command), so that the first frame never waits for
// the disk.
type storeKeeper struct {
	app   *app
	owner string
	ctx   context.Context
	lib   *content.Library

	once     sync.Once
	st       *store.Store // nil when it could not be opened
	notice   string       // why nothing (new) will be kept, or ""
	warnings []string     // for stderr once the reader has ended: an import that failed
}

// open opens the store, once, and imports the state.json of earlier
// versions into it, once for good.
func (k *storeKeeper) open() (*store.Store, error) {
	k.once.Do(func() {
		k.st, k.notice = k.app.openStore(k.ctx)
		if k.st == nil {
			return
		}
		if path, err := k.app.statePath(); err == nil {
			if _, err := k.st.ImportState(k.ctx, path); err != nil {
				k.warnings = append(k.warnings, err.Error())
			}
		}
	})
	if k.st == nil {
		return nil, errors.New(k.notice)
	}
	return k.st, nil
}

// close closes the store, after the reader (and a Load still running).
func (k *storeKeeper) close() {
	k.once.Do(func() {})
	if k.st != nil {
		k.st.Close()
	}
}

// Load returns the owner's places, read marks and highlights, each
// highlight located in the library as it is today: where its text is now
// (store.Locate), or detached.
func (k *storeKeeper) Load(lib *content.Library) (ui.Kept, error) {
	k.lib = lib
	st, err := k.open()
	if err != nil {
		return ui.Kept{}, err
	}
	r, err := st.Load(k.ctx, k.owner)
	if err != nil {
		return ui.Kept{}, err
	}
	hs, err := st.Highlights(k.ctx, k.owner)
	if err != nil {
		return ui.Kept{}, err
	}
	kept := ui.Kept{Places: map[string]ui.Place{}, Read: map[string]bool{}, Notice: k.notice}
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
	return kept, nil
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
func (k *storeKeeper) SavePlace(article string, p ui.Place) error {
	ref, ok := store.ParseKey(article)
	if !ok {
		return fmt.Errorf("no article %q", article)
	}
	st, err := k.open()
	if err != nil {
		return err
	}
	return st.SavePlace(k.ctx, k.owner, ref, store.Place{Section: p.Section, Fraction: p.Fraction, End: p.End}, p.Progress)
}

// AddHighlight highlights a paragraph, with its note. Should another
// reader have highlighted the paragraph since this one loaded (the store
// toggles), theirs is put back as it was rather than removed, and this
// one counts as made.
func (k *storeKeeper) AddHighlight(h ui.Highlight) (int64, error) {
	a := k.article(h.Article)
	if a == nil {
		return 0, fmt.Errorf("no article %q", h.Article)
	}
	st, err := k.open()
	if err != nil {
		return 0, err
	}
	if h.Note != "" {
		made, err := st.Annotate(k.ctx, k.owner, a, h.Section, h.Paragraph, h.Note)
		return made.ID, err
	}
	made, on, err := st.Toggle(k.ctx, k.owner, a, h.Section, h.Paragraph)
	if err != nil || on {
		return made.ID, err
	}
	if made.Note != "" {
		made, err = st.Annotate(k.ctx, k.owner, a, h.Section, h.Paragraph, made.Note)
		return made.ID, err
	}
	made, _, err = st.Toggle(k.ctx, k.owner, a, h.Section, h.Paragraph)
	return made.ID, err
}

// SaveNote replaces a highlight's note.
func (k *storeKeeper) SaveNote(id int64, note string) error {
	st, err := k.open()
	if err == nil {
		_, err = st.SetNote(k.ctx, k.owner, id, note)
	}
	return err
}

// DeleteHighlight removes a highlight and its note.
func (k *storeKeeper) DeleteHighlight(id int64) error {
	st, err := k.open()
	if err == nil {
		_, err = st.Delete(k.ctx, k.owner, id)
	}
	return err
}

func (k *storeKeeper) article(key string) *content.Article {
	ref, ok := store.ParseKey(key)
	if !ok || k.lib == nil {
		return nil
	}
	if is := k.lib.Issue(ref.Issue); is != nil {
		for _, a := range is.Articles() {
			if a.Slug == ref.Article {
				return a
			}
		}
	}
	return nil
}

// openStore opens the reader's store, at ANALYST_DB or under
// $XDG_DATA_HOME/analyst. A store that cannot be opened is nil, and why
// is said in a sentence for the notice line; a store that can only be
// read comes with that sentence too.
func (a *app) openStore(ctx context.Context) (*store.Store, string) {
	path, err := store.DefaultPath(a.getenv)
	if err != nil {
		return nil, "Nothing will be kept: " + err.Error()
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		return st, sentence(a.tildePath(err.Error()))
	}
	return st, ""
}

// tildePath writes the home folder in a message as "~", so that a notice
// naming a file under it fits the top line.
func (a *app) tildePath(msg string) string {
	if home := a.getenv("HOME"); len(home) > 1 {
		return strings.ReplaceAll(msg, strings.TrimSuffix(home, "/")+"/", "~/")
	}
	return msg
}

// sentence starts a message with a capital letter.
func sentence(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
