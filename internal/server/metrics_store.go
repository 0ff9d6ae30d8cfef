package server

import (
	"errors"

	"github.com/prometheus/client_golang/prometheus"

	"analyst/internal/store"
)

// The outcomes of a reader's change, as the labels of
// analyst_store_writes_total: result ok, refused (a limit, or input the
// store does not take) or failed, and why, from a fixed set.
const (
	writeOK      = "ok"
	writeRefused = "refused"
	writeFailed  = "failed"
)

// refusedFor and failedFor are the reasons of the store's problems: a
// refusal (a limit, or input the store does not take), or a failure.
var (
	refusedFor = map[store.Problem]string{
		store.TooManyHighlights: "too_many_highlights", store.NoteTooLong: "note_too_long",
		store.TooFast: "too_fast", store.StoreFull: "store_full",
		store.Invalid: "invalid", store.NotFound: "not_found",
	}
	failedFor = map[store.Problem]string{
		store.Unavailable: "unavailable", store.Busy: "busy", store.Full: "full",
		store.ReadOnly: "read_only", store.Broken: "broken",
	}
)

// writeOutcomes are every (result, reason) pair, there from the start.
func writeOutcomes() [][2]string {
	out := [][2]string{{writeOK, "none"}, {writeFailed, "other"}}
	for _, reason := range refusedFor {
		out = append(out, [2]string{writeRefused, reason})
	}
	for _, reason := range failedFor {
		out = append(out, [2]string{writeFailed, reason})
	}
	return out
}

// writeOutcome is the labels of a change's outcome.
func writeOutcome(err error) (result, reason string) {
	var se *store.Error
	switch {
	case err == nil:
		return writeOK, "none"
	case !errors.As(err, &se):
		return writeFailed, "other"
	case refusedFor[se.Problem] != "":
		return writeRefused, refusedFor[se.Problem]
	case failedFor[se.Problem] != "":
		return writeFailed, failedFor[se.Problem]
	}
	return writeFailed, "other"
}

// storeMetrics are the metrics of the readers' store, registered when the
// server keeps what keyed readers make.
type storeMetrics struct {
	writes    *prometheus.CounterVec // by result and reason
	available prometheus.Gauge
}

// watchStore registers the store's metrics, the database available or not
// as down says.
func (m *Metrics) watchStore(down error) {
	if m == nil {
		return
	}
	m.store = &storeMetrics{
		writes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "analyst_store_writes_total",
			Help: "Readers' changes (places, highlights, notes, deletions), by result (ok, refused, failed) and reason.",
		}, []string{"result", "reason"}),
		available: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "analyst_store_available",
			Help: "1 while the readers' store answers, 0 while its database is away (changes are not kept).",
		}),
	}
	m.registry.MustRegister(m.store.writes, m.store.available)
	for _, o := range writeOutcomes() {
		m.store.writes.WithLabelValues(o[0], o[1])
	}
	m.storeAvailable(down == nil)
}

// storeWrote counts a change's outcome.
func (m *Metrics) storeWrote(err error) {
	if m == nil || m.store == nil {
		return
	}
	m.store.writes.WithLabelValues(writeOutcome(err)).Inc()
}

// storeAvailable sets whether the store's database answers.
func (m *Metrics) storeAvailable(up bool) {
	if m == nil || m.store == nil {
		return
	}
	v := 0.0
	if up {
		v = 1
	}
	m.store.available.Set(v)
}
