package cli

import (
	"fmt"
	"net"
	"os/signal"

	"github.com/spf13/cobra"

	"analyst/internal/render"
	"analyst/internal/server"
)

func newServeCmd(a *app) *cobra.Command {
	var (
		cfg         server.Config
		hostKey     string
		logFormat   string
		proxyNets   []string
		metricsAddr string
		stored      storeFlags
	)
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
		RunE: func(cmd *cobra.Command, _ []string) error {
			hup := catchHangups()
			defer signal.Stop(hup)
			if err := applyEnv(cmd, a); err != nil {
				return err
			}
			logger, err := newLogger(a.stderr, logFormat)
			if err != nil {
				return usagef(cmd, "%v", err)
			}
			if cfg.ProxyProtocol, err = parseNetworks(proxyNets); err != nil {
				return usagef(cmd, "%v", err)
			}
			if err := stored.validate(cmd); err != nil {
				return err
			}
			lib, err := a.library()
			if err != nil {
				return err
			}
			// Listen first: an address in use fails before a host key is made.
			ln, err := net.Listen("tcp", cfg.Addr)
			if err != nil {
				return fmt.Errorf("cannot listen on %s: %w", cfg.Addr, err)
			}
			extras := serveExtras{dir: a.dir, hup: hup}
			if metricsAddr != "" {
				if extras.metrics, err = net.Listen("tcp", metricsAddr); err != nil {
					ln.Close()
					return fmt.Errorf("cannot listen on %s for metrics: %w", metricsAddr, err)
				}
				cfg.Metrics = server.NewMetrics()
			}
			if hostKey == "" {
				hostKey, err = server.DefaultHostKeyPath(a.getenv)
			}
			var pem []byte
			created := false
			if err == nil {
				pem, created, err = server.LoadOrCreateHostKey(hostKey)
			}
			if err != nil {
				extras.close(ln)
				return err
			}
			if created {
				logger.Info("created a host key", "path", hostKey)
			}
			if cfg.Keepers, err = stored.open(cmd.Context(), cmd, logger, a.getenv); err != nil {
				extras.close(ln)
				return err
			}
			defer cfg.Keepers.Close() // after the sessions, which write their last changes
			cfg.HostKeyPEM, cfg.Library, cfg.Logger = pem, lib, logger
			cfg.Cache = render.NewCache(render.DefaultCacheBytes)
			cfg.Exec = execCommand(lib, cfg.Keepers)
			a.longRun(serverGCPercent)
			return serve(cmd.Context(), cfg, ln, extras)
		},
	}
	f := cmd.Flags()
	f.StringVar(&cfg.Addr, "addr", server.DefaultAddr, "listen on HOST:PORT; all interfaces (\":23234\") is your explicit choice [ANALYST_ADDR]")
	f.StringVar(&hostKey, "host-key", "", "the host key FILE, made on first start (default: ~/.local/share/analyst/ssh_host_ed25519_key) [ANALYST_HOST_KEY]")
	f.IntVar(&cfg.MaxSessions, "max-sessions", server.DefaultMaxSessions, "sessions at once; more are told to come back [ANALYST_MAX_SESSIONS]")
	f.DurationVar(&cfg.IdleTimeout, "idle-timeout", server.DefaultIdleTimeout, "end a session after this long without a key press [ANALYST_IDLE_TIMEOUT]")
	f.DurationVar(&cfg.MaxSession, "max-session", server.DefaultMaxSession, "end any session after this long [ANALYST_MAX_SESSION]")
	f.DurationVar(&cfg.NoSessionTimeout, "no-session-timeout", server.DefaultNoSessionTimeout, "close a connection that has no session for this long (ssh -N, a kept master connection) [ANALYST_NO_SESSION_TIMEOUT]")
	f.Float64Var(&cfg.RatePerSecond, "rate", server.DefaultRatePerSecond, "new connections per second from one address; 0 turns the limit off [ANALYST_RATE]")
	f.IntVar(&cfg.RateBurst, "rate-burst", server.DefaultRateBurst, "new connections one address may open at once [ANALYST_RATE_BURST]")
	f.Float64Var(&cfg.InputRate, "input-rate", server.DefaultInputRate, "bytes a second a reader may type once the burst is spent; beyond, input is dropped; 0 turns the limit off [ANALYST_INPUT_RATE]")
	f.IntVar(&cfg.InputBurst, "input-burst", server.DefaultInputBurst, "bytes a reader may type or paste at once [ANALYST_INPUT_BURST]")
	f.IntVar(&cfg.MaxCommand, "max-command", server.DefaultMaxCommand, "bytes in a command (ssh HOST list); a longer one is refused [ANALYST_MAX_COMMAND]")
	f.IntVar(&cfg.MaxChannels, "max-channels", server.DefaultMaxChannels, "sessions open at once on one connection [ANALYST_MAX_CHANNELS]")
	f.DurationVar(&cfg.ShutdownGrace, "shutdown-grace", server.DefaultShutdownGrace, "on SIGINT or SIGTERM, how long readers have before their sessions end [ANALYST_SHUTDOWN_GRACE]")
	f.StringSliceVar(&proxyNets, "proxy-protocol", nil, "take the reader's address from a PROXY header (v1 or v2), required from these networks (CIDR[,CIDR...]: your load balancers') and refused from any other [ANALYST_PROXY_PROTOCOL]")
	f.StringVar(&metricsAddr, "metrics-addr", "", "serve Prometheus metrics at /metrics and health at /healthz on HOST:PORT (off by default; keep it off the internet) [ANALYST_METRICS_ADDR]")
	f.StringVar(&logFormat, "log-format", "text", "log as text, logfmt or json, to stderr [ANALYST_LOG_FORMAT]")
	stored.add(f)
	return cmd
}
