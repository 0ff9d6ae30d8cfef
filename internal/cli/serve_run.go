package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"analyst/internal/server"
)

// serve runs the server on ln, with its extras (metrics, reload), until
// ctx ends (SIGINT or SIGTERM), then shuts it down gracefully; a second
// signal during the shutdown hurries it, and makes serve return an error
// (exit status 1).
func serve(ctx context.Context, cfg server.Config, ln net.Listener, extras serveExtras) error {
	srv, err := server.New(cfg)
	if err != nil {
		ln.Close()
		if extras.metrics != nil {
			extras.metrics.Close()
		}
		return err
	}
	stopExtras := extras.start(srv, cfg.Logger)
	defer stopExtras()
	// The signals that end ctx (see run) come here too, so that a second
	// one can be told from the first.
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-sigs:
	case <-ctx.Done():
		if endedBySignal(ctx) {
			// The same signal, on its way here too (unless it came
			// before Notify): the next one is the second.
			select {
			case <-sigs:
			case <-time.After(time.Second):
			}
		}
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownGrace+5*time.Second)
	defer cancel()
	shutdown := make(chan error, 1)
	go func() { shutdown <- srv.Shutdown(shutdownCtx) }()
	var second os.Signal
	select {
	case err = <-shutdown:
	case second = <-sigs:
		cfg.Logger.Warn("second signal: ending the sessions now", "signal", second.String())
		srv.Hurry()
		err = <-shutdown
	}
	if err != nil && !errors.Is(err, net.ErrClosed) {
		cfg.Logger.Warn("shutdown", "err", err)
	}
	if err := <-done; err != nil && !errors.Is(err, server.ErrServerClosed) {
		return err
	}
	cfg.Logger.Info("stopped")
	if second != nil {
		return fmt.Errorf("stopped at once by a second signal (%s), without the readers' grace period", second)
	}
	return nil
}
