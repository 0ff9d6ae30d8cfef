package cli

import (
	"context"
	"errors"
	"os"
	"os/signal"
)

// signalReceived is why a context from notifySignals ended: a signal came.
type signalReceived struct{ os.Signal }

func (s signalReceived) Error() string { return s.Signal.String() + " signal received" }

// notifySignals is signal.NotifyContext with a cause that says a signal
// ended the context (endedBySignal). It stops listening after the first,
// so that a second does what it does by default, unless a command that
// runs long (serve) listens for it too.
func notifySignals(parent context.Context, sigs ...os.Signal) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancelCause(parent)
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, sigs...)
	go func() {
		defer signal.Stop(ch)
		select {
		case s := <-ch:
			cancel(signalReceived{s})
		case <-ctx.Done():
		}
	}()
	return ctx, func() { cancel(context.Canceled) }
}

// endedBySignal says whether ctx, from notifySignals, was ended by a
// signal rather than cancelled.
func endedBySignal(ctx context.Context) bool {
	var s signalReceived
	return errors.As(context.Cause(ctx), &s)
}
