package server

import (
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"analyst/internal/testlib"
)

// Beyond MaxSessions a session is told the server is busy and ends at
// once with status 1; when a reader leaves, there is room again.
func TestSessionCap(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.MaxSessions = 2 })
	c := ts.dial(t, "alice")
	first := reader(t, c, 40, 120)
	second := reader(t, ts.dial(t, "bob"), 40, 120)
	first.out.waitFor(t, 0, "Tolipov")
	second.out.waitFor(t, 0, "Tolipov")

	// A third reader, on a connection of its own or on alice's.
	for _, third := range []*session{reader(t, ts.dial(t, "carol"), 40, 120), reader(t, c, 40, 120)} {
		if code := third.exitStatusWithin(t, 3*time.Second); code != 1 {
			t.Errorf("third reader: exit status = %d, want 1", code)
		}
		if got := strings.TrimRight(third.errOut.String(), "\r\n"); got != "server busy, try again shortly" {
			t.Errorf("third reader: stderr = %q, want the busy line", got)
		}
		if out := third.out.String(); strings.Contains(out, "Tolipov") {
			t.Errorf("third reader got a reader: %q", out)
		}
	}
	// Commands count too.
	s := openSession(t, c, 0, 0).start(t, "list")
	if code := s.exitStatusWithin(t, 3*time.Second); code != 1 || !strings.Contains(s.errOut.String(), "busy") {
		t.Errorf("list at the cap: status %d, stderr %q; want 1 and busy", code, s.errOut.String())
	}
	if calls := ts.exec.Calls(); len(calls) != 0 {
		t.Errorf("Exec ran at the cap: %q", calls)
	}
	if got := ts.Active(); got != 2 {
		t.Errorf("Active() = %d after refusals, want 2", got)
	}

	first.press(t, "q")
	if code := first.exitStatus(t); code != 0 {
		t.Errorf("first reader: exit status = %d, want 0", code)
	}
	waitActive(t, ts.Server, 1)
	fourth := reader(t, c, 40, 120)
	fourth.out.waitFor(t, 0, "Tolipov")
	for _, s := range []*session{second, fourth} {
		s.press(t, "q")
		if code := s.exitStatus(t); code != 0 {
			t.Errorf("exit status = %d, want 0", code)
		}
	}
}

// Connections from one address beyond the burst are refused before the
// handshake, until the rate lets one more in. The limiter's clock is the
// test's: it moves only when told, so no stall of this process can make
// the connections more than a second apart.
func TestRateLimitConnections(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	fe := &fakeExec{}
	srv, err := New(Config{HostKeyPEM: newHostKeyPEM(t), Library: testlib.Library(t), Exec: fe.run, RatePerSecond: 1, RateBurst: 2})
	if err != nil {
		t.Fatal(err)
	}
	srv.limiter.now = clock.now // before it serves: then only the clock's lock orders them
	ts := serveServer(t, srv, fe)
	dial := func() (*gossh.Client, error) {
		return gossh.Dial("tcp", ts.addr, clientConfig(t, "alice"))
	}
	for i := range 2 {
		c, err := dial()
		if err != nil {
			t.Fatalf("connection %d of the burst: %v", i+1, err)
		}
		t.Cleanup(func() { c.Close() })
	}
	if third, err := dial(); err == nil {
		third.Close()
		t.Fatal("a third connection at once got in")
	}
	clock.advance(999 * time.Millisecond)
	if early, err := dial(); err == nil {
		early.Close()
		t.Fatal("a connection got in before the rate had earned a token")
	}

	// A token comes back after a second.
	clock.advance(time.Millisecond)
	c, err := dial()
	if err != nil {
		t.Fatalf("a connection a second later: %v", err)
	}
	defer c.Close()
	s := openSession(t, c, 0, 0).start(t, "list")
	if code := s.exitStatus(t); code != 0 {
		t.Errorf("list on the new connection: status %d", code)
	}
}

// fakeClock is a clock that moves only when told; safe for the server's
// goroutines to read while a test moves it.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func tcpAddr(t *testing.T, s string) net.Addr {
	t.Helper()
	a, err := net.ResolveTCPAddr("tcp", s)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestRateLimiter(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	l := newRateLimiter(2, 3, 100) // 2 a second, bursts of 3
	l.now = clock.now
	a := tcpAddr(t, "192.0.2.1:1000")
	aOtherPort := tcpAddr(t, "192.0.2.1:2000")
	b := tcpAddr(t, "[2001:db8::1]:1000")
	bOtherPort := tcpAddr(t, "[2001:db8::1]:3000")

	// The burst, counted per host whatever the port.
	for i, addr := range []net.Addr{a, aOtherPort, a} {
		if !l.allow(addr) {
			t.Fatalf("connection %d of a burst of 3 refused", i+1)
		}
	}
	if l.allow(aOtherPort) {
		t.Fatal("a fourth connection at once was allowed")
	}
	// Another host has its own bucket.
	for i, addr := range []net.Addr{b, bOtherPort, b} {
		if !l.allow(addr) {
			t.Fatalf("IPv6 host: connection %d of 3 refused", i+1)
		}
	}
	if l.allow(bOtherPort) {
		t.Fatal("IPv6 host: a fourth connection at once was allowed")
	}

	// Half a second gives one token at 2 a second; a quarter gives half.
	clock.advance(250 * time.Millisecond)
	if l.allow(a) {
		t.Fatal("allowed after a quarter second (half a token)")
	}
	clock.advance(250 * time.Millisecond)
	if !l.allow(a) {
		t.Fatal("refused after half a second (one token)")
	}
	if l.allow(a) {
		t.Fatal("two connections allowed on one token")
	}

	// A long quiet spell fills the bucket to the burst, no more.
	clock.advance(time.Hour)
	for i := range 3 {
		if !l.allow(a) {
			t.Fatalf("after an hour: connection %d of 3 refused", i+1)
		}
	}
	if l.allow(a) {
		t.Fatal("after an hour: more than the burst allowed")
	}
}

// The limiter remembers the addresses most recently seen, no more; a new
// one takes over the bucket of the address it pushes out
// (ratelimit.PerKey): full once that has had time to fill, and never a
// token that was not earned.
func TestRateLimiterForgetsOldest(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	l := newRateLimiter(1, 1, 2)
	l.now = clock.now
	a, b, c := tcpAddr(t, "192.0.2.1:1"), tcpAddr(t, "192.0.2.2:1"), tcpAddr(t, "192.0.2.3:1")
	if !l.allow(a) {
		t.Fatal("a refused")
	}
	clock.advance(500 * time.Millisecond)
	if !l.allow(b) {
		t.Fatal("b refused")
	}
	if l.allow(b) {
		t.Fatal("b allowed twice at once")
	}
	clock.advance(500 * time.Millisecond) // a's bucket is full again, b's half
	// A third address: the least recently seen, a, is forgotten, and c
	// has its full bucket; b is not forgotten.
	if !l.allow(c) {
		t.Fatal("c refused")
	}
	if n := l.perAddr.Len(); n != 2 {
		t.Errorf("%d addresses remembered, want at most 2", n)
	}
	if l.allow(b) {
		t.Error("b, still remembered, was allowed on half a token")
	}
	// a again, at once: it pushes out c, whose token is spent.
	if l.allow(a) {
		t.Error("a, forgotten and back at once, got a token no one earned")
	}
	clock.advance(time.Second)
	if !l.allow(a) {
		t.Error("a refused a second later")
	}
}

func TestRateLimiterOff(t *testing.T) {
	l := newRateLimiter(0, 1, 10)
	a := tcpAddr(t, "192.0.2.1:1")
	for i := range 1000 {
		if !l.allow(a) {
			t.Fatalf("rate 0: connection %d refused", i+1)
		}
	}
	if l.perAddr != nil {
		t.Error("rate 0 keeps buckets")
	}
}

// Beyond twice the session cap plus 16, connections are closed before the
// handshake, until one of the open ones closes.
func TestConnectionCap(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.MaxSessions = 1 })
	const limit = 2*1 + 16
	// open connects and says whether the server began a handshake (sent
	// its version) or closed the connection.
	open := func() (net.Conn, bool) {
		conn, err := net.Dial("tcp", ts.addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		_ = conn.SetReadDeadline(time.Now().Add(waitLimit))
		b := make([]byte, 64)
		n, err := conn.Read(b)
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			t.Fatal("the server neither greeted nor closed a connection")
		}
		return conn, err == nil && strings.HasPrefix(string(b[:n]), "SSH-2.0-")
	}
	var first net.Conn
	for i := range limit {
		conn, ok := open()
		if !ok {
			t.Fatalf("connection %d of %d refused", i+1, limit)
		}
		if i == 0 {
			first = conn
		}
	}
	// Beyond the cap, a client is told why: here, with the banners used up,
	// by a line before the version string.
	ts.noBanners()
	if got, err := ts.firstWords(t); err != nil || got != "analyst: "+msgFull+"\r\n" {
		t.Fatalf("connection %d got %q (%v); want the line that says the server is full, then the end", limit+1, got, err)
	}
	// One leaves; there is room again once the server has seen it go.
	first.Close()
	deadline := time.Now().Add(waitLimit)
	for {
		if _, ok := open(); ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no room for a connection after one closed")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A new address when the table is full: what every connection of a flood
// from many addresses costs the admission, under its lock.
func BenchmarkRateLimiterNewAddressWhenFull(b *testing.B) {
	l := newRateLimiter(2, 10, maxRateAddrs)
	addr := func(i int) net.Addr {
		return &net.TCPAddr{IP: net.IPv4(10, byte(i>>16), byte(i>>8), byte(i)), Port: 1}
	}
	for i := range maxRateAddrs {
		l.allow(addr(i))
	}
	addrs := make([]net.Addr, b.N)
	for i := range addrs {
		addrs[i] = addr(maxRateAddrs + i)
	}
	b.ResetTimer()
	for i := range b.N {
		l.allow(addrs[i])
	}
}
