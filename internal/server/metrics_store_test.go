package server

import (
	"errors"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"analyst/internal/store"
)

// The store's metrics: every outcome is there from the start; a change
// kept and one refused by a limit are counted as such, and the
// availability follows what the observer hears.
func TestStoreMetricsCountTheChanges(t *testing.T) {
	m := NewMetrics()
	ts, _, _ := keyedServer(t, store.Limits{Highlights: 2}, func(c *Config) { c.Metrics = m })
	if n := len(writeOutcomes()); n != 13 {
		t.Errorf("%d outcomes, want 13", n)
	}
	for _, o := range writeOutcomes() {
		if v := valueOf(m.store.writes.WithLabelValues(o[0], o[1])); v != 0 {
			t.Errorf("%v at start: %g", o, v)
		}
	}
	if v := valueOf(m.store.available); v != 1 {
		t.Errorf("analyst_store_available at start = %g", v)
	}
	alice := newSigner(t)
	s := listReader(t, ts.dialKey(t, "alice", alice))
	s.openCutler(t)
	mark := s.out.mark()
	s.press(t, "vmjmjm")
	s.out.waitFor(t, mark, "The highlight was not kept")
	s.press(t, "q")
	s.exitStatus(t)
	if v := valueOf(m.store.writes.WithLabelValues(writeRefused, "too_many_highlights")); v != 1 {
		t.Errorf("refused too_many_highlights = %g, want 1", v)
	}
	if v := valueOf(m.store.writes.WithLabelValues(writeOK, "none")); v < 2 {
		t.Errorf("ok = %g, want at least the two highlights", v)
	}

	obs := &storeObserver{s: ts.Server}
	obs.Away(&store.Error{Op: "your changes", Problem: store.Unavailable, Reason: "the server's database is unavailable", Err: errors.New("connection refused")})
	if v := valueOf(m.store.available); v != 0 {
		t.Errorf("analyst_store_available while away = %g", v)
	}
	obs.Back(time.Second, 3)
	if v := valueOf(m.store.available); v != 1 {
		t.Errorf("analyst_store_available once back = %g", v)
	}
}

// A failure other than the database's absence is logged at most once in
// failureLogEvery for each reason, saying how many were not logged.
func TestFailuresAreLoggedSparingly(t *testing.T) {
	var f failureLog
	now := time.Unix(1000, 0)
	if _, ok := f.due("full", now); !ok {
		t.Fatal("the first is logged")
	}
	for i := range 5 {
		if _, ok := f.due("full", now.Add(time.Duration(i)*time.Second)); ok {
			t.Fatalf("the %dth within the window is logged", i+2)
		}
	}
	if _, ok := f.due("busy", now); !ok {
		t.Error("another reason has its own window")
	}
	if n, ok := f.due("full", now.Add(failureLogEvery)); !ok || n != 5 {
		t.Errorf("after the window: logged %v, with %d unlogged; want true and 5", ok, n)
	}
}

// valueOf is a counter's or a gauge's value.
func valueOf(c prometheus.Metric) float64 {
	var m dto.Metric
	if err := c.Write(&m); err != nil {
		return -1
	}
	if m.Counter != nil {
		return m.Counter.GetValue()
	}
	return m.Gauge.GetValue()
}
