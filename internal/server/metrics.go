package server

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"analyst/internal/render"
)

// Metrics counts what a server does, for Prometheus. Each Metrics has its
// own registry, so that one process may run several servers (as tests
// do). Every label takes its values from a fixed set: no reader's
// address, key or user name ever becomes a label.
//
// The server calls its methods whether or not metrics are on: they do
// nothing on a nil *Metrics.
type Metrics struct {
	registry *prometheus.Registry

	sessionsOpen    prometheus.Gauge
	sessionsStarted *prometheus.CounterVec // by command
	sessionsEnded   *prometheus.CounterVec // by command and end reason
	sessionSeconds  prometheus.Histogram
	bytesSent       prometheus.Counter
	refused         *prometheus.CounterVec // by refusal reason
	reloads         *prometheus.CounterVec // by result
	articlesServed  *prometheus.CounterVec // by article slug
	shuttingDown    prometheus.Gauge
	store           *storeMetrics // nil unless the server keeps what keyed readers make
}

// refusal is why the server turned a connection or a session away: a
// label value of analyst_refused_total.
type refusal string

// The reasons for a refusal. A new one goes into refusals too, so that
// its count is there, at 0, from the start.
const (
	refusedBusy            refusal = "busy"             // the session or connection cap
	refusedRateLimit       refusal = "rate_limit"       // the address's rate of new connections
	refusedNoSession       refusal = "no_session"       // a connection without a session for --no-session-timeout
	refusedProxyHeader     refusal = "proxy_header"     // a PROXY header missing, malformed, slow, or from an untrusted address
	refusedShutdown        refusal = "shutdown"         // the server is going down
	refusedAddressSessions refusal = "address_sessions" // an address's sessions at once (--max-sessions-per-address)
)

var refusals = []refusal{refusedBusy, refusedRateLimit, refusedNoSession, refusedProxyHeader, refusedShutdown, refusedAddressSessions}

// Why a session ended: a label value of analyst_sessions_ended_total.
const (
	endQuit     = "quit"     // the reader quit, the command finished, or the client left
	endIdle     = "idle"     // no key press for --idle-timeout, or a client that stopped reading a command's output
	endMaxTime  = "max_time" // --max-session
	endShutdown = "shutdown" // ended by the server going down
	endPanic    = "panic"    // an internal error
)

var endReasons = []string{endQuit, endIdle, endMaxTime, endShutdown, endPanic}

// The commands a session may run, as labels: the reader, or a command
// without it. A command the server does not know is not served, so it
// never becomes a label.
const commandReader = "reader"

var commandLabels = append([]string{commandReader}, commands...)

// sessionBuckets are the session durations the histogram tells apart:
// from a command's second to the four hours a session may last.
var sessionBuckets = []float64{1, 5, 15, 60, 300, 900, 1800, 3600, 7200, 14400}

// NewMetrics makes the metrics of one server, with the Go runtime's and
// the process's own.
func NewMetrics() *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		sessionsOpen: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "analyst_sessions_open", Help: "Sessions being served.",
		}),
		sessionsStarted: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "analyst_sessions_started_total", Help: "Sessions that began, by command (reader, list, read, search).",
		}, []string{"command"}),
		sessionsEnded: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "analyst_sessions_ended_total", Help: "Sessions that ended, by command and by why (quit, idle, max_time, shutdown, panic).",
		}, []string{"command", "reason"}),
		sessionSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "analyst_session_duration_seconds", Help: "How long sessions lasted.", Buckets: sessionBuckets,
		}),
		bytesSent: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "analyst_sent_bytes_total", Help: "Bytes sent to readers (SSH channel data, before encryption).",
		}),
		refused: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "analyst_refused_total", Help: "Connections and sessions turned away, by reason.",
		}, []string{"reason"}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "analyst_library_reloads_total", Help: "Library reloads (SIGHUP), by result: ok, or refused for problems in the library.",
		}, []string{"result"}),
		articlesServed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "analyst_articles_served_total", Help: "Articles opened in the reader or printed by read, by article slug.",
		}, []string{"article"}),
		shuttingDown: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "analyst_shutting_down", Help: "1 from the moment a shutdown begins (/healthz answers 503), 0 before.",
		}),
	}
	m.registry.MustRegister(
		m.sessionsOpen, m.sessionsStarted, m.sessionsEnded, m.sessionSeconds, m.bytesSent,
		m.refused, m.reloads, m.articlesServed, m.shuttingDown,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	// Every count of a fixed set is there from the start, at 0, so that
	// rates and alerts see a series before its first event.
	for _, cmd := range commandLabels {
		m.sessionsStarted.WithLabelValues(cmd)
		for _, why := range endReasons {
			m.sessionsEnded.WithLabelValues(cmd, why)
		}
	}
	for _, r := range refusals {
		m.refused.WithLabelValues(string(r))
	}
	m.reloads.WithLabelValues("ok")
	m.reloads.WithLabelValues("refused")
	return m
}

// Registry is where the metrics are registered, to gather them in tests.
func (m *Metrics) Registry() *prometheus.Registry { return m.registry }

// handler serves the metrics in Prometheus's exposition format.
func (m *Metrics) handler() http.Handler {
	// A collector that fails (the process collector, where /proc is
	// hidden) costs its own metrics, not the whole scrape.
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry, ErrorHandling: promhttp.ContinueOnError})
}

// watchCache reports the render cache's counts at each scrape.
func (m *Metrics) watchCache(c *render.Cache) {
	if m == nil {
		return
	}
	stat := func(get func(render.CacheStats) float64) func() float64 {
		return func() float64 { return get(c.Stats()) }
	}
	m.registry.MustRegister(
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "analyst_render_cache_hits_total", Help: "Render cache lookups that found their rendering.",
		}, stat(func(s render.CacheStats) float64 { return float64(s.Hits) })),
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "analyst_render_cache_misses_total", Help: "Renderings the cache had to make.",
		}, stat(func(s render.CacheStats) float64 { return float64(s.Misses) })),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "analyst_render_cache_entries", Help: "Renderings the cache holds.",
		}, stat(func(s render.CacheStats) float64 { return float64(s.Entries) })),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "analyst_render_cache_bytes", Help: "Bytes of the renderings the cache holds.",
		}, stat(func(s render.CacheStats) float64 { return float64(s.Bytes) })),
	)
}

// sessionStarted counts a session in, with the command it runs.
func (m *Metrics) sessionStarted(command string) {
	if m == nil {
		return
	}
	m.sessionsOpen.Inc()
	m.sessionsStarted.WithLabelValues(command).Inc()
}

// sessionEnded counts a session out, with why it ended, how long it
// lasted and what it was sent.
func (m *Metrics) sessionEnded(command, reason string, d time.Duration, sent int64) {
	if m == nil {
		return
	}
	m.sessionsOpen.Dec()
	m.sessionsEnded.WithLabelValues(command, reason).Inc()
	m.sessionSeconds.Observe(d.Seconds())
	m.bytesSent.Add(float64(sent))
}

// refuse counts a connection or session turned away.
func (m *Metrics) refuse(why refusal) {
	if m == nil {
		return
	}
	m.refused.WithLabelValues(string(why)).Inc()
}

// reloaded counts a library reload, taken or refused.
func (m *Metrics) reloaded(ok bool) {
	if m == nil {
		return
	}
	result := "refused"
	if ok {
		result = "ok"
	}
	m.reloads.WithLabelValues(result).Inc()
}

// articleServed counts an article opened or printed. Slugs come from the
// library the operator serves, never from a reader.
func (m *Metrics) articleServed(slug string) {
	if m == nil {
		return
	}
	m.articlesServed.WithLabelValues(slug).Inc()
}

// shutdownBegan marks the server as draining.
func (m *Metrics) shutdownBegan() {
	if m == nil {
		return
	}
	m.shuttingDown.Set(1)
}
