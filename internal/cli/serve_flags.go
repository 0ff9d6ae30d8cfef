package cli

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/spf13/pflag"

	"analyst/internal/server"
)

// serveFlags are serve's flags: most set the server's Config; the others
// say where its host key, log, load balancers, metrics and store are.
type serveFlags struct {
	cfg         server.Config
	hostKey     string
	logFormat   string
	proxyNets   []string
	metricsAddr string
	stored      storeFlags
}

// add registers the flags, each with the environment variable that can
// set it (serveEnv).
func (sf *serveFlags) add(f *pflag.FlagSet) {
	f.StringVar(&sf.cfg.Addr, "addr", server.DefaultAddr, "listen on HOST:PORT; all interfaces (\":23234\") is your explicit choice [ANALYST_ADDR]")
	f.StringVar(&sf.hostKey, "host-key", "", "the host key FILE, made on first start (default: ~/.local/share/analyst/ssh_host_ed25519_key) [ANALYST_HOST_KEY]")
	f.IntVar(&sf.cfg.MaxSessions, "max-sessions", server.DefaultMaxSessions, "sessions at once; more are told to come back [ANALYST_MAX_SESSIONS]")
	f.DurationVar(&sf.cfg.IdleTimeout, "idle-timeout", server.DefaultIdleTimeout, "end a session after this long without a key press [ANALYST_IDLE_TIMEOUT]")
	f.DurationVar(&sf.cfg.MaxSession, "max-session", server.DefaultMaxSession, "end any session after this long [ANALYST_MAX_SESSION]")
	f.DurationVar(&sf.cfg.NoSessionTimeout, "no-session-timeout", server.DefaultNoSessionTimeout, "close a connection that has no session for this long (ssh -N, a kept master connection) [ANALYST_NO_SESSION_TIMEOUT]")
	f.Float64Var(&sf.cfg.RatePerSecond, "rate", server.DefaultRatePerSecond, "new connections per second from one address; 0 turns the limit off [ANALYST_RATE]")
	f.IntVar(&sf.cfg.RateBurst, "rate-burst", server.DefaultRateBurst, "new connections one address may open at once [ANALYST_RATE_BURST]")
	f.Float64Var(&sf.cfg.InputRate, "input-rate", server.DefaultInputRate, "bytes a second a reader may type once the burst is spent; beyond, input is dropped; 0 turns the limit off [ANALYST_INPUT_RATE]")
	f.IntVar(&sf.cfg.InputBurst, "input-burst", server.DefaultInputBurst, "bytes a reader may type or paste at once [ANALYST_INPUT_BURST]")
	f.IntVar(&sf.cfg.MaxCommand, "max-command", server.DefaultMaxCommand, "bytes in a command (ssh HOST list); a longer one is refused [ANALYST_MAX_COMMAND]")
	f.IntVar(&sf.cfg.MaxSessionsPerAddress, "max-sessions-per-address", server.DefaultMaxSessionsPerAddress, "sessions at once from one address (an IPv6 address with its /64); more are told to close one; 0 turns the cap off [ANALYST_MAX_SESSIONS_PER_ADDRESS]")
	f.IntVar(&sf.cfg.MaxChannels, "max-channels", server.DefaultMaxChannels, "sessions open at once on one connection [ANALYST_MAX_CHANNELS]")
	f.DurationVar(&sf.cfg.ShutdownGrace, "shutdown-grace", server.DefaultShutdownGrace, "on SIGINT or SIGTERM, how long readers have before their sessions end [ANALYST_SHUTDOWN_GRACE]")
	f.StringSliceVar(&sf.proxyNets, "proxy-protocol", nil, "take the reader's address from a PROXY header (v1 or v2), required from these networks (CIDR[,CIDR...]: your load balancers') and refused from any other [ANALYST_PROXY_PROTOCOL]")
	f.StringVar(&sf.metricsAddr, "metrics-addr", "", "serve Prometheus metrics at /metrics and health at /healthz on HOST:PORT (off by default; keep it off the internet) [ANALYST_METRICS_ADDR]")
	f.StringVar(&sf.logFormat, "log-format", "text", "log as text, logfmt or json, to stderr [ANALYST_LOG_FORMAT]")
	sf.stored.add(f)
}

// parseNetworks reads --proxy-protocol: networks such as 10.0.0.0/8, or
// single addresses. The error names the first value that is neither.
func parseNetworks(values []string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, v := range values {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if p, err := netip.ParsePrefix(v); err == nil {
			out = append(out, p.Masked())
			continue
		}
		if a, err := netip.ParseAddr(v); err == nil && a.Zone() == "" {
			out = append(out, netip.PrefixFrom(a, a.BitLen()))
			continue
		}
		return nil, fmt.Errorf("--proxy-protocol: %q is not a network such as 10.0.0.0/8 or fd00::/8, nor an address", v)
	}
	return out, nil
}
