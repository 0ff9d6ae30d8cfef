package server

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"time"

	proxyproto "github.com/pires/go-proxyproto"
)

// defaultProxyHeaderTimeout is how long a connection from a trusted
// network has to send its PROXY header. A balancer sends it with the
// connection's first bytes; anything slower is not a balancer.
const defaultProxyHeaderTimeout = 3 * time.Second

// proxyPolicy is the PROXY protocol policy for the trusted networks:
// connections from them must start with a PROXY header (v1 or v2), whose
// client address then stands for the connection; connections from
// anywhere else are served as they are, and refused if they send one.
func proxyPolicy(trusted []netip.Prefix) (proxyproto.ConnPolicyFunc, error) {
	ranges := make([]string, len(trusted))
	for i, p := range trusted {
		ranges[i] = p.Masked().String()
	}
	return proxyproto.PolicyFromRanges(ranges, proxyproto.REQUIRE, proxyproto.REJECT)
}

// proxyListener wraps ln so that its connections go through the policy,
// or returns ln as it is when no network is trusted.
func (s *Server) proxyListener(ln net.Listener) net.Listener {
	if s.proxy == nil {
		return ln
	}
	return &proxyproto.Listener{Listener: ln, ConnPolicy: s.proxy, ReadHeaderTimeout: s.cfg.ProxyHeaderTimeout}
}

// readProxyHeader reads a connection's PROXY header, if the policy
// applies to it, and says what is wrong with it: missing, slow or
// malformed from a trusted network, or sent at all from elsewhere.
// It consumes the header and nothing after it.
func (s *Server) readProxyHeader(conn net.Conn) error {
	pc, ok := conn.(*proxyproto.Conn)
	if !ok {
		return nil
	}
	start := time.Now()
	// A read of nothing makes the connection read its header, and
	// returns the error the header had, if any.
	_, err := pc.Read(nil)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, proxyproto.ErrSuperfluousProxyHeader):
		return errors.New("a PROXY header from an address not in --proxy-protocol")
	case errors.Is(err, proxyproto.ErrNoProxyProtocol) && time.Since(start) >= s.cfg.ProxyHeaderTimeout:
		return fmt.Errorf("no PROXY header within %s", s.cfg.ProxyHeaderTimeout)
	case errors.Is(err, proxyproto.ErrNoProxyProtocol):
		return errors.New("no PROXY header, from an address in --proxy-protocol")
	default:
		return fmt.Errorf("bad PROXY header: %w", err)
	}
}

// rawRemote is the address a connection comes from on the wire: the
// balancer's, for a connection that came through one.
func rawRemote(conn net.Conn) net.Addr {
	if pc, ok := conn.(*proxyproto.Conn); ok {
		return pc.Raw().RemoteAddr()
	}
	return conn.RemoteAddr()
}
