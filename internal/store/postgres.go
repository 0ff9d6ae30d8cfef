package store

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// Connections to PostgreSQL, per Store (per server process). Changes of
// different owners run side by side; ten at once keep up with thousands
// of readers (a change takes a millisecond or two), and several
// instances stay well inside PostgreSQL's default max_connections of 100.
const (
	pgMaxConns    = 10
	pgIdleTimeout = 5 * time.Minute
	// pgConnectTimeout bounds a connection attempt when the URL sets no
	// connect_timeout, so that even a caller without a deadline is told,
	// rather than held, when the server cannot be reached.
	pgConnectTimeout = 5 * time.Second
)

// IsPostgres reports whether a --db value names a PostgreSQL database
// (postgres:// or postgresql://) rather than an SQLite file.
func IsPostgres(dsn string) bool {
	lower := strings.ToLower(dsn)
	return strings.HasPrefix(lower, "postgres://") || strings.HasPrefix(lower, "postgresql://")
}

// openPostgres opens a PostgreSQL database through database/sql and pgx's
// driver, migrating its schema when it is behind.
func openPostgres(ctx context.Context, dsn string, schema []migration) (*Store, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		// pgx's message masks the password.
		return nil, &Error{Op: opOpen, Path: "postgres://…", Problem: Invalid, Err: err,
			Reason: fmt.Sprintf("the database URL is not valid (%v)", err)}
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = pgConnectTimeout
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(pgMaxConns)
	db.SetMaxIdleConns(pgMaxConns)
	db.SetConnMaxIdleTime(pgIdleTimeout)
	s := newStore(postgresDialect, displayURL(cfg), db)
	s.schema = schema
	if err := s.start(ctx, true); err != nil {
		db.Close()
		return nil, err
	}
	return s, s.ReadOnly()
}

// displayURL is the database's URL for logs: its user, host and name,
// never its password.
func displayURL(cfg *pgx.ConnConfig) string {
	u := url.URL{Scheme: "postgres", User: url.User(cfg.User), Path: "/" + cfg.Database}
	if strings.HasPrefix(cfg.Host, "/") { // a unix socket's folder
		u.RawQuery = url.Values{"host": {cfg.Host}}.Encode()
	} else {
		u.Host = net.JoinHostPort(cfg.Host, strconv.Itoa(int(cfg.Port)))
	}
	return u.String()
}
