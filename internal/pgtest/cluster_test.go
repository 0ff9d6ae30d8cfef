package pgtest

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// query runs a statement, or a query of one value, on a database of the cluster.
func query(t *testing.T, dsn, sql string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgconn.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("connecting to %s: %v", dsn, err)
	}
	defer conn.Close(ctx)
	res, err := conn.Exec(ctx, sql).ReadAll()
	if err != nil || len(res) != 1 {
		t.Fatalf("%s: %v", sql, err)
	}
	if len(res[0].Rows) != 1 {
		return ""
	}
	return string(res[0].Rows[0][0])
}

// A cluster starts, serves a new database over TCP and its socket, not as
// root, survives a stop and a restart with its data, and leaves nothing
// behind when closed.
func TestClusterLifecycle(t *testing.T) {
	c, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	root := c.root
	defer c.Close()
	dsn := c.NewDatabase(t)
	if got := query(t, dsn, "SELECT current_database()"); got != "test_1" {
		t.Errorf("current_database() = %q", got)
	}
	if got := query(t, c.SocketDSN("test_1"), "SELECT COALESCE(inet_server_addr()::text, 'socket')"); got != "socket" {
		t.Errorf("the socket DSN reached %q", got)
	}
	if got := query(t, dsn, "SELECT current_setting('fsync')"); got != "off" {
		t.Errorf("fsync = %q", got)
	}
	durable, err := StartDurable()
	if err != nil {
		t.Fatal(err)
	}
	defer durable.Close()
	if got := query(t, durable.NewDatabase(t), "SELECT current_setting('fsync') || current_setting('synchronous_commit')"); got != "onon" {
		t.Errorf("a durable cluster's fsync and synchronous_commit: %q", got)
	}
	query(t, dsn, "CREATE TABLE kept AS SELECT 42 AS answer")
	// As root, the data is the account's that the server runs as: a
	// server that ran as root would have refused to start.
	if fi, err := os.Stat(filepath.Join(c.data, "PG_VERSION")); err != nil {
		t.Error(err)
	} else if uid := fi.Sys().(*syscall.Stat_t).Uid; os.Geteuid() == 0 && (c.as == nil || uid != uint32(c.as.uid) || uid == 0) {
		t.Errorf("the data is uid %d's", uid)
	}
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if conn, err := pgconn.Connect(ctx, dsn); err == nil {
		conn.Close(ctx)
		t.Fatal("a stopped cluster took a connection")
	}
	if err := c.Restart(); err != nil {
		t.Fatal(err)
	}
	if got := query(t, dsn, "SELECT answer FROM kept"); got != "42" {
		t.Errorf("after a restart: %q", got)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(root); !os.IsNotExist(err) {
		t.Errorf("%s is still there: %v", root, err)
	}
}

// A cluster's port is from below the kernel's ephemeral range, from which
// every listener on port 0 and every outgoing connection gets theirs, so
// none can take it while the cluster is stopped. Taken all the same, by a
// program that names it, it is waited for.
func TestRestartKeepsItsPort(t *testing.T) {
	c, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	dsn := c.NewDatabase(t)
	if lo := ephemeralStart(); c.Port() >= lo {
		t.Errorf("the cluster's port %d is in the ephemeral range (from %d), where any program could be handed it", c.Port(), lo)
	}
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(c.Port())))
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		time.Sleep(300 * time.Millisecond)
		l.Close()
	}()
	if err := c.Restart(); err != nil {
		t.Fatalf("Restart with the port taken for a moment: %v", err)
	}
	query(t, dsn, "SELECT 1")
}
