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

// writeOutcomes are every (result, reason) pair, there from the start.
var writeOutcomes = [][2]string{
	{writeOK, "none"},
	{writeRefused, "too_many_highlights"}, {writeRefused, "note_too_long"}, {writeRefused, "too_fast"},
	{writeRefused, "store_full"}, {writeRefused, "invalid"}, {writeRefused, "not_found"},
	{writeFailed, "unavailable"}, {writeFailed, "busy"}, {writeFailed, "full"},
	{writeFailed, "read_only"}, {writeFailed, "broken"}, {writeFailed, "other"},
}

// writeOutcome is the labels of a change's outcome.
func writeOutcome(err error) (result, reason string) {
	if err == nil {
		return writeOK, "none"
	}
	var se *store.Error
	if !errors.As(err, &se) {
		return writeFailed, "other"
	}
	switch se.Problem {
	case store.TooManyHighlights:
		return writeRefused, "too_many_highlights"
	case store.NoteTooLong:
		return writeRefused, "note_too_long"
	case store.TooFast:
		return writeRefused, "too_fast"
	case store.StoreFull:
		return writeRefused, "store_full"
	case store.Invalid:
		return writeRefused, "invalid"
	case store.NotFound:
		return writeRefused, "not_found"
	case store.Unavailable:
		return writeFailed, "unavailable"
	case store.Busy:
		return writeFailed, "busy"
	case store.Full:
		return writeFailed, "full"
	case store.ReadOnly:
		return writeFailed, "read_only"
	case store.Broken:
		return writeFailed, "broken"
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
	for _, o := range writeOutcomes {
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
