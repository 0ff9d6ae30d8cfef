package server

import (
	"fmt"
	"net"
	"net/netip"
	"strings"
	"testing"
	"time"

	"charm.land/log/v2"
	proxyproto "github.com/pires/go-proxyproto"
	gossh "golang.org/x/crypto/ssh"
)

// dialFrom connects to addr from the loopback address local (all of
// 127.0.0.0/8 is the machine's own).
func dialFrom(t *testing.T, local, addr string) net.Conn {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(local)}, Timeout: waitLimit}
	c, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// proxyHeader is a PROXY header of the given version for a client at src.
func proxyHeader(t *testing.T, version byte, src string) []byte {
	t.Helper()
	h := proxyproto.HeaderProxyFromAddrs(version, net.TCPAddrFromAddrPort(netip.MustParseAddrPort(src)),
		net.TCPAddrFromAddrPort(netip.MustParseAddrPort("192.0.2.1:22")))
	b, err := h.Format()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sshOver starts an SSH client on conn, after writing prefix to it.
func sshOver(t *testing.T, conn net.Conn, prefix []byte, addr string) (*gossh.Client, error) {
	t.Helper()
	if len(prefix) > 0 {
		if _, err := conn.Write(prefix); err != nil {
			return nil, err
		}
	}
	_ = conn.SetDeadline(time.Now().Add(waitLimit))
	sc, chans, reqs, err := gossh.NewClientConn(conn, addr, clientConfig(t, "proxied"))
	if err != nil {
		return nil, err
	}
	_ = conn.SetDeadline(time.Time{})
	return gossh.NewClient(sc, chans, reqs), nil
}

// clientOver is sshOver for a client that must get in; it is closed at
// the end of the test.
func clientOver(t *testing.T, conn net.Conn, prefix []byte, addr string) *gossh.Client {
	t.Helper()
	c, err := sshOver(t, conn, prefix, addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// listOver runs "list" over SSH on conn, after writing prefix to it, and
// returns the error if the server would not serve it.
func listOver(t *testing.T, conn net.Conn, prefix []byte, addr string) error {
	t.Helper()
	c, err := sshOver(t, conn, prefix, addr)
	if err != nil {
		return err
	}
	defer c.Close()
	s := openSession(t, c, 0, 0).start(t, "list")
	if code := s.exitStatus(t); code != 0 {
		return fmt.Errorf("list: exit %d", code)
	}
	return nil
}

// Connections from a trusted network must start with a PROXY header (v1
// or v2), whose address then stands for the client in the log and the
// rate limiter; a missing, slow or malformed header closes the connection
// with a line in the log. Connections from elsewhere are served as they
// are, and refused if they send a header.
func TestProxyProtocol(t *testing.T) {
	logged := &lockedBuffer{}
	m := NewMetrics()
	ts := startServer(t, func(c *Config) {
		c.ProxyProtocol = []netip.Prefix{netip.MustParsePrefix("127.0.0.2/32")}
		c.ProxyHeaderTimeout = 300 * time.Millisecond
		c.RatePerSecond, c.RateBurst = 0.001, 1 // one connection per address
		c.Logger = log.New(logged)
		c.Metrics = m
	})
	const balancer, stranger = "127.0.0.2", "127.0.0.1"
	wantLog := func(what string, parts ...string) {
		t.Helper()
		for _, line := range strings.Split(logged.String(), "\n") {
			all := true
			for _, p := range parts {
				all = all && strings.Contains(line, p)
			}
			if all {
				return
			}
		}
		t.Errorf("%s: no line in the log with %q:\n%s", what, parts, logged)
	}

	// Through the balancer, v2: served, and logged with the reader's address.
	if err := listOver(t, dialFrom(t, balancer, ts.addr), proxyHeader(t, 2, "203.0.113.7:40000"), ts.addr); err != nil {
		t.Fatalf("v2 header from the balancer: %v\n%s", err, logged)
	}
	wantLog("the session", "session", "remote=203.0.113.7:40000")
	// The same reader again, v1: the rate limiter counts the reader, not
	// the balancer, so a second connection is one too many...
	if err := listOver(t, dialFrom(t, balancer, ts.addr), proxyHeader(t, 1, "203.0.113.7:40001"), ts.addr); err == nil {
		t.Error("a second connection from one reader was served despite the rate limit")
	}
	wantLog("the rate limit", "refused", "remote=203.0.113.7:40001", "rate limit")
	// ... while another reader through the same balancer is served.
	if err := listOver(t, dialFrom(t, balancer, ts.addr), proxyHeader(t, 1, "198.51.100.9:5000"), ts.addr); err != nil {
		t.Errorf("v1 header for another reader: %v", err)
	}
	wantLog("the v1 session", "session", "remote=198.51.100.9:5000")

	// From the balancer's network: no header, a header too slow, a
	// malformed one.
	if err := listOver(t, dialFrom(t, balancer, ts.addr), nil, ts.addr); err == nil {
		t.Error("a connection from the trusted network without a header was served")
	}
	wantLog("no header", "refused", "remote=127.0.0.2:", "no PROXY header")
	slow := dialFrom(t, balancer, ts.addr)
	start := time.Now()
	_ = slow.SetDeadline(time.Now().Add(waitLimit))
	if _, err := slow.Read(make([]byte, 1)); err == nil {
		t.Error("the server wrote to a connection that sent no header")
	} else if took := time.Since(start); took < 300*time.Millisecond || took > 5*time.Second {
		t.Errorf("a connection that sent nothing was closed after %s, want the header's 300ms", took)
	}
	wantLog("a slow header", "refused", "remote=127.0.0.2:", "no PROXY header within 300ms")
	if err := listOver(t, dialFrom(t, balancer, ts.addr), []byte("PROXY TCP4 203.0.113.8 nowhere 1 2\r\n"), ts.addr); err == nil {
		t.Error("a malformed header was taken")
	}
	wantLog("a malformed header", "refused", "remote=127.0.0.2:", "bad PROXY header")

	// From elsewhere: served as is; a header, forging any address, refused.
	if err := listOver(t, dialFrom(t, stranger, ts.addr), proxyHeader(t, 2, "203.0.113.99:1"), ts.addr); err == nil {
		t.Error("a PROXY header from outside the trusted network was taken")
	}
	wantLog("a forged header", "refused", "remote=127.0.0.1:", "not in --proxy-protocol")
	if strings.Contains(logged.String(), "203.0.113.99") {
		t.Errorf("the forged address reached the log:\n%s", logged)
	}
	if err := listOver(t, dialFrom(t, stranger, ts.addr), nil, ts.addr); err != nil {
		t.Errorf("a plain connection from outside the trusted network: %v", err)
	}
	wantLog("a direct session", "session", "remote=127.0.0.1:")

	e := gather(t, m)
	e.want(t, "refusals", "analyst_refused_total", "reason=proxy_header", 4)
	e.want(t, "refusals", "analyst_refused_total", "reason=rate_limit", 1)
}

// Without trusted networks a PROXY header is just bytes before the SSH
// banner: the server does not read it as one, and no client can claim an
// address.
func TestNoProxyProtocolByDefault(t *testing.T) {
	logged := &lockedBuffer{}
	ts := startServer(t, func(c *Config) { c.Logger = log.New(logged) })
	_ = listOver(t, dialFrom(t, "127.0.0.1", ts.addr), proxyHeader(t, 1, "203.0.113.5:1"), ts.addr)
	if strings.Contains(logged.String(), "203.0.113.5") {
		t.Errorf("a PROXY header was believed without --proxy-protocol:\n%s", logged)
	}
}
