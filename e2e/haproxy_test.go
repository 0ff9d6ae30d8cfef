package e2e

// analyst serve behind a real HAProxy, with the configuration in deploy/:
// two instances sharing one host key, PROXY v2 between them, health checks
// on /healthz, readers connecting from several loopback addresses.

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	proxyproto "github.com/pires/go-proxyproto"
	gossh "golang.org/x/crypto/ssh"
)

// instance is an analyst serve with its metrics and health port.
type instance struct {
	*sshServer
	name    string // HAProxy's name for it
	metrics int
}

// startInstance starts analyst serve with the host key at key, health and
// metrics on a free port, and PROXY headers taken from 127.0.0.1 (where
// HAProxy connects from).
func startInstance(t *testing.T, name, key string, extra ...string) *instance {
	t.Helper()
	metrics := freePort(t)
	args := append([]string{
		"--host-key", key,
		"--metrics-addr", fmt.Sprintf("127.0.0.1:%d", metrics),
		"--proxy-protocol", "127.0.0.1/32",
		"--log-format", "logfmt",
	}, extra...)
	return &instance{sshServer: startServer(t, args...), name: name, metrics: metrics}
}

// health is what the instance's /healthz answers, or 0 when nothing does.
func (in *instance) health() int {
	c := http.Client{Timeout: 2 * time.Second}
	resp, err := c.Get(fmt.Sprintf("http://127.0.0.1:%d/healthz", in.metrics))
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

// haproxy is HAProxy running the deploy/ configuration; its log (stdout
// and stderr) is the sshServer's, so that the ssh helpers can show it.
type haproxy struct {
	*sshServer
	config string
}

// startHAProxy runs deploy/haproxy.cfg in front of the instances, with the
// values the file marks "test:" replaced: the address readers connect to
// (a free loopback port), the instances' addresses and health ports, and a
// check every 100ms instead of every 2s.
func startHAProxy(t *testing.T, a, b *instance) *haproxy {
	t.Helper()
	needTools(t, "haproxy")
	data, err := os.ReadFile(filepath.Join("deploy", "haproxy.cfg"))
	if err != nil {
		t.Fatal(err)
	}
	port := freePort(t)
	config := string(data)
	for _, r := range [][2]string{
		{"bind 0.0.0.0:22\n", fmt.Sprintf("bind 127.0.0.1:%d\n", port)},
		{" inter 2s ", " inter 100ms "},
		{"server analyst1 10.0.0.11:23234 port 9234\n", fmt.Sprintf("server %s 127.0.0.1:%d port %d\n", a.name, a.port, a.metrics)},
		{"server analyst2 10.0.0.12:23234 port 9234\n", fmt.Sprintf("server %s 127.0.0.1:%d port %d\n", b.name, b.port, b.metrics)},
	} {
		if strings.Count(config, r[0]) != 1 {
			t.Fatalf("deploy/haproxy.cfg must have %q once, for the test to replace", r[0])
		}
		config = strings.Replace(config, r[0], r[1], 1)
	}
	path := filepath.Join(t.TempDir(), "haproxy.cfg")
	if err := os.WriteFile(path, []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	h := &haproxy{sshServer: &sshServer{port: port, log: &syncBuffer{}, done: make(chan struct{})}, config: config}
	h.cmd = exec.Command("haproxy", "-db", "-f", path)
	h.cmd.Env = cleanEnv()
	h.cmd.Stdout, h.cmd.Stderr = h.log, h.log
	if err := h.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		h.err = h.cmd.Wait()
		close(h.done)
	}()
	t.Cleanup(func() {
		_ = h.cmd.Process.Kill()
		<-h.done
	})
	if !h.waitAccepting(t) {
		t.Fatalf("haproxy ended at start (%v):\n%s", h.err, h.log)
	}
	return h
}

// sessions counts the instance's log lines of sessions from address.
func (in *instance) sessions(address string) int {
	return strings.Count(in.log.String(), "msg=session remote="+address+":")
}

// waitSessions waits until the instances have logged, in all, n sessions
// from address (the log reaches the test a moment after the client ends),
// and fails the test if they log fewer or more.
func waitSessions(t *testing.T, n int, address string, ins ...*instance) {
	t.Helper()
	count := func() int {
		total := 0
		for _, in := range ins {
			total += in.sessions(address)
		}
		return total
	}
	deadline := time.Now().Add(screenDeadline)
	for count() < n && time.Now().Before(deadline) {
		time.Sleep(pollInterval)
	}
	if got := count(); got != n {
		var logs strings.Builder
		for _, in := range ins {
			fmt.Fprintf(&logs, "%s:\n%s\n", in.name, in.log)
		}
		t.Errorf("%d sessions from %s logged, want %d:\n%s", got, address, n, logs.String())
	}
}

// directList runs "list" over SSH straight to the instance, from the
// loopback address from, after sending header (nil: none). It returns
// the error when the instance does not serve it.
func directList(t *testing.T, in *instance, from string, header *proxyproto.Header) error {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}, Timeout: screenDeadline}
	addr := fmt.Sprintf("127.0.0.1:%d", in.port)
	conn, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(screenDeadline))
	if header != nil {
		if _, err := header.WriteTo(conn); err != nil {
			return err
		}
	}
	sc, chans, reqs, err := gossh.NewClientConn(conn, addr, &gossh.ClientConfig{
		User:            "direct",
		Auth:            []gossh.AuthMethod{gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
	})
	if err != nil {
		return err
	}
	c := gossh.NewClient(sc, chans, reqs)
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		return err
	}
	out, err := sess.Output("list")
	if err == nil && !strings.Contains(string(out), "Tolipov") {
		err = fmt.Errorf("list printed %q", out)
	}
	return err
}

// forged is a PROXY v2 header that claims the client is at src.
func forged(src string) *proxyproto.Header {
	return proxyproto.HeaderProxyFromAddrs(2, net.TCPAddrFromAddrPort(netip.MustParseAddrPort(src)),
		net.TCPAddrFromAddrPort(netip.MustParseAddrPort("127.0.0.1:22")))
}

func TestBehindHAProxy(t *testing.T) {
	t.Parallel()
	needTools(t, "ssh", "tmux", "haproxy")
	key := filepath.Join(t.TempDir(), "ssh_host_ed25519_key")
	// Three new connections per reader address and instance, then one a
	// minute: enough for what each address does here, except 127.0.0.2.
	limits := []string{"--rate", "0.01", "--rate-burst", "3", "--shutdown-grace", "3s"}
	a := startInstance(t, "analyst1", key, limits...)
	b := startInstance(t, "analyst2", key, limits...)
	lb := startHAProxy(t, a, b)
	from := func(addr string) []string { return []string{"-b", addr} }

	t.Run("readers' addresses", func(t *testing.T) {
		for _, addr := range []string{"127.0.0.2", "127.0.0.3"} {
			r := lb.ssh(t, from(addr), "list")
			r.wantCode(t, 0)
			if !strings.Contains(r.stdout, "Tolipov") {
				t.Errorf("list through HAProxy from %s:\n%s", addr, r.stdout)
			}
		}
		waitSessions(t, 1, "127.0.0.2", a, b)
		waitSessions(t, 1, "127.0.0.3", a, b)
		if a.sessions("127.0.0.1")+b.sessions("127.0.0.1") != 0 {
			t.Errorf("a session is logged with HAProxy's address:\n%s\n%s", a.log, b.log)
		}
		// 127.0.0.2 has three connections on each instance: of six more,
		// one at least is refused; 127.0.0.3, through the same HAProxy
		// address, still gets in.
		refused := 0
		for range 6 {
			if r := lb.ssh(t, from("127.0.0.2"), "list"); r.code != 0 {
				refused++
			}
		}
		if refused == 0 {
			t.Error("seven connections from 127.0.0.2 were served despite --rate-burst 3 on each of two instances")
		}
		deadline := time.Now().Add(screenDeadline)
		for !strings.Contains(a.log.String()+b.log.String(), `msg=refused remote=127.0.0.2:`) {
			if time.Now().After(deadline) {
				t.Fatalf("no refusal of 127.0.0.2 logged:\n%s\n%s", a.log, b.log)
			}
			time.Sleep(pollInterval)
		}
		lb.ssh(t, from("127.0.0.3"), "list").wantCode(t, 0)
	})

	t.Run("forged PROXY headers", func(t *testing.T) {
		// Straight to an instance, from outside --proxy-protocol: a header
		// is refused, and without one the reader is served as it is.
		if err := directList(t, a, "127.0.0.2", forged("203.0.113.9:4000")); err == nil {
			t.Error("a PROXY header from 127.0.0.2, outside --proxy-protocol, was taken")
		}
		a.waitLog(t, `msg=refused remote=127.0.0.2:`)
		a.waitLog(t, `not in --proxy-protocol`)
		if strings.Contains(a.log.String(), "203.0.113.9") {
			t.Errorf("the forged address reached the log:\n%s", a.log)
		}
		if err := directList(t, a, "127.0.0.4", nil); err != nil {
			t.Errorf("a direct reader from outside --proxy-protocol: %v", err)
		}
		// From inside, a header is believed: that network is HAProxy's.
		if err := directList(t, a, "127.0.0.1", forged("203.0.113.9:4000")); err != nil {
			t.Errorf("a PROXY header from inside --proxy-protocol: %v", err)
		}
		waitSessions(t, 1, "203.0.113.9", a)
	})

	t.Run("draining", func(t *testing.T) {
		// One reader on each instance: leastconn sends the second
		// elsewhere than the first.
		onDraining := lb.sshTermWith(t, from("127.0.0.5"), 100, 30)
		onDraining.waitFor("the first reader's list", listShown)
		draining, staying := a, b
		if openSessions(t, b) == 1 {
			draining, staying = b, a
		}
		onStaying := lb.sshTermWith(t, from("127.0.0.6"), 100, 30)
		onStaying.waitFor("the second reader's list", listShown)
		for _, in := range []*instance{a, b} {
			if n := openSessions(t, in); n != 1 {
				t.Fatalf("%s serves %d sessions, want one reader on each instance", in.name, n)
			}
		}

		if err := draining.cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		stopped := time.Now().Add(15 * time.Second)
		deadline := time.Now().Add(screenDeadline)
		for draining.health() != http.StatusServiceUnavailable {
			if time.Now().After(deadline) {
				t.Fatalf("/healthz of the draining instance does not say 503:\n%s", draining.log)
			}
			time.Sleep(pollInterval)
		}
		lb.waitLog(t, "Server analyst/"+draining.name+" is DOWN")
		if code := staying.health(); code != http.StatusOK {
			t.Errorf("the other instance's /healthz: %d", code)
		}

		// New readers go to the other instance, and are served.
		for range 3 {
			lb.ssh(t, from("127.0.0.7"), "list").wantCode(t, 0)
		}
		waitSessions(t, 3, "127.0.0.7", staying)

		// The draining instance's reader has its notice and its grace,
		// then a goodbye.
		s := onDraining.waitFor("the going-down notice", func(s screen) bool {
			return strings.Contains(s.header(), "The server is going down")
		})
		if !s.has("3s") {
			t.Errorf("the notice does not give the grace period:\n%s", s)
		}
		draining.waitStopped(t, stopped)
		code, s := onDraining.waitExit(screenDeadline)
		if code != "0" || !s.has("Goodbye") {
			t.Errorf("the draining instance's reader: exit %s\n%s", code, s)
		}

		// The other instance's reader noticed nothing, and reads on.
		if s := onStaying.capture(false); s.has("going down") || !listShown(s) {
			t.Errorf("the other instance's reader saw the shutdown:\n%s", s)
		}
		onStaying.keys("2")
		onStaying.waitFor("the other reader at article 2", readerAt(2))
		onStaying.quit()
		staying.stop(t)
	})
}

// openSessions is the instance's analyst_sessions_open.
func openSessions(t *testing.T, in *instance) int {
	t.Helper()
	e := scrapeMetrics(t, in.metrics)
	return int(e.value("analyst_sessions_open"))
}
