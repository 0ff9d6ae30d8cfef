// Package server serves the reader over SSH with Wish: one Bubble Tea
// program per terminal session, the command line's list, read and search
// for sessions without one, and nothing else: no shell, no forwarding, no
// subsystems. Sessions share nothing mutable but the render cache.
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/log/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	proxyproto "github.com/pires/go-proxyproto"
	gossh "golang.org/x/crypto/ssh"

	"analyst/internal/content"
	"analyst/internal/glossary"
	"analyst/internal/keeper"
	"analyst/internal/render"
)

// ExecFunc runs one of the commands (list, read, search, ...) for a
// session, writing plain text as the command line does in a pipe, and
// returns the exit status. width is the client's terminal width when the
// session has one (ssh -t), for output that fits it, and 0 when not;
// stdin is what the client sends (a confirmation typed in its terminal).
// Owner(ctx) says whose things the command may read and change.
type ExecFunc func(ctx context.Context, args []string, width int, stdin io.Reader, stdout, stderr io.Writer) int

// Config is everything the server needs.
type Config struct {
	Addr          string        // listen address, "127.0.0.1:23234" by default
	HostKeyPEM    []byte        // the host key (see LoadOrCreateHostKey)
	MaxSessions   int           // sessions at once; more are told to come back
	IdleTimeout   time.Duration // a reader who presses no key for this long is let go
	MaxSession    time.Duration // no session lasts longer
	RatePerSecond float64       // new connections per second per address (0: no limit)
	RateBurst     int           // new connections an address may open at once
	ShutdownGrace time.Duration // how long readers have after a shutdown notice
	InputRate     float64       // bytes a second a reader may send after InputBurst (0: no limit)
	InputBurst    int           // bytes a reader may send at once
	MaxCommand    int           // bytes in the command of an exec request
	MaxChannels   int           // sessions open at once on one connection
	Library       *content.Library
	Cache         *render.Cache     // shared by every session
	Glossaries    *glossary.Library // shared by every session; nil: one for Library
	Exec          ExecFunc
	Logger        *log.Logger

	// A connection with no session for this long is closed: counted from
	// the client's login, and again from whenever its last session ends.
	NoSessionTimeout time.Duration

	// MaxSessionsPerAddress is how many sessions one address (an IPv6
	// address with its /64; behind a balancer, the PROXY header's) may
	// have at once, and half how many connections; more are told to
	// close one (0: no cap).
	MaxSessionsPerAddress int

	// ProxyProtocol are the networks trusted to send a PROXY header (the
	// balancers'): see proxyPolicy. None: no connection may send one.
	ProxyProtocol []netip.Prefix
	// ProxyHeaderTimeout is how long a trusted connection has to send its
	// header (0: defaultProxyHeaderTimeout).
	ProxyHeaderTimeout time.Duration
	// Metrics, when set, counts what the server does (see ServeMetrics).
	Metrics *Metrics
	// Keepers, when set, keep what each reader who logs in with a public
	// key makes (places, the article read last, read marks, highlights,
	// notes), under the key's SHA-256 fingerprint, and the highlights and
	// forget commands read and delete them. Readers without a key, and
	// every reader when it is nil, keep things for their session only.
	// The server tells the keyed readers when its database goes away and
	// comes back; whoever opened it closes it, after Shutdown.
	Keepers *keeper.Shared
}

// Defaults for a Config's zero fields.
const (
	DefaultAddr          = "127.0.0.1:23234"
	DefaultMaxSessions   = 200
	DefaultIdleTimeout   = 15 * time.Minute
	DefaultMaxSession    = 4 * time.Hour
	DefaultRatePerSecond = 2
	DefaultRateBurst     = 10
	DefaultShutdownGrace = 10 * time.Second
	maxRateAddrs         = 10000
)

// DefaultNoSessionTimeout leaves a client ample time to open a session
// after its login, and an OpenSSH master connection (ControlPersist) time
// to carry the next command, without letting connections that serve no one
// hold places under the connection cap.
const DefaultNoSessionTimeout = 30 * time.Second

// DefaultMaxSessionsPerAddress lets a household or an office behind one
// NAT read side by side, and a reader run commands beside the reader,
// while one address can hold no more than a twentieth of
// DefaultMaxSessions: filling the server takes twenty addresses (or
// /64s), not one client opening two connections a second.
const DefaultMaxSessionsPerAddress = 10

// ErrServerClosed is what Serve returns after Shutdown.
var ErrServerClosed = ssh.ErrServerClosed

// Server is a running SSH reader.
type Server struct {
	cfg      Config
	ssh      *ssh.Server
	limiter  *rateLimiter
	perAddr  *addrSessions // sessions being served, by address
	explain  *explainer
	sessions registry
	active   atomic.Int64 // sessions being served
	conns    connSet      // open connections
	closing  atomic.Bool  // Shutdown has begun
	log      *log.Logger
	refusals *refusalLog

	lib       atomic.Pointer[servedLibrary] // what new sessions read
	reloading sync.Mutex                    // one Reload at a time
	metrics   *Metrics                      // nil: metrics off
	http      httpServers                   // metrics and health
	proxy     proxyproto.ConnPolicyFunc     // PROXY protocol policy, nil without trusted networks

	// hurried ends when Hurry is called: the shutdown's grace ends then,
	// and what is left of it has hurriedWait.
	hurried     context.Context
	hurry       context.CancelFunc
	hurriedWait time.Duration

	// beforeSession, when set by a test, runs at the start of every session.
	beforeSession func(ssh.Session)
	// execTimeout bounds a command (a test shortens it).
	execTimeout time.Duration
}

// New builds a server; Serve or ListenAndServe starts it.
func New(cfg Config) (*Server, error) {
	if cfg.Library == nil || len(cfg.Library.Articles()) == 0 {
		return nil, errors.New("server: no articles to serve")
	}
	if len(cfg.HostKeyPEM) == 0 {
		return nil, errors.New("server: no host key")
	}
	if cfg.Exec == nil {
		return nil, errors.New("server: no command runner")
	}
	setDefaults(&cfg)
	s := &Server{
		cfg:     cfg,
		limiter: newRateLimiter(cfg.RatePerSecond, cfg.RateBurst, maxRateAddrs),
		perAddr: newAddrSessions(cfg.MaxSessionsPerAddress),
		explain: newExplainer(),
		log:     cfg.Logger,
		metrics: cfg.Metrics,

		refusals:    newRefusalLog(cfg.Logger, refusalWindow),
		execTimeout: defaultExecTimeout,
		hurriedWait: defaultHurriedWait,
	}
	s.lib.Store(&servedLibrary{lib: cfg.Library, glossaries: cfg.Glossaries})
	s.metrics.watchCache(cfg.Cache)
	if cfg.Keepers != nil {
		cfg.Keepers.Observe(&storeObserver{s: s})
		s.metrics.watchStore(cfg.Keepers.Down())
	}
	if len(cfg.ProxyProtocol) > 0 {
		policy, err := proxyPolicy(cfg.ProxyProtocol)
		if err != nil {
			return nil, fmt.Errorf("server: %w", err)
		}
		s.proxy = policy
	}
	s.hurried, s.hurry = context.WithCancel(context.Background())
	s.sessions.init()
	srv, err := wish.NewServer(
		wish.WithAddress(cfg.Addr),
		wish.WithHostKeyPEM(cfg.HostKeyPEM),
		wish.WithVersion("analyst"),
		// Anyone may read: any public key, or keyboard-interactive with
		// no questions. No passwords are asked for.
		wish.WithPublicKeyAuth(func(ctx ssh.Context, _ ssh.PublicKey) bool {
			if turnedAway(ctx) {
				return false
			}
			s.loggedIn(ctx)
			return true
		}),
		wish.WithKeyboardInteractiveAuth(func(ctx ssh.Context, ch gossh.KeyboardInteractiveChallenge) bool {
			if turnedAway(ctx) {
				return false
			}
			_, err := ch("", "", nil, nil)
			if err == nil {
				s.loggedIn(ctx)
			}
			return err == nil
		}),
		// The ssh package's own timeouts are a backstop a minute behind
		// the reader's, which end a session cleanly with a message.
		wish.WithIdleTimeout(cfg.IdleTimeout+time.Minute),
		wish.WithMaxTimeout(cfg.MaxSession+time.Minute),
		wish.WithMiddleware(s.handle),
		func(srv *ssh.Server) error {
			srv.HandshakeTimeout = 20 * time.Second
			srv.ServerConfigCallback = strongAlgorithms
			srv.ConnCallback = s.admit
			srv.BannerHandler = banner
			srv.ChannelHandlers = map[string]ssh.ChannelHandler{"session": s.openSession}
			return nil
		},
	)
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	s.ssh = srv
	return s, nil
}

func setDefaults(cfg *Config) {
	if cfg.Addr == "" {
		cfg.Addr = DefaultAddr
	}
	if cfg.MaxSessions <= 0 {
		cfg.MaxSessions = DefaultMaxSessions
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = DefaultIdleTimeout
	}
	if cfg.MaxSession <= 0 {
		cfg.MaxSession = DefaultMaxSession
	}
	if cfg.NoSessionTimeout <= 0 {
		cfg.NoSessionTimeout = DefaultNoSessionTimeout
	}
	if cfg.RateBurst <= 0 {
		cfg.RateBurst = DefaultRateBurst
	}
	if cfg.MaxChannels <= 0 {
		cfg.MaxChannels = DefaultMaxChannels
	}
	if cfg.MaxCommand <= 0 {
		cfg.MaxCommand = DefaultMaxCommand
	}
	if cfg.InputBurst <= 0 {
		cfg.InputBurst = DefaultInputBurst
	}
	if cfg.ShutdownGrace <= 0 {
		cfg.ShutdownGrace = DefaultShutdownGrace
	}
	if cfg.Cache == nil {
		cfg.Cache = render.NewCache(render.DefaultCacheBytes)
	}
	if cfg.Glossaries == nil {
		cfg.Glossaries = glossary.NewLibrary(cfg.Library)
	}
	if cfg.ProxyHeaderTimeout <= 0 {
		cfg.ProxyHeaderTimeout = defaultProxyHeaderTimeout
	}
	if cfg.Logger == nil {
		cfg.Logger = log.New(io.Discard)
	}
}

// ListenAndServe listens on the configured address and serves until
// Shutdown. It returns ssh.ErrServerClosed after a shutdown.
func (s *Server) ListenAndServe() error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return err
	}
	return s.Serve(ln)
}

// Serve serves connections from ln until Shutdown.
func (s *Server) Serve(ln net.Listener) error {
	s.log.Info("serving", "addr", ln.Addr().String(), "max_sessions", s.cfg.MaxSessions,
		"idle_timeout", s.cfg.IdleTimeout, "max_session", s.cfg.MaxSession,
		"no_session_timeout", s.cfg.NoSessionTimeout, "proxy_protocol", fmt.Sprint(s.cfg.ProxyProtocol))
	return s.ssh.Serve(s.proxyListener(ln))
}

// admit decides whether a new TCP connection may start a handshake: not
// while shutting down, not over the address's rate, not from an address
// that has all the sessions or connections it may have (addrSessions),
// and not beyond the connection cap (twice the session cap, for sessions
// still starting). An admitted connection is closed if, once its client
// has logged in, it goes NoSessionTimeout without a session; the login
// and the sessions find it in ctx (see loggedIn and handle).
func (s *Server) admit(ctx ssh.Context, conn net.Conn) net.Conn {
	// Behind a balancer, the address is the one its PROXY header gives.
	if err := s.readProxyHeader(conn); err != nil {
		s.log.Warn("refused", "remote", rawRemote(conn).String(), "reason", clientString(err.Error()))
		s.metrics.refuse(refusedProxyHeader)
		return nil
	}
	addr := conn.RemoteAddr()
	switch {
	case s.closing.Load():
		s.log.Info("refused", "remote", addr.String(), "reason", "shutting down")
		s.metrics.refuse(refusedShutdown)
		return nil
	case !s.limiter.allow(addr):
		return s.refuse(ctx, conn, "rate limit", refusedRateLimit, msgRateLimited)
	case s.perAddr.full(addr):
		return s.refuse(ctx, conn, "sessions from one address", refusedAddressSessions, msgAddressFull)
	case !s.perAddr.connect(addr):
		return s.refuse(ctx, conn, "connections from one address", refusedAddressSessions, msgAddressFull)
	}
	timeout := s.cfg.NoSessionTimeout
	tc := newTrackedConn(conn, &s.conns, timeout, func() {
		s.log.Info("closed", "remote", addr.String(), "reason", fmt.Sprintf("no session for %s", timeout))
		s.metrics.refuse(refusedNoSession)
	})
	tc.onClose = func() { s.perAddr.disconnect(addr) } // before anyone else can close it
	switch reason := s.conns.add(tc, s.connCap()); reason {
	case "":
	case "shutting down":
		s.perAddr.disconnect(addr)
		s.log.Info("refused", "remote", addr.String(), "reason", reason)
		s.metrics.refuse(refusedShutdown)
		return nil
	default:
		s.perAddr.disconnect(addr)
		return s.refuse(ctx, conn, reason, refusedBusy, msgFull)
	}
	ctx.SetValue(connKey{}, tc)
	return tc
}

// connCap is how many connections may be open at once: twice the session
// cap, for sessions still starting.
func (s *Server) connCap() int { return 2*s.cfg.MaxSessions + 16 }

// loggedIn starts the clock of a connection with no session yet: see admit.
func (s *Server) loggedIn(ctx ssh.Context) {
	if tc, ok := ctx.Value(connKey{}).(*trackedConn); ok {
		tc.loggedIn()
	}
}

// Shutdown stops taking connections, tells every reader that the server is
// going down, gives them the grace period to leave, then ends the sessions
// that remain (restoring their terminals) and closes every connection.
// ctx bounds the whole wait; Hurry cuts it short.
func (s *Server) Shutdown(ctx context.Context) error {
	s.closing.Store(true)
	s.metrics.shutdownBegan()
	defer s.http.closeAll() // last: /healthz says 503 until the end
	s.log.Info("shutting down", "sessions", s.active.Load(), "grace", s.cfg.ShutdownGrace)
	listenersClosed := make(chan struct{})
	go func() {
		// Shutdown closes the listeners at once, then waits for the
		// connections, which the steps below end.
		_ = s.ssh.Shutdown(ctx)
		close(listenersClosed)
	}()
	// After a Hurry, the steps after the grace have hurriedWait in all.
	endCtx, endNow := context.WithCancel(ctx)
	defer endNow()
	defer s.afterHurry(s.hurriedWait, endNow)()

	grace := s.cfg.ShutdownGrace.Truncate(time.Second)
	if grace == 0 {
		grace = s.cfg.ShutdownGrace // under a second: say exactly, not "0s"
	}
	s.sessions.notify(fmt.Sprintf("The server is going down: this session ends in %s. Press q to leave now.", grace))
	graceCtx, cancel := context.WithTimeout(ctx, s.cfg.ShutdownGrace)
	stopGrace := context.AfterFunc(s.hurried, cancel)
	s.sessions.waitEmpty(graceCtx)
	stopGrace()
	cancel()
	s.sessions.endAll("The server is going down. Goodbye.")
	goodbyeCtx, cancel := context.WithTimeout(endCtx, 2*time.Second)
	s.sessions.waitEmpty(goodbyeCtx)
	cancel()
	// A client whose last session has ended closes its connection itself.
	// Give it a moment: closing first can reset a connection whose exit
	// status is still on its way, and the client would see an error.
	closeWait := time.NewTimer(clientsCloseWait)
	select {
	case <-listenersClosed:
	case <-closeWait.C:
	case <-endCtx.Done():
	}
	closeWait.Stop()
	err := s.ssh.Close()
	s.conns.closeAll() // and those still in their handshake
	s.refusals.flush()
	select {
	case <-listenersClosed:
	case <-ctx.Done():
	}
	if err == nil && ctx.Err() != nil {
		err = fmt.Errorf("shutdown cut short: %w", ctx.Err()) // the readers had less than their grace
	}
	return err
}

// Hurry makes a shutdown, under way or to come, skip what is left of its
// grace period: the sessions are ended at once with their goodbye, which
// with the clients' closing gets a moment (hurriedWait, a second) before
// every connection is closed. It is for an operator who will not wait,
// as on a second Ctrl-C.
func (s *Server) Hurry() {
	s.hurry()
}

// afterHurry calls end wait after the server is hurried, if it is. The
// returned stop cancels that, the timer included if it has started, so
// that nothing of it outlives the shutdown.
func (s *Server) afterHurry(wait time.Duration, end func()) (stop func()) {
	var (
		mu      sync.Mutex
		stopped bool
		timer   *time.Timer
	)
	stopWatch := context.AfterFunc(s.hurried, func() {
		mu.Lock()
		defer mu.Unlock()
		if !stopped {
			timer = time.AfterFunc(wait, end)
		}
	})
	return func() {
		stopWatch()
		mu.Lock()
		defer mu.Unlock()
		stopped = true
		if timer != nil {
			timer.Stop()
		}
	}
}

// defaultHurriedWait is how long a hurried shutdown lets the sessions say
// goodbye and the clients close their connections.
const defaultHurriedWait = time.Second

// clientsCloseWait is how long Shutdown lets clients close their own
// connections after their sessions end.
const clientsCloseWait = time.Second

// Active returns how many sessions are being served.
func (s *Server) Active() int { return int(s.active.Load()) }
