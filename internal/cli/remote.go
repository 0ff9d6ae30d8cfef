package cli

import (
	"context"
	"errors"
	"fmt"

	"analyst/internal/keeper"
	"analyst/internal/store"
)

// remoteReader is whose things a command run over SSH reads and changes:
// the owner the session's key names, in the server's store.
type remoteReader struct {
	keepers *keeper.Shared // nil: the server keeps nothing
	owner   string         // the key's fingerprint; "" for a session without a key
}

// errNoKey is what a session without a key is told by the commands of a
// reader's own things.
var errNoKey = errors.New("you connected without an SSH key, so this server keeps nothing for you: " +
	"connect with a key (ssh -i ~/.ssh/id_ed25519 HOST) to keep your place and highlights")

// errKeepsNothing is what the commands of a reader's own things say on a
// server that keeps nothing.
var errKeepsNothing = errors.New("this server keeps nothing for its readers")

// run runs a call on the reader's things in the server's store, within
// its deadline. what names them in errors ("read your highlights").
func (r *remoteReader) run(call keeper.Call, what string, fn func(ctx context.Context, st *store.Store) error) error {
	switch {
	case r.owner == "":
		return errNoKey
	case r.keepers == nil:
		return errKeepsNothing
	}
	err := r.keepers.Run(call, func(ctx context.Context, st *store.Store) error { return fn(ctx, st) })
	var se *store.Error
	if errors.As(err, &se) {
		return fmt.Errorf("cannot %s: %s", what, se.Reason)
	}
	return err
}
