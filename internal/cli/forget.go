package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"analyst/internal/keeper"
	"analyst/internal/store"
)

// confirmWord is what a reader types, in a terminal, to have their things
// deleted: the command's own name, typed again.
const confirmWord = "forget"

func newForgetCmd(a *app) *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:   "forget",
		Short: "Delete everything this server keeps for your key",
		Long: `Delete everything this server keeps for the SSH key you connected with:
your places, the article you read last, your read marks, your highlights
and their notes. Nothing else about you is kept: not your address, not
your user name.

In a terminal (ssh -t) it says what it will delete and asks you to type
forget again; without a terminal, --yes confirms it. Either way it says
what it deleted. It cannot be undone. A reader open with the same key at
the time keeps what it writes after.`,
		Example: "  ssh -t HOST forget\n  ssh HOST forget --yes",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.forget(cmd, yes)
		},
	}
	cmd.Flags().BoolVar(&yes, "yes", false, "delete without asking (for a session without a terminal)")
	return cmd
}

// forget deletes what the server keeps for the session's key: at once
// with --yes, after the reader types the word again in a terminal, and
// never without either.
func (a *app) forget(cmd *cobra.Command, yes bool) error {
	r := a.remote
	switch {
	case r == nil:
		return errors.New("forget is for readers over SSH: your own things are in your store, which you may delete")
	case r.owner == "":
		return errNoKey
	case r.keepers == nil:
		return errKeepsNothing
	case !yes && a.fitWidth == 0:
		return usagef(cmd, "forget deletes everything this server keeps for your key, and asks first: "+
			"run it in a terminal (ssh -t HOST forget) and type %s, or confirm it with --yes (ssh HOST forget --yes)", confirmWord)
	}
	out := a.output()
	if !yes {
		kept, err := a.keptForKey(cmd.Context())
		if err != nil {
			return err
		}
		if kept.Empty() {
			fmt.Fprintf(out, "This server keeps nothing for your key %s: there is nothing to forget.\n", r.owner)
			return out.Err()
		}
		if !a.confirm(kept) {
			fmt.Fprintln(out, "Nothing was deleted.")
			return errNotConfirmed
		}
	}
	var gone store.Forgotten
	err := r.run(keeper.Change, "delete what is kept for your key", func(ctx context.Context, st *store.Store) (err error) {
		gone, err = st.Forget(ctx, r.owner)
		return err
	})
	if err != nil {
		return err
	}
	if gone.Empty() {
		fmt.Fprintf(out, "This server kept nothing for your key %s: nothing was deleted.\n", r.owner)
	} else {
		fmt.Fprintf(out, "Deleted what this server kept for your key %s: %s.\n", r.owner, gone)
	}
	return out.Err()
}

// errNotConfirmed ends a forget the reader did not confirm: nothing was
// done, so the status is 1; what happened was said on stdout.
var errNotConfirmed = errors.New("forget was not confirmed")

// keptForKey counts what the server keeps for the key, as Forget would
// count it.
func (a *app) keptForKey(ctx context.Context) (kept store.Forgotten, err error) {
	owner := a.remote.owner
	err = a.remote.run(keeper.Read, "read what is kept for your key", func(ctx context.Context, st *store.Store) error {
		r, err := st.Load(ctx, owner)
		if err != nil {
			return err
		}
		hs, err := st.Highlights(ctx, owner)
		if err != nil {
			return err
		}
		kept = store.Forgotten{Places: len(r.Places), Highlights: len(hs), LastRead: r.Last.Article != ""}
		for key := range r.Places {
			if p := r.Progress[key]; p.Furthest > 0 || p.Finished {
				kept.ReadMarks++
			}
		}
		for _, h := range hs {
			if h.Note != "" {
				kept.Notes++
			}
		}
		return nil
	})
	return kept, err
}

// confirm says what will be deleted and asks for the word, on the
// session's terminal (which echoes nothing itself: x/term's line editor
// echoes, takes backspace, and ends at enter, ctrl+c or ctrl+d).
func (a *app) confirm(kept store.Forgotten) bool {
	fmt.Fprintf(a.stdout, "This server keeps for your key %s:\n  %s.\nDeleting it cannot be undone.\n", a.remote.owner, kept)
	t := term.NewTerminal(struct {
		io.Reader
		io.Writer
	}{io.LimitReader(a.stdin, maxConfirm), a.stdout}, fmt.Sprintf("Type %s to delete it, or press enter to keep it: ", confirmWord))
	if w := a.fitWidth; w > 0 {
		t.SetSize(w, 24)
	}
	line, err := t.ReadLine()
	return err == nil && strings.TrimSpace(line) == confirmWord
}

// maxConfirm bounds what the confirmation reads: a stranger types it.
const maxConfirm = 4096
