// Package pgtest runs a throwaway PostgreSQL cluster for tests: initdb in
// a temporary folder, a postgres listening on a free loopback port and on
// a unix socket in that folder, trusted local logins, no fsync (but for
// StartDurable's, which benchmarks measure commits on). It is made
// from the postgresql package's own programs (scripts/ensure-tools
// installs it), in about a second, and stopped and removed by Close; it
// also dies with the test binary should that end first.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// Superuser is the cluster's superuser, trusted without a password.
const Superuser = "postgres"

// How long the server may take to start and to stop, and how long Restart
// waits for its port should another program hold it.
const (
	startTimeout   = 60 * time.Second
	stopTimeout    = 30 * time.Second
	portTakenWait  = 30 * time.Second
	portTakenRetry = 50 * time.Millisecond
)

// Cluster is a running throwaway PostgreSQL. Its methods are for one
// goroutine at a time (a test's, or TestMain's).
type Cluster struct {
	root    string // the temporary folder: the data folder and the server's log
	data    string // the data folder, also the unix socket's
	bin     string
	as      *account
	port    int
	durable bool // commits are synced to the disk, as on a real server

	proc   *os.Process
	exited chan error // receives the server's exit
	dbs    int        // databases made by NewDatabase
}

// Start makes and starts a new cluster, without fsync: what it keeps is
// lost in a crash of the machine, which a test's database can be. The
// folder is made under the system's temporary folder rather than a
// test's, whose parents root's tests keep closed to the user PostgreSQL
// runs as.
func Start() (*Cluster, error) { return start(false) }

// StartDurable is Start with PostgreSQL's defaults for durability (fsync,
// synchronous commits, full page writes), for benchmarks of commits that
// compare with SQLite's synchronous=FULL.
func StartDurable() (*Cluster, error) { return start(true) }

func start(durable bool) (*Cluster, error) {
	bin, err := BinDir()
	if err != nil {
		return nil, err
	}
	as, err := serverAccount()
	if err != nil {
		return nil, err
	}
	root, err := os.MkdirTemp("", "analyst-pg-")
	if err != nil {
		return nil, err
	}
	c := &Cluster{root: root, data: filepath.Join(root, "data"), bin: bin, as: as, durable: durable}
	if err := c.initdb(); err != nil {
		os.RemoveAll(root)
		return nil, err
	}
	// The port is free when picked but could be taken before the server
	// binds it: pick again then.
	for range 5 {
		if c.port, err = freePort(); err != nil {
			break
		}
		if err = c.start(); err == nil || !errors.Is(err, errPortTaken) {
			break
		}
	}
	if err != nil {
		os.RemoveAll(root)
		return nil, err
	}
	return c, nil
}

// initdb makes the data folder, owned by the account the server runs as.
func (c *Cluster) initdb() error {
	if err := os.Chmod(c.root, 0o711); err != nil { // the account passes through it
		return err
	}
	if err := os.Mkdir(c.data, 0o700); err != nil {
		return err
	}
	if err := c.as.own(c.data); err != nil {
		return err
	}
	return output(c.as.command(c.bin, "initdb", "-D", c.data, "-U", Superuser, "--auth=trust",
		"--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"))
}

var errPortTaken = errors.New("the port was taken")

// start starts the server on the cluster's port and waits until it takes
// connections. A throwaway cluster needs no durability: fsync and
// synchronous commits are off unless it is durable.
func (c *Cluster) start() error {
	logPath := filepath.Join(c.root, "server.log")
	logFile, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	defer logFile.Close()
	args := []string{"-D", c.data, "-k", c.data, "-p", strconv.Itoa(c.port),
		"-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "shared_buffers=32MB"}
	if !c.durable {
		args = append(args, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	}
	cmd := c.as.command(c.bin, "postgres", args...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		return err
	}
	c.proc, c.exited = cmd.Process, make(chan error, 1)
	go func() { c.exited <- cmd.Wait() }()
	deadline := time.Now().Add(startTimeout)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		conn, err := pgconn.Connect(ctx, c.DSN("postgres"))
		cancel()
		if err == nil {
			conn.Close(context.Background())
			return nil
		}
		select {
		case werr := <-c.exited:
			c.proc = nil
			log, _ := os.ReadFile(logPath)
			if strings.Contains(string(log), "Address already in use") {
				os.Truncate(logPath, 0)
				return errPortTaken
			}
			return fmt.Errorf("postgres ended at start (%v):\n%s", werr, log)
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			c.Stop()
			return fmt.Errorf("postgres did not take connections within %v: %v", startTimeout, err)
		}
	}
}

// DSN is the URL of a database of the cluster over TCP, as its superuser.
func (c *Cluster) DSN(db string) string {
	u := url.URL{Scheme: "postgres", User: url.User(Superuser), Host: net.JoinHostPort("127.0.0.1", strconv.Itoa(c.port)),
		Path: "/" + db, RawQuery: "sslmode=disable"}
	return u.String()
}

// SocketDSN is the URL of a database of the cluster over its unix socket.
func (c *Cluster) SocketDSN(db string) string {
	q := url.Values{"host": {c.data}, "port": {strconv.Itoa(c.port)}, "sslmode": {"disable"}}
	u := url.URL{Scheme: "postgres", User: url.User(Superuser), Path: "/" + db, RawQuery: q.Encode()}
	return u.String()
}

// Port is the loopback port the server listens on.
func (c *Cluster) Port() int { return c.port }

// Stop stops the server (a fast shutdown: sessions are ended, as when an
// administrator stops it) and waits for it to end. The data stays, for
// Restart. Stopping a stopped cluster does nothing.
func (c *Cluster) Stop() error {
	if c.proc == nil {
		return nil
	}
	defer func() { c.proc = nil }()
	c.proc.Signal(syscall.SIGINT)
	select {
	case <-c.exited:
		return nil
	case <-time.After(stopTimeout):
		c.proc.Kill()
		<-c.exited
		return fmt.Errorf("postgres did not stop within %v, and was killed", stopTimeout)
	}
}

// Restart starts a stopped cluster again, on the same port and data: the
// databases' DSNs stay good. Should another program have taken the port
// all the same (see freePort), Restart waits for it up to portTakenWait.
func (c *Cluster) Restart() error {
	if c.proc != nil {
		return errors.New("the cluster is running")
	}
	deadline := time.Now().Add(portTakenWait)
	for {
		err := c.start()
		if !errors.Is(err, errPortTaken) {
			return err
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("restarting on port %d: %w by another program for %v", c.port, err, portTakenWait)
		}
		time.Sleep(portTakenRetry)
	}
}

// Close stops the server and removes its folder.
func (c *Cluster) Close() error {
	err := c.Stop()
	if rerr := os.RemoveAll(c.root); err == nil {
		err = rerr
	}
	return err
}
