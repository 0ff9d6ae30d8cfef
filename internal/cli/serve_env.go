package cli

import (
	"net"
	"strconv"

	"github.com/spf13/cobra"
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
	{"input-rate", "ANALYST_INPUT_RATE"},
	{"input-burst", "ANALYST_INPUT_BURST"},
	{"max-command", "ANALYST_MAX_COMMAND"},
	{"max-channels", "ANALYST_MAX_CHANNELS"},
	{"max-sessions-per-address", "ANALYST_MAX_SESSIONS_PER_ADDRESS"},
	{"shutdown-grace", "ANALYST_SHUTDOWN_GRACE"},
	{"log-format", "ANALYST_LOG_FORMAT"},
	{"proxy-protocol", "ANALYST_PROXY_PROTOCOL"},
	{"metrics-addr", "ANALYST_METRICS_ADDR"},
	{"dir", "ANALYST_DIR"},
}

// applyEnv sets, from the environment, every serve flag not given on the
// command line. A bad value is a usage error naming the variable.
func applyEnv(cmd *cobra.Command, a *app) error {
	for _, fe := range append(serveEnv, storeEnv...) {
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
	if addr, _ := f.GetString("metrics-addr"); addr != "" && !validAddr(addr) {
		return usagef(cmd, "--metrics-addr %q must be HOST:PORT, such as localhost:9234", addr)
	}
	for _, name := range []string{"max-sessions", "input-burst", "max-command", "max-channels"} {
		if n, _ := f.GetInt(name); n < 1 {
			return usagef(cmd, "--%s must be at least 1 (got %d)", name, n)
		}
	}
	if n, _ := f.GetInt("max-sessions-per-address"); n < 0 {
		return usagef(cmd, "--max-sessions-per-address must not be negative (got %d); 0 turns the cap off", n)
	}
	for _, name := range []string{"idle-timeout", "max-session", "no-session-timeout", "shutdown-grace"} {
		if d, _ := f.GetDuration(name); d <= 0 {
			return usagef(cmd, "--%s must be positive (got %s)", name, d)
		}
	}
	for _, name := range []string{"rate", "input-rate"} {
		if r, _ := f.GetFloat64(name); r < 0 {
			return usagef(cmd, "--%s must not be negative (got %g)", name, r)
		}
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
