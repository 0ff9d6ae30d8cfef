package server

import (
	"io"
	"net"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// dialForBanner connects as an SSH client and returns the banner it was
// shown and how the connection ended.
func dialForBanner(t *testing.T, addr string) (string, error) {
	t.Helper()
	cfg := clientConfig(t, "alice")
	var banner string
	cfg.BannerCallback = func(msg string) error { banner += msg; return nil }
	c, err := gossh.Dial("tcp", addr, cfg)
	if err == nil {
		c.Close()
	}
	return banner, err
}

// A client refused for the rate limit or the connection cap is told why
// in the SSH banner, which every client shows, and the connection ends
// there: no session.
func TestRefusedClientIsToldWhy(t *testing.T) {
	t.Run("rate limit", func(t *testing.T) {
		ts := startServer(t, func(c *Config) { c.RatePerSecond, c.RateBurst = 0.001, 1 })
		if banner, err := dialForBanner(t, ts.addr); err != nil || banner != "" {
			t.Fatalf("the first connection: banner %q, %v", banner, err)
		}
		banner, err := dialForBanner(t, ts.addr)
		if err == nil {
			t.Fatal("a second connection at once got in")
		}
		if want := "analyst: " + msgRateLimited + "\r\n"; banner != want {
			t.Errorf("banner %q, want %q", banner, want)
		}
	})
	t.Run("connection cap", func(t *testing.T) {
		ts := startServer(t, func(c *Config) { c.MaxSessions = 1 })
		for range ts.connCap() {
			conn, err := net.Dial("tcp", ts.addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if _, err := conn.Read(make([]byte, 64)); err != nil { // its version: it is in
				t.Fatal(err)
			}
		}
		banner, err := dialForBanner(t, ts.addr)
		if err == nil {
			t.Fatal("a connection past the cap got in")
		}
		if want := "analyst: " + msgFull + "\r\n"; banner != want {
			t.Errorf("banner %q, want %q", banner, want)
		}
	})
}

// Banners are rationed: a burst, then a rate, and a few at once; a client
// that cannot have one gets the line before the version string.
func TestExplainerRation(t *testing.T) {
	e := newExplainer()
	clock := &fakeClock{t: time.Unix(1e9, 0)}
	e.now = clock.now
	e.budget.last = clock.now()
	for i := range explainBurst {
		if !e.take() {
			t.Fatalf("banner %d of the burst of %d refused", i+1, explainBurst)
		}
		e.done()
	}
	if e.take() {
		t.Fatal("a banner beyond the burst at once")
	}
	clock.advance(time.Second / explainRate)
	if !e.take() {
		t.Fatal("no banner after the rate earned one")
	}
	e.done()

	// At most maxExplaining at once, however much budget there is.
	e.rate, e.burst = 1000, 1000
	clock.advance(time.Hour)
	for range maxExplaining {
		if !e.take() {
			t.Fatal("refused below maxExplaining")
		}
	}
	if e.take() {
		t.Errorf("more than %d banners at once", maxExplaining)
	}
	e.done()
	if !e.take() {
		t.Error("no room after one ended")
	}
}

// Once the banners are used up, a rate-limited client gets the line and
// the end of the connection, at once.
func TestRefusedClientGetsTheLine(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.RatePerSecond, c.RateBurst = 0.001, 1 })
	ts.noBanners()
	first, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	// Its version says it was let in, with the one token: connections are
	// admitted each on a goroutine of its own, so the next could otherwise
	// come first.
	_ = first.SetReadDeadline(time.Now().Add(waitLimit))
	if _, err := first.Read(make([]byte, 64)); err != nil {
		t.Fatal(err)
	}
	if got, err := ts.firstWords(t); err != nil || got != "analyst: "+msgRateLimited+"\r\n" {
		t.Errorf("got %q (%v), want the line", got, err)
	}
}

// noBanners uses up the banners for refused connections, for good.
func (ts *testServer) noBanners() {
	ts.explain.mu.Lock()
	defer ts.explain.mu.Unlock()
	ts.explain.rate, ts.explain.budget.tokens = 0, 0
}

// firstWords connects and reads all the server sends until it closes the
// connection.
func (ts *testServer) firstWords(t *testing.T) (string, error) {
	t.Helper()
	conn, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetReadDeadline(time.Now().Add(waitLimit))
	got, err := io.ReadAll(conn)
	return string(got), err
}
