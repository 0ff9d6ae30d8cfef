package server

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"
)

// ServeMetrics serves, on ln, the metrics at /metrics (when the Config has
// Metrics) and the server's health at /healthz, until the server's
// Shutdown has ended its sessions. It returns http.ErrServerClosed then.
// It is for operators and their balancers: listen on an address readers
// cannot reach.
//
// Its failing never touches the SSH listener: the caller logs the error
// and the readers go on.
func (s *Server) ServeMetrics(ln net.Listener) error {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.healthz)
	if s.metrics != nil {
		mux.Handle("GET /metrics", s.metrics.handler())
	}
	hs := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       time.Minute,
		MaxHeaderBytes:    8 << 10,
	}
	if !s.http.add(hs) {
		return http.ErrServerClosed
	}
	s.log.Info("serving metrics and health", "addr", ln.Addr().String(), "metrics", s.metrics != nil)
	err := hs.Serve(ln)
	if errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return fmt.Errorf("metrics: %w", err)
}

// healthz answers 200 while the server takes readers, and 503 from the
// moment a shutdown begins, so that a balancer sends new readers elsewhere
// while this one drains.
func (s *Server) healthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if s.closing.Load() {
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintln(w, "shutting down")
		return
	}
	fmt.Fprintln(w, "ok")
}

// httpServers are the metrics and health servers running, which a
// shutdown closes last, so that /healthz says 503 until the end.
type httpServers struct {
	mu      sync.Mutex
	servers []*http.Server
	closed  bool
}

// add takes hs, unless the servers have been closed.
func (h *httpServers) add(hs *http.Server) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return false
	}
	h.servers = append(h.servers, hs)
	return true
}

// closeAll closes every server; none is taken after it.
func (h *httpServers) closeAll() {
	h.mu.Lock()
	h.closed = true
	servers := h.servers
	h.servers = nil
	h.mu.Unlock()
	for _, hs := range servers {
		_ = hs.Close()
	}
}
