package server

import (
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
