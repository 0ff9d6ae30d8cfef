package pgtest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// CreateDatabase makes a new, empty database in the cluster.
func (c *Cluster) CreateDatabase(ctx context.Context, name string) error {
	conn, err := pgconn.Connect(ctx, c.DSN("postgres"))
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()+" TEMPLATE template0").ReadAll()
	return err
}

// NewDatabase makes a new, empty database for a test and returns its URL
// (over TCP; SocketDSN of the name it ends with reaches it by the socket).
// Each test gets its own: nothing one test keeps is seen by another.
func (c *Cluster) NewDatabase(tb testing.TB) string {
	tb.Helper()
	c.dbs++
	name := fmt.Sprintf("test_%d", c.dbs)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := c.CreateDatabase(ctx, name); err != nil {
		tb.Fatalf("creating the database %s: %v", name, err)
	}
	return c.DSN(name)
}

// Shared is one cluster for a test package: started by the first test
// that asks for it, so that tests that need none never wait for it, and
// closed by the package's TestMain after every test has run:
//
//	var pg pgtest.Shared
//
//	func TestMain(m *testing.M) {
//		code := m.Run()
//		pg.Close()
//		os.Exit(code)
//	}
type Shared struct {
	Durable bool // start it with StartDurable

	mu      sync.Mutex
	c       *Cluster
	err     error
	started bool
}

// Cluster returns the package's cluster, starting it on the first call. A
// cluster that could not start fails every test that asks for it, with
// why.
func (s *Shared) Cluster(tb testing.TB) *Cluster {
	tb.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.started {
		s.started = true
		s.c, s.err = start(s.Durable)
	}
	if s.err != nil {
		tb.Fatalf("starting a PostgreSQL cluster for the tests: %v", s.err)
	}
	return s.c
}

// Close stops the cluster and removes it, when one was started.
func (s *Shared) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.c == nil {
		return nil
	}
	err := s.c.Close()
	s.c = nil
	return err
}
