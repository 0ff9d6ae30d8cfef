package server

import (
	"net"
	"net/netip"
	"strings"
	"testing"
	"time"
)

// An address is limited by what its holder can choose from: an IPv4
// address alone, an IPv6 address with its /64.
func TestAddrKey(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"192.0.2.1:1000", "192.0.2.1:2000"},                                  // the port is the client's to choose
		{"[2001:db8:1:2::1]:1000", "[2001:db8:1:2:ffff:ffff:ffff:ffff]:1000"}, // one /64
		{"[::ffff:192.0.2.1]:1000", "192.0.2.1:1000"},                         // IPv4-mapped is IPv4
		{"[fe80::1%eth0]:1000", "[fe80::2%eth1]:1000"},                        // zones aside
	} {
		if ka, kb := addrKey(tcpAddr(t, tc.a)), addrKey(tcpAddr(t, tc.b)); ka != kb {
			t.Errorf("%s and %s: keys %q and %q, want one", tc.a, tc.b, ka, kb)
		}
	}
	for _, tc := range []struct{ a, b string }{
		{"192.0.2.1:1000", "192.0.2.2:1000"},
		{"[2001:db8:1:2::1]:1000", "[2001:db8:1:3::1]:1000"},
	} {
		if ka, kb := addrKey(tcpAddr(t, tc.a)), addrKey(tcpAddr(t, tc.b)); ka == kb {
			t.Errorf("%s and %s share the key %q", tc.a, tc.b, ka)
		}
	}
}

// Anyone with IPv6 has a /64 to pick addresses from: the rate limit counts
// the /64, not the address.
func TestRateLimiterKeysIPv6By64(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	l := newRateLimiter(1, 2, 100)
	l.now = clock.now
	for _, a := range []string{"[2001:db8:1:2::1]:1", "[2001:db8:1:2::2]:1"} {
		if !l.allow(tcpAddr(t, a)) {
			t.Fatalf("%s, within the burst, refused", a)
		}
	}
	if l.allow(tcpAddr(t, "[2001:db8:1:2:abcd::7]:1")) {
		t.Error("a third address of the same /64 got round the rate limit")
	}
	if !l.allow(tcpAddr(t, "[2001:db8:1:3::1]:1")) {
		t.Error("the next /64 shares the first's bucket")
	}
}

// Beyond MaxSessionsPerAddress sessions at once from one address, its next
// session is told why and ends with status 1, and a new connection from it
// is told before its handshake, as the other refusals are; other addresses
// are served, and when one of its sessions ends there is room again.
func TestSessionsPerAddress(t *testing.T) {
	m := NewMetrics()
	ts := startServer(t, func(c *Config) { c.MaxSessionsPerAddress = 2; c.Metrics = m })
	base := serveMetrics(t, ts.Server)
	c := ts.dial(t, "alice")
	first := reader(t, c, 40, 120)
	second := reader(t, ts.dial(t, "alice-again"), 40, 120)
	first.out.waitFor(t, 0, "Tolipov")
	second.out.waitFor(t, 0, "Tolipov")

	third := openSession(t, c, 0, 0).start(t, "list")
	if code := third.exitStatus(t); code != 1 {
		t.Errorf("a third session from the address: exit %d, want 1", code)
	}
	if got, want := strings.TrimRight(third.errOut.String(), "\r\n"), "analyst: "+msgAddressFull; got != want {
		t.Errorf("a third session from the address: stderr %q, want %q", got, want)
	}
	if calls := ts.exec.Calls(); len(calls) != 0 {
		t.Errorf("Exec ran past the address's cap: %q", calls)
	}
	banner, err := dialForBanner(t, ts.addr)
	if err == nil {
		t.Error("a new connection from an address at its cap got in")
	}
	if want := "analyst: " + msgAddressFull + "\r\n"; banner != want {
		t.Errorf("a new connection from an address at its cap: banner %q, want %q", banner, want)
	}
	if err := listOver(t, dialFrom(t, "127.0.0.2", ts.addr), nil, ts.addr); err != nil {
		t.Errorf("another address: %v", err)
	}
	scrape(t, base).want(t, "at the cap", "analyst_refused_total", "reason="+string(refusedAddressSessions), 2)

	first.press(t, "q")
	if code := first.exitStatus(t); code != 0 {
		t.Errorf("first reader: exit %d", code)
	}
	waitActive(t, ts.Server, 1)
	if code := openSession(t, c, 0, 0).start(t, "list").exitStatus(t); code != 0 {
		t.Errorf("once a session ended: exit %d, want 0", code)
	}
}

// Behind a balancer, the cap counts the address the PROXY header gives.
func TestSessionsPerAddressBehindProxy(t *testing.T) {
	const balancer = "127.0.0.2"
	ts := startServer(t, func(c *Config) {
		c.ProxyProtocol = []netip.Prefix{netip.MustParsePrefix(balancer + "/32")}
		c.MaxSessionsPerAddress = 1
	})
	r := reader(t, clientOver(t, dialFrom(t, balancer, ts.addr), proxyHeader(t, 2, "203.0.113.7:40000"), ts.addr), 40, 120)
	r.out.waitFor(t, 0, "Tolipov")
	if err := listOver(t, dialFrom(t, balancer, ts.addr), proxyHeader(t, 2, "203.0.113.7:40001"), ts.addr); err == nil {
		t.Error("a second session from the reader's address was served past its cap")
	}
	if err := listOver(t, dialFrom(t, balancer, ts.addr), proxyHeader(t, 2, "198.51.100.9:5000"), ts.addr); err != nil {
		t.Errorf("another reader through the same balancer: %v", err)
	}
}

// An address may hold twice MaxSessionsPerAddress connections open at
// once, however long they wait for a handshake or a session: beyond,
// the next is told why before its handshake; other addresses still get
// in, and when one of its connections closes there is room again.
// Before, an address at the rate limit could hold a hundred connections
// that never opened a session, and four such addresses filled the
// server's connection cap for everyone.
func TestConnectionsPerAddress(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.MaxSessionsPerAddress = 1 })
	// greeted says whether the server began a handshake (sent its
	// version) on conn, or closed it.
	greeted := func(conn net.Conn) bool {
		_ = conn.SetReadDeadline(time.Now().Add(waitLimit))
		b := make([]byte, 64)
		n, err := conn.Read(b)
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			t.Fatal("the server neither greeted nor closed a connection")
		}
		return err == nil && strings.HasPrefix(string(b[:n]), "SSH-2.0-")
	}
	var first net.Conn
	for i := range 2 {
		conn := dialFrom(t, "127.0.0.1", ts.addr)
		if !greeted(conn) {
			t.Fatalf("connection %d of 2 from the address refused", i+1)
		}
		if i == 0 {
			first = conn
		}
	}
	ts.noBanners()
	if got, err := ts.firstWords(t); err != nil || got != "analyst: "+msgAddressFull+"\r\n" {
		t.Fatalf("a third connection from the address got %q (%v); want the line that says why, then the end", got, err)
	}
	if !greeted(dialFrom(t, "127.0.0.2", ts.addr)) {
		t.Error("another address was refused")
	}
	first.Close()
	deadline := time.Now().Add(waitLimit)
	for !greeted(dialFrom(t, "127.0.0.1", ts.addr)) {
		if time.Now().After(deadline) {
			t.Fatal("no room for a connection from the address after one of its closed")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
