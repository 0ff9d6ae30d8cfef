package cli

import (
	"context"
	"errors"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"analyst/internal/content"
	"analyst/internal/keeper"
	"analyst/internal/store"
	"analyst/ui"
)

// storeKeeper is the local reader's store as ui.Keeper wants it (a
// keeper.Keeper of the local owner), whose calls it runs on the store
// it opens on the first (Load, from the program's first command), so
// that the first frame never waits for the disk.
type storeKeeper struct {
	*keeper.Keeper
	app *app
	ctx context.Context

	once     sync.Once
	st       *store.Store // nil when it could not be opened
	notice   string       // why nothing (new) will be kept, or ""
	warnings []string     // for stderr once the reader has ended: an import that failed
}

// newStoreKeeper is the keeper of an owner's things in the app's store.
func newStoreKeeper(a *app, owner string, ctx context.Context) *storeKeeper {
	k := &storeKeeper{app: a, ctx: ctx}
	k.Keeper = keeper.New(k, owner)
	return k
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

// Run runs a keeper's call on the store, opening it on the first; the
// local reader's calls take the time the disk takes.
func (k *storeKeeper) Run(_ keeper.Call, fn func(ctx context.Context, st *store.Store) error) error {
	st, err := k.open()
	if err != nil {
		return err
	}
	return fn(k.ctx, st)
}

// Load is the keeper's Load, with the notice of a store that can only be
// read.
func (k *storeKeeper) Load(lib *content.Library) (ui.Kept, error) {
	kept, err := k.Keeper.Load(lib)
	kept.Notice = k.notice
	return kept, err
}

// close closes the store, after the reader (and a Load still running).
func (k *storeKeeper) close() {
	k.once.Do(func() {})
	if k.st != nil {
		k.st.Close()
	}
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
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
