package cli

import (
	"context"
	"errors"
	"syscall"
	"testing"
	"time"
)

func TestNotifySignalsSaysASignalEndedIt(t *testing.T) {
	ctx, stop := notifySignals(context.Background(), syscall.SIGUSR1)
	defer stop()
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGUSR1); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ctx.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("the signal did not end the context")
	}
	var got signalReceived
	if !endedBySignal(ctx) || !errors.As(context.Cause(ctx), &got) || got.Signal != syscall.SIGUSR1 {
		t.Errorf("cause %v: want the signal that came", context.Cause(ctx))
	}

	ctx, stop = notifySignals(context.Background(), syscall.SIGUSR1)
	stop()
	if endedBySignal(ctx) {
		t.Errorf("a context cancelled by stop was not ended by a signal")
	}
}
