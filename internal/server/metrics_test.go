package server

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"charm.land/log/v2"
	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// serveMetrics serves the server's metrics and health on a loopback port
// and returns its base URL.
func serveMetrics(t *testing.T, s *Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.ServeMetrics(ln) }()
	t.Cleanup(func() {
		s.http.closeAll()
		if err := <-done; err != http.ErrServerClosed {
			t.Errorf("ServeMetrics returned %v, want http.ErrServerClosed", err)
		}
	})
	return "http://" + ln.Addr().String()
}

// exposition is one scrape of /metrics, parsed by Prometheus's own parser.
type exposition struct {
	text     string
	families map[string]*dto.MetricFamily
}

func scrape(t *testing.T, base string) exposition {
	t.Helper()
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /metrics: %d %v\n%s", resp.StatusCode, err, body)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(strings.NewReader(string(body)))
	if err != nil {
		t.Fatalf("the exposition does not parse: %v\n%s", err, body)
	}
	return exposition{text: string(body), families: families}
}

// gather collects the metrics from their registry, without HTTP.
func gather(t *testing.T, m *Metrics) exposition {
	t.Helper()
	families, err := m.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	e := exposition{families: map[string]*dto.MetricFamily{}}
	for _, f := range families {
		e.families[f.GetName()] = f
	}
	return e
}

// value is the value of the series of name with the labels given as
// "key=value", or -1 if there is none. A histogram's value is its count.
func (e exposition) value(name string, labels ...string) float64 {
	f, ok := e.families[name]
	if !ok {
		return -1
	}
	for _, m := range f.GetMetric() {
		if !hasLabels(m, labels) {
			continue
		}
		switch {
		case m.Counter != nil:
			return m.Counter.GetValue()
		case m.Gauge != nil:
			return m.Gauge.GetValue()
		case m.Histogram != nil:
			return float64(m.Histogram.GetSampleCount())
		}
	}
	return -1
}

func hasLabels(m *dto.Metric, labels []string) bool {
	for _, kv := range labels {
		k, v, _ := strings.Cut(kv, "=")
		found := false
		for _, l := range m.GetLabel() {
			found = found || (l.GetName() == k && l.GetValue() == v)
		}
		if !found {
			return false
		}
	}
	return true
}

// want checks series values: name, labels... and the value last.
func (e exposition) want(t *testing.T, when string, name string, labelsAndValue ...any) {
	t.Helper()
	var labels []string
	for _, l := range labelsAndValue[:len(labelsAndValue)-1] {
		labels = append(labels, l.(string))
	}
	want := labelsAndValue[len(labelsAndValue)-1]
	got := e.value(name, labels...)
	switch w := want.(type) {
	case int:
		if got != float64(w) {
			t.Errorf("%s: %s%v = %g, want %d", when, name, labels, got, w)
		}
	case string: // ">0"
		if w == ">0" && got <= 0 {
			t.Errorf("%s: %s%v = %g, want more than 0", when, name, labels, got)
		}
	}
}

// The counters move as sessions come and go: a reader that opens an
// article and quits, a session turned away as busy, a command; the
// render cache fills; the Go and process metrics are there; and nothing
// in the exposition names a reader.
func TestMetricsFollowSessions(t *testing.T) {
	m := NewMetrics()
	ts := startServer(t, func(c *Config) { c.Metrics = m; c.MaxSessions = 1 })
	base := serveMetrics(t, ts.Server)

	e := scrape(t, base)
	e.want(t, "at start", "analyst_sessions_open", 0)
	e.want(t, "at start", "analyst_sessions_started_total", "command=reader", 0)
	e.want(t, "at start", "analyst_sessions_ended_total", "command=search", "reason=panic", 0)
	e.want(t, "at start", "analyst_refused_total", "reason=busy", 0)
	e.want(t, "at start", "analyst_refused_total", "reason=proxy_header", 0)
	e.want(t, "at start", "analyst_render_cache_misses_total", 0)
	e.want(t, "at start", "analyst_library_reloads_total", "result=refused", 0)
	e.want(t, "at start", "analyst_shutting_down", 0)

	c := ts.dial(t, "alice-reads-7")
	r := reader(t, c, 40, 120)
	r.out.waitFor(t, 0, "Tolipov")
	mark := r.out.mark()
	r.press(t, "2")
	r.out.waitFor(t, mark, "implicitly tightening") // the text, drawn after the sidebar: its rendering is in the cache
	e = scrape(t, base)
	e.want(t, "reading", "analyst_sessions_open", 1)
	e.want(t, "reading", "analyst_sessions_started_total", "command=reader", 1)
	e.want(t, "reading", "analyst_articles_served_total", "article=cutler", 1)
	e.want(t, "reading", "analyst_render_cache_misses_total", ">0")
	e.want(t, "reading", "analyst_render_cache_entries", ">0")
	e.want(t, "reading", "analyst_render_cache_bytes", ">0")

	// One session at most: a second is turned away, and never started.
	busy := openSession(t, ts.dial(t, "bob-busy-8"), 0, 0).start(t, "list")
	if code := busy.exitStatus(t); code != 1 {
		t.Errorf("a session over the cap: exit %d, want 1", code)
	}
	e = scrape(t, base)
	e.want(t, "over the cap", "analyst_refused_total", "reason=busy", 1)
	e.want(t, "over the cap", "analyst_sessions_started_total", "command=list", 0)

	// Going back to the list and opening the article again renders
	// nothing new, once the four articles of the issue are rendered (the
	// reader renders them ahead, in the background).
	waitValue(t, base, 4, "analyst_render_cache_entries")
	e = scrape(t, base)
	e.want(t, "rendered ahead", "analyst_render_cache_misses_total", 4)
	misses := e.value("analyst_render_cache_misses_total")
	hits := e.value("analyst_render_cache_hits_total")
	mark = r.out.mark()
	r.press(t, "\x1b")
	r.out.waitFor(t, mark, "Tolipov")
	mark = r.out.mark()
	r.press(t, "2")
	r.out.waitFor(t, mark, "implicitly tightening") // the text, drawn after the sidebar: its rendering is in the cache
	e = scrape(t, base)
	e.want(t, "reopened", "analyst_articles_served_total", "article=cutler", 2)
	if got := e.value("analyst_render_cache_misses_total"); got != misses {
		t.Errorf("reopening an article rendered it again: misses %g, then %g", misses, got)
	}
	if got := e.value("analyst_render_cache_hits_total"); got <= hits {
		t.Errorf("reopening an article was no cache hit: hits %g, then %g", hits, got)
	}

	r.press(t, "q")
	if code := r.exitStatus(t); code != 0 {
		t.Fatalf("reader: exit %d", code)
	}
	list := openSession(t, ts.dial(t, "carol-lists-9"), 0, 0).start(t, "list")
	if code := list.exitStatus(t); code != 0 {
		t.Fatalf("list: exit %d", code)
	}
	// The session's end is counted as its exit status is sent.
	waitValue(t, base, 1, "analyst_sessions_ended_total", "command=list", "reason=quit")
	e = scrape(t, base)
	e.want(t, "after", "analyst_sessions_open", 0)
	e.want(t, "after", "analyst_sessions_ended_total", "command=reader", "reason=quit", 1)
	e.want(t, "after", "analyst_sessions_started_total", "command=list", 1)
	e.want(t, "after", "analyst_sessions_ended_total", "command=list", "reason=quit", 1)
	e.want(t, "after", "analyst_session_duration_seconds", 2)
	e.want(t, "after", "analyst_sent_bytes_total", ">0")
	e.want(t, "after", "go_goroutines", ">0")
	e.want(t, "after", "process_resident_memory_bytes", ">0")

	for _, reader := range []string{"alice-reads-7", "bob-busy-8", "carol-lists-9", "127.0.0.1", "SHA256:"} {
		if strings.Contains(e.text, reader) {
			t.Errorf("the metrics name a reader (%q):\n%s", reader, e.text)
		}
	}
}

// A reader who presses nothing is counted as ended for idleness, a
// connection over the address's rate as refused for it, and a reader the
// shutdown ends as ended by it. /healthz says 200 while serving, 503 from
// the moment the shutdown begins, and the listener closes at its end.
func TestMetricsIdleRateAndShutdown(t *testing.T) {
	m := NewMetrics()
	logged := &lockedBuffer{}
	ts := startServer(t, func(c *Config) {
		c.Metrics = m
		c.IdleTimeout = 300 * time.Millisecond
		c.RatePerSecond, c.RateBurst = 0.001, 2
		c.ShutdownGrace = 2 * time.Second
		c.Logger = log.New(logged)
	})
	base := serveMetrics(t, ts.Server)
	if code, body := get(t, base+"/healthz"); code != 200 || body != "ok\n" {
		t.Errorf("/healthz while serving: %d %q", code, body)
	}

	idle := reader(t, ts.dial(t, "idle"), 24, 80)
	if code := idle.exitStatus(t); code != 0 {
		t.Errorf("idle reader: exit %d", code)
	}
	// The staying reader presses keys so that it is not idle; the
	// shutdown ends it.
	staying := reader(t, ts.dial(t, "staying"), 24, 80)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for {
			select {
			case <-stop:
				return
			case <-time.After(100 * time.Millisecond):
				_, _ = staying.in.Write([]byte("j"))
			}
		}
	}()
	staying.out.waitFor(t, 0, "Tolipov")
	// Refused: told why, and let go before any session.
	if banner, err := dialForBanner(t, ts.addr); err == nil || !strings.Contains(banner, msgRateLimited) {
		t.Errorf("a connection over the rate: banner %q, %v; want a refusal that says why", banner, err)
	}
	e := scrape(t, base)
	e.want(t, "idle", "analyst_sessions_ended_total", "command=reader", "reason=idle", 1)
	e.want(t, "rate", "analyst_refused_total", "reason=rate_limit", 1)

	shutdown := make(chan error, 1)
	ts.stopped = true // the shutdown is this test's
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
		defer cancel()
		shutdown <- ts.Shutdown(ctx)
	}()
	deadline := time.Now().Add(waitLimit)
	for {
		code, body := get(t, base+"/healthz")
		if code == http.StatusServiceUnavailable && body == "shutting down\n" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("/healthz after the shutdown began: %d %q", code, body)
		}
		time.Sleep(10 * time.Millisecond)
	}
	scrape(t, base).want(t, "draining", "analyst_shutting_down", 1)
	if err := <-shutdown; err != nil {
		t.Fatal(err)
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("the health listener still answers after the shutdown")
	}
	e = gather(t, m)
	e.want(t, "shut down", "analyst_sessions_ended_total", "command=reader", "reason=shutdown", 1)
	e.want(t, "shut down", "analyst_sessions_open", 0)
}

// waitValue waits until a series has the value want.
func waitValue(t *testing.T, base string, want float64, name string, labels ...string) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		got := scrape(t, base).value(name, labels...)
		if got == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s%v is %g after %s, want %g", name, labels, got, waitLimit, want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// get fetches url and returns its status and body.
func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// Without Metrics, the server serves as before and /healthz still works,
// with no /metrics.
func TestHealthWithoutMetrics(t *testing.T) {
	ts := startServer(t, nil)
	base := serveMetrics(t, ts.Server)
	if code, _ := get(t, base+"/healthz"); code != 200 {
		t.Errorf("/healthz: %d", code)
	}
	if code, _ := get(t, base+"/metrics"); code != http.StatusNotFound {
		t.Errorf("/metrics with metrics off: %d, want 404", code)
	}
	r := openSession(t, ts.dial(t, "x"), 0, 0).start(t, "list")
	if code := r.exitStatus(t); code != 0 {
		t.Errorf("list: exit %d", code)
	}
}
