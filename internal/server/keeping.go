package server

import (
	"context"
	"errors"
	"sync"
	"time"

	"charm.land/ssh"

	"analyst/internal/store"
	"analyst/ui"
)

// ownerOf is whose things a session keeps: the SHA-256 fingerprint of the
// public key its client logged in with (the key the client proved it
// holds), or "" for a client without one. Nothing else about a reader is
// kept: not their address, not the user name they gave.
func ownerOf(sess ssh.Session) string {
	if key := sess.PublicKey(); key != nil {
		return fingerprint(key)
	}
	return ""
}

// Owner is whose things the command run with ctx may read and change: the
// fingerprint of the session's key, and false for a session without one
// (or a context that comes from no session).
func Owner(ctx context.Context) (string, bool) {
	if ss, ok := ctx.Value(sessionKey{}).(*servedSession); ok {
		owner := ownerOf(ss.Session)
		return owner, owner != ""
	}
	return "", false
}

// keeperFor is the keeper of a session's reader: the server's store for a
// reader with a key, or memory for the session (sessionOnly). A server
// without a store keeps every session in memory.
func (s *Server) keeperFor(sess ssh.Session) (k ui.Keeper, sessionOnly bool) {
	if owner := ownerOf(sess); owner != "" && s.cfg.Keepers != nil {
		return s.cfg.Keepers.Keeper(owner), false
	}
	return ui.NewMemoryKeeper(ui.Kept{}), true
}

// storeObserver hears what becomes of the store's calls: it counts them,
// logs what an operator must know, and tells the keyed readers when their
// changes stop being kept and when they are kept again.
type storeObserver struct {
	s        *Server
	failures failureLog
}

// Wrote counts a change's outcome, and logs a failure other than the
// database's absence (logged once, by Away): at most one line a reason
// every failureLogEvery, with how many were not logged. Refusals of the
// limits are the readers' own, told to them and counted, not logged.
func (o *storeObserver) Wrote(err error) {
	o.s.metrics.storeWrote(err)
	result, reason := writeOutcome(err)
	if result != writeFailed || reason == "unavailable" {
		return
	}
	if n, ok := o.failures.due(reason, time.Now()); ok {
		o.s.log.Warn("a reader's change was not kept", "reason", reason, "err", logDetail(err), "unlogged", n)
	}
}

// Away logs that the database went away, and tells the keyed readers.
func (o *storeObserver) Away(err *store.Error) {
	o.s.metrics.storeAvailable(false)
	o.s.log.Warn("store unavailable: readers' changes are not being kept until it answers", "err", logDetail(err))
	o.s.sessions.tellKeyed(ui.KeepingMsg{Err: err})
}

// Back logs that the database answers again, and tells the keyed readers,
// whose changes held meanwhile are then written.
func (o *storeObserver) Back(away time.Duration, dropped int64) {
	o.s.metrics.storeAvailable(true)
	o.s.log.Info("store available again", "away", away.Round(time.Millisecond), "changes_refused_meanwhile", dropped)
	o.s.sessions.tellKeyed(ui.KeepingMsg{})
}

// logDetail is what an error says to an operator: the store's sentence and
// the underlying error (PostgreSQL's or the network's), never a reader's
// data.
func logDetail(err error) string {
	var se *store.Error
	if errors.As(err, &se) && se.Err != nil {
		var inner *store.Error
		if errors.As(se.Err, &inner) && inner != se {
			return logDetail(inner)
		}
		return se.Error() + " (" + se.Err.Error() + ")"
	}
	return err.Error()
}

// failureLogEvery is how often one reason of failure is logged.
const failureLogEvery = 10 * time.Second

// failureLog spaces out the log lines of failed changes, by reason (a
// fixed set): a full disk under 500 readers is one line every ten
// seconds, not 500 a second.
type failureLog struct {
	mu       sync.Mutex
	last     map[string]time.Time
	unlogged map[string]int
}

// due reports whether a failure of reason is logged now, and how many of
// that reason were not logged since the last line.
func (f *failureLog) due(reason string, now time.Time) (int, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.last == nil {
		f.last, f.unlogged = map[string]time.Time{}, map[string]int{}
	}
	if last, ok := f.last[reason]; ok && now.Sub(last) < failureLogEvery {
		f.unlogged[reason]++
		return 0, false
	}
	n := f.unlogged[reason]
	f.last[reason], f.unlogged[reason] = now, 0
	return n, true
}
