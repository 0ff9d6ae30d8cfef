package main

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// metricsReport is what scraping the server's /metrics found (-metrics).
type metricsReport struct {
	Every   string  `json:"every"`
	Scrapes int     `json:"scrapes"`
	Errors  int     `json:"errors"`
	Bytes   int     `json:"bytes_last"`
	P50ms   float64 `json:"scrape_p50_ms"`
	Maxms   float64 `json:"scrape_max_ms"`
	// The server's own counts at the last scrape before the readers quit.
	ReadersStarted float64  `json:"readers_started"`
	ReadersOpen    float64  `json:"readers_open"`
	FirstErrors    []string `json:"first_errors,omitempty"`
}

// scraper scrapes http://addr/metrics every so often, as Prometheus
// would, until stopped.
type scraper struct {
	url   string
	every time.Duration
	stop  chan struct{}
	done  chan struct{}

	mu    sync.Mutex
	rep   metricsReport
	times []time.Duration
}

func startScraper(addr string, every time.Duration) *scraper {
	s := &scraper{url: "http://" + addr + "/metrics", every: every, stop: make(chan struct{}), done: make(chan struct{})}
	s.rep.Every = every.String()
	go func() {
		defer close(s.done)
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-s.stop:
				return
			case <-tick.C:
				s.scrape()
			}
		}
	}()
	return s
}

// scrape fetches and parses the metrics once.
func (s *scraper) scrape() {
	start := time.Now()
	started, open, size, err := fetchMetrics(s.url)
	took := time.Since(start)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rep.Scrapes++
	if err != nil {
		s.rep.Errors++
		if len(s.rep.FirstErrors) < 3 {
			s.rep.FirstErrors = append(s.rep.FirstErrors, err.Error())
		}
		return
	}
	s.times = append(s.times, took)
	s.rep.Bytes, s.rep.ReadersStarted, s.rep.ReadersOpen = size, started, open
}

// fetchMetrics reads the reader sessions started and open from /metrics,
// with Prometheus's parser, and the exposition's size.
func fetchMetrics(url string) (started, open float64, size int, err error) {
	c := http.Client{Timeout: 10 * time.Second}
	resp, err := c.Get(url)
	if err != nil {
		return 0, 0, 0, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		return 0, 0, 0, fmt.Errorf("GET %s: %d %v", url, resp.StatusCode, err)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(strings.NewReader(string(body)))
	if err != nil {
		return 0, 0, 0, err
	}
	for _, m := range families["analyst_sessions_started_total"].GetMetric() {
		for _, l := range m.GetLabel() {
			if l.GetName() == "command" && l.GetValue() == "reader" {
				started = m.GetCounter().GetValue()
			}
		}
	}
	for _, m := range families["analyst_sessions_open"].GetMetric() {
		open = m.GetGauge().GetValue()
	}
	return started, open, len(body), nil
}

// finish stops scraping and returns what it found.
func (s *scraper) finish() *metricsReport {
	close(s.stop)
	<-s.done
	s.mu.Lock()
	defer s.mu.Unlock()
	rep := s.rep
	if len(s.times) > 0 {
		sorted := slices.Clone(s.times)
		slices.Sort(sorted)
		rep.P50ms = round1(float64(sorted[len(sorted)/2]) / 1e6)
		rep.Maxms = round1(float64(sorted[len(sorted)-1]) / 1e6)
	}
	return &rep
}

// count reads the server's counts of the readers' changes from its
// /metrics.
func (st *storeReport) count(addr string) {
	c := http.Client{Timeout: 10 * time.Second}
	resp, err := c.Get("http://" + addr + "/metrics")
	if err != nil {
		st.ScrapeError = err.Error()
		return
	}
	defer resp.Body.Close()
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(resp.Body)
	if err != nil {
		st.ScrapeError = err.Error()
		return
	}
	for _, m := range families["analyst_store_writes_total"].GetMetric() {
		for _, l := range m.GetLabel() {
			if l.GetName() != "result" {
				continue
			}
			switch l.GetValue() {
			case "ok":
				st.WritesOK += m.GetCounter().GetValue()
			case "refused":
				st.WritesRefused += m.GetCounter().GetValue()
			case "failed":
				st.WritesFailed += m.GetCounter().GetValue()
			}
		}
	}
}
