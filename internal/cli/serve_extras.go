package cli

import (
	"errors"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"charm.land/log/v2"

	"analyst/internal/server"
)

// serveExtras are what runs beside the SSH server: the metrics and health
// listener (nil when off) and the reload on SIGHUP of the --dir library
// (dir "" for the embedded one, which cannot change).
type serveExtras struct {
	metrics net.Listener
	dir     string
	hup     chan os.Signal // SIGHUP, caught from the command's start (catchHangups)
}

// catchHangups catches SIGHUP from the moment serve starts, before it
// listens: a SIGHUP that came after the port opened but before the server
// ran would otherwise end the process, as SIGHUP does by default. The
// caller stops it with signal.Stop.
func catchHangups() chan os.Signal {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	return hup
}

// close closes the listeners, for a serve that ends before serving.
func (x serveExtras) close(ln net.Listener) {
	ln.Close()
	if x.metrics != nil {
		x.metrics.Close()
	}
}

// start runs the extras for srv; the returned stop ends them and waits.
// A SIGHUP caught before start is acted on now.
func (x serveExtras) start(srv *server.Server, logger *log.Logger) (stop func()) {
	var wg sync.WaitGroup
	if x.metrics != nil {
		wg.Go(func() {
			err := srv.ServeMetrics(x.metrics)
			if !errors.Is(err, http.ErrServerClosed) && !errors.Is(err, net.ErrClosed) {
				// The readers are still served; only the metrics are gone.
				logger.Error("metrics and health stopped; still serving readers", "err", err)
			}
		})
	}
	hup := x.hup
	if hup == nil {
		hup = catchHangups()
	}
	done := make(chan struct{})
	wg.Go(func() {
		for {
			select {
			case <-done:
				return
			case <-hup:
				x.reload(srv, logger)
			}
		}
	})
	return func() {
		signal.Stop(hup)
		close(done)
		if x.metrics != nil {
			_ = x.metrics.Close() // if the shutdown has not closed it
		}
		wg.Wait()
	}
}

// reload loads the --dir library again, on SIGHUP.
func (x serveExtras) reload(srv *server.Server, logger *log.Logger) {
	if x.dir == "" {
		logger.Warn("SIGHUP: nothing to reload: the library is the one built in (serve with --dir to reload one)")
		return
	}
	logger.Info("SIGHUP: reloading the library", "dir", x.dir)
	// Reload logs what it does, and every problem of a library it refuses.
	_ = srv.Reload(os.DirFS(x.dir), x.dir)
}
