package store

import (
	"context"
	"net"
	"path/filepath"
	"testing"
	"time"

	"analyst/internal/pgtest"
)

// pg is the package's PostgreSQL cluster, started by the first test that
// runs on PostgreSQL and closed by TestMain.
var pg pgtest.Shared

// engine is a database engine the store's tests run on.
type engine struct {
	name string
	// newDSN makes a new, empty database for the test and returns what
	// OpenDSN takes.
	newDSN func(tb testing.TB) string
}

func (e engine) postgres() bool { return e.name == "postgres" }

// engines are SQLite, the local reader's, and PostgreSQL, a server's.
var engines = [...]engine{
	{"sqlite", func(tb testing.TB) string { return filepath.Join(tb.TempDir(), "analyst.db") }},
	{"postgres", func(tb testing.TB) string { return pg.Cluster(tb).NewDatabase(tb) }},
}

// forEngines runs a test on each engine, as a subtest named by it.
func forEngines(t *testing.T, test func(t *testing.T, e engine)) {
	t.Helper()
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) { test(t, e) })
	}
}

// openNew opens a new store on the engine with openAt, without limits.
func openNew(tb testing.TB, e engine) *Store { return openAt(tb, e.newDSN(tb), Limits{}) }

// openAt opens the store at a DSN, with limits, closed at the end of the
// test, with a clock that moves a millisecond at each reading, so that
// "newest first" has one answer.
func openAt(tb testing.TB, dsn string, lim Limits) *Store {
	tb.Helper()
	s, err := OpenDSN(context.Background(), dsn, lim)
	if err != nil {
		tb.Fatalf("OpenDSN: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	s.now = ticker(time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC))
	return s
}

// freeLoopbackPort is a loopback TCP port nobody listens on now.
func freeLoopbackPort() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	_, port, err := net.SplitHostPort(l.Addr().String())
	return port, err
}
