package cli

import (
	"fmt"
	"net"
	"os"
	"os/signal"

	"charm.land/log/v2"
	"github.com/spf13/cobra"

	"analyst/internal/render"
	"analyst/internal/server"
)

func newServeCmd(a *app) *cobra.Command {
	var sf serveFlags
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the reader over SSH",
		Long: `Serve the reader over SSH, to anyone with an SSH client:

  ssh -p 23234 HOST                       the reader
  ssh -p 23234 -t HOST read 2#implications the reader at a section
  ssh -p 23234 HOST read 2 | less          the article as text
  ssh -p 23234 HOST list                   the table of contents
  ssh -p 23234 HOST search QUERY           every match

Any client may read, with any key or none; nothing else is offered (no
shell, no forwarding, no subsystems). Every flag can also be set with the
environment variable named in its help (the global --dir with ANALYST_DIR). SIGINT or SIGTERM stops taking
connections, tells readers, waits up to 10s (--shutdown-grace), then
closes and exits 0. A second SIGINT or SIGTERM during that wait ends the
sessions at once (with their goodbye, if it takes under a second) and
exits 1.

With --dir, SIGHUP reloads the library for the sessions that begin from
then on; a library with any problem is refused, and the one before it
served on. Behind a load balancer, --proxy-protocol takes the readers'
addresses from its PROXY headers; --metrics-addr serves Prometheus metrics
at /metrics and /healthz (503 once a shutdown begins) for it.`,
		Example: "  analyst serve\n  analyst serve --addr :23234 --max-sessions 500\n  ANALYST_ADDR=0.0.0.0:2222 analyst serve\n" +
			"  analyst serve --dir /srv/analyst/articles --proxy-protocol 10.0.0.0/24 --metrics-addr 10.0.0.5:9234",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return a.runServe(cmd, &sf) },
	}
	sf.add(cmd.Flags())
	return cmd
}

// runServe checks serve's settings, then opens what the server needs in
// the order that fails soonest and leaves least behind: the listeners
// before the host key (an address in use makes no key), the readers'
// store after it; then serves until a signal ends it.
func (a *app) runServe(cmd *cobra.Command, sf *serveFlags) error {
	hup := catchHangups()
	defer signal.Stop(hup)
	logger, err := a.checkServe(cmd, sf)
	if err != nil {
		return err
	}
	lib, err := a.library()
	if err != nil {
		return err
	}
	cfg := sf.cfg
	ln, extras, err := listenServe(&cfg, sf.metricsAddr, a.dir, hup)
	if err != nil {
		return err
	}
	pem, err := a.hostKey(sf.hostKey, logger)
	if err != nil {
		extras.close(ln)
		return err
	}
	if cfg.Keepers, err = sf.stored.open(cmd.Context(), cmd, logger, a.getenv); err != nil {
		extras.close(ln)
		return err
	}
	defer cfg.Keepers.Close() // after the sessions, which write their last changes
	cfg.HostKeyPEM, cfg.Library, cfg.Logger = pem, lib, logger
	cfg.Cache = render.NewCache(render.DefaultCacheBytes)
	cfg.Exec = execCommand(lib, cfg.Keepers)
	a.longRun(serverGCPercent)
	return serve(cmd.Context(), cfg, ln, extras)
}

// checkServe reads serve's flags and their environment variables, and
// refuses what makes no sense (a usage error) before anything is opened;
// it returns the logger --log-format asks for.
func (a *app) checkServe(cmd *cobra.Command, sf *serveFlags) (*log.Logger, error) {
	if err := applyEnv(cmd, a); err != nil {
		return nil, err
	}
	logger, err := newLogger(a.stderr, sf.logFormat)
	if err != nil {
		return nil, usagef(cmd, "%v", err)
	}
	if sf.cfg.ProxyProtocol, err = parseNetworks(sf.proxyNets); err != nil {
		return nil, usagef(cmd, "%v", err)
	}
	if err := sf.stored.validate(cmd); err != nil {
		return nil, err
	}
	return logger, nil
}

// listenServe opens the readers' port and, with --metrics-addr, the
// metrics' (then cfg gets its Metrics); the extras run beside the server
// (the metrics, and the reload of the --dir library on SIGHUP).
func listenServe(cfg *server.Config, metricsAddr, dir string, hup chan os.Signal) (net.Listener, serveExtras, error) {
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return nil, serveExtras{}, fmt.Errorf("cannot listen on %s: %w", cfg.Addr, err)
	}
	extras := serveExtras{dir: dir, hup: hup}
	if metricsAddr != "" {
		if extras.metrics, err = net.Listen("tcp", metricsAddr); err != nil {
			ln.Close()
			return nil, serveExtras{}, fmt.Errorf("cannot listen on %s for metrics: %w", metricsAddr, err)
		}
		cfg.Metrics = server.NewMetrics()
	}
	return ln, extras, nil
}

// hostKey is the server's host key, read from path (the default place
// when "") or made there on first start, which the log says.
func (a *app) hostKey(path string, logger *log.Logger) ([]byte, error) {
	if path == "" {
		p, err := server.DefaultHostKeyPath(a.getenv)
		if err != nil {
			return nil, err
		}
		path = p
	}
	pem, created, err := server.LoadOrCreateHostKey(path)
	if err != nil {
		return nil, err
	}
	if created {
		logger.Info("created a host key", "path", path)
	}
	return pem, nil
}
