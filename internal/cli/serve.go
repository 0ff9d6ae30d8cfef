package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"charm.land/log/v2"
	"github.com/spf13/cobra"

	"analyst/internal/content"
	"analyst/internal/render"
	"analyst/internal/server"
)

// serveEnv maps the serve command's flags to the environment variables
// that can set them (a flag on the command line wins).
var serveEnv = [][2]string{
	{"addr", "ANALYST_ADDR"},
	{"host-key", "ANALYST_HOST_KEY"},
	{"max-sessions", "ANALYST_MAX_SESSIONS"},
	{"idle-timeout", "ANALYST_IDLE_TIMEOUT"},
	{"max-session", "ANALYST_MAX_SESSION"},
	{"no-session-timeout", "ANALYST_NO_SESSION_TIMEOUT"},
	{"rate", "ANALYST_RATE"},
	{"rate-burst", "ANALYST_RATE_BURST"},
	{"shutdown-grace", "ANALYST_SHUTDOWN_GRACE"},
	{"log-format", "ANALYST_LOG_FORMAT"},
	{"dir", "ANALYST_DIR"},
}

func newServeCmd(a *app) *cobra.Command {
	var (
		cfg       server.Config
		hostKey   string
		logFormat string
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
exits 1.`,
		Example: "  analyst serve\n  analyst serve --addr :23234 --max-sessions 500\n  ANALYST_ADDR=0.0.0.0:2222 analyst serve",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := applyEnv(cmd, a); err != nil {
				return err
			}
			logger, err := newLogger(a.stderr, logFormat)
			if err != nil {
				return usagef(cmd, "%v", err)
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
			if hostKey == "" {
				hostKey, err = server.DefaultHostKeyPath()
			}
			var pem []byte
			created := false
			if err == nil {
				pem, created, err = server.LoadOrCreateHostKey(hostKey)
			}
			if err != nil {
				ln.Close()
				return err
			}
			if created {
				logger.Info("created a host key", "path", hostKey)
			}
			cfg.HostKeyPEM, cfg.Library, cfg.Logger = pem, lib, logger
			cfg.Cache = render.NewCache(render.DefaultCacheBytes)
			cfg.Exec = execCommand(lib)
			return serve(cmd.Context(), cfg, ln)
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
	f.DurationVar(&cfg.ShutdownGrace, "shutdown-grace", server.DefaultShutdownGrace, "on SIGINT or SIGTERM, how long readers have before their sessions end [ANALYST_SHUTDOWN_GRACE]")
	f.StringVar(&logFormat, "log-format", "text", "log as text, logfmt or json, to stderr [ANALYST_LOG_FORMAT]")
	return cmd
}

// applyEnv sets, from the environment, every serve flag not given on the
// command line. A bad value is a usage error naming the variable.
func applyEnv(cmd *cobra.Command, a *app) error {
	for _, fe := range serveEnv {
		name, env := fe[0], fe[1]
		val := a.getenv(env)
		f := cmd.Flags().Lookup(name)
		if f == nil {
			f = cmd.InheritedFlags().Lookup(name)
		}
		if val == "" || f == nil || f.Changed {
			continue
		}
		if err := f.Value.Set(val); err != nil {
			return usagef(cmd, "%s=%q: %v", env, val, err)
		}
		f.Changed = true
	}
	return validateServe(cmd)
}

// validateServe rejects values that make no sense, before anything starts.
func validateServe(cmd *cobra.Command) error {
	f := cmd.Flags()
	if addr, _ := f.GetString("addr"); !validAddr(addr) {
		return usagef(cmd, "--addr %q must be HOST:PORT, such as localhost:23234 or :23234", addr)
	}
	if n, _ := f.GetInt("max-sessions"); n < 1 {
		return usagef(cmd, "--max-sessions must be at least 1 (got %d)", n)
	}
	for _, name := range []string{"idle-timeout", "max-session", "no-session-timeout", "shutdown-grace"} {
		if d, _ := f.GetDuration(name); d <= 0 {
			return usagef(cmd, "--%s must be positive (got %s)", name, d)
		}
	}
	if r, _ := f.GetFloat64("rate"); r < 0 {
		return usagef(cmd, "--rate must not be negative (got %g)", r)
	}
	return nil
}

// validAddr says whether addr is HOST:PORT with a port number.
func validAddr(addr string) bool {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	n, err := strconv.Atoi(port)
	return err == nil && n >= 0 && n <= 65535
}

// newLogger makes the server's structured logger.
func newLogger(w io.Writer, format string) (*log.Logger, error) {
	opts := log.Options{ReportTimestamp: true, TimeFormat: time.RFC3339}
	switch format {
	case "text":
		opts.Formatter = log.TextFormatter
	case "logfmt":
		opts.Formatter = log.LogfmtFormatter
	case "json":
		opts.Formatter = log.JSONFormatter
	default:
		return nil, fmt.Errorf("unknown log format %q (text, logfmt or json)", format)
	}
	return log.NewWithOptions(w, opts), nil
}

// serve runs the server on ln until ctx ends (SIGINT or SIGTERM), then shuts it
// down gracefully; a second signal during the shutdown hurries it, and
// makes serve return an error (exit status 1).
func serve(ctx context.Context, cfg server.Config, ln net.Listener) error {
	longRun(serverGCPercent)
	srv, err := server.New(cfg)
	if err != nil {
		ln.Close()
		return err
	}
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

// execCommand runs list, read or search for an SSH session, as the local
// command line does but with no access to the server's files (no --dir,
// no import) and no terminal (so the text is plain).
func execCommand(lib *content.Library) server.ExecFunc {
	return func(ctx context.Context, args []string, width int, stdout, stderr io.Writer) int {
		a := newApp(strings.NewReader(""), stdout, stderr, nil, nil)
		a.lib, a.prog, a.fitWidth = lib, "ssh HOST", width
		root := &cobra.Command{Use: "analyst", SilenceErrors: true, SilenceUsage: true}
		root.CompletionOptions.DisableDefaultCmd = true
		root.SetFlagErrorFunc(flagError)
		root.AddCommand(newListCmd(a), newReadCmd(a), newSearchCmd(a))
		root.SetArgs(args)
		root.SetOut(stdout)
		root.SetErr(stderr)
		err := root.ExecuteContext(ctx)
		if err != nil {
			printErrorFor(stderr, err, a.prog)
		}
		return exitCode(err)
	}
}
