package store

import (
	"strconv"
	"strings"
)

// dialect is what differs between the SQL engines the store runs on. The
// schema, the migrations and every query are written once, in SQL both
// SQLite and PostgreSQL take (plain types, ON CONFLICT upserts, "?"
// placeholders rebound here); only these few things are said per engine.
type dialect struct {
	name string
	// postgres: errors are PostgreSQL's (failPG), and messages name the
	// server's database rather than a file.
	postgres bool
	// dollarPlaceholders: PostgreSQL numbers its parameters ($1, $2, ...).
	dollarPlaceholders bool
	// greatest is the two-argument maximum, written GREATEST(a, b) in the
	// queries: MAX(a, b) in SQLite.
	greatest string
	// tables counts, in one snapshot, the schema_migrations tables (0 or
	// 1) and the tables that are not analyst's: a database that has some
	// and no schema_migrations is another program's.
	tables string
	// lockWrites, run first in every writing transaction with the owner
	// as its one argument, serialises the writers of one owner, in every
	// process: what a change reads (the paragraph's highlights, how many
	// the owner has) stays true until it commits. Empty for SQLite, whose
	// BEGIN IMMEDIATE already takes the one write lock.
	lockWrites string
	// lockMigrations, run first in the migrating transaction, keeps two
	// processes starting at once from migrating together: the second waits,
	// then finds the schema current. Empty for SQLite (BEGIN IMMEDIATE).
	lockMigrations string
	// oneWriter: the engine has one write lock, so the process's writers
	// queue for it in the process (Store.writing) rather than in the
	// engine's busy loop. PostgreSQL writes for many owners at once.
	oneWriter bool
	// fileChecks: the database is a file the store checks itself (its
	// header at Open, quick_check before the first change) and puts in WAL
	// mode.
	fileChecks bool
	// size is the store's size in bytes, for Limits.StoreBytes.
	size string
}

// sqliteDialect is the local store's engine.
var sqliteDialect = dialect{
	name:     "sqlite",
	greatest: "MAX",
	tables: `SELECT
		(SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'),
		(SELECT COUNT(*) FROM sqlite_master WHERE name NOT IN ('schema_migrations', 'readers', 'places', 'highlights')
			AND name NOT LIKE 'highlights_by_%' AND name NOT LIKE 'sqlite_%')`,
	oneWriter:  true,
	fileChecks: true,
	// The pages in use: a file that had more keeps its free pages for
	// later rows.
	size: "SELECT (page_count - freelist_count) * page_size FROM pragma_page_count(), pragma_freelist_count(), pragma_page_size()",
}

// postgresDialect is a server's shared store. Its advisory locks are
// namespaced by analyst's own keys ("anal" for owners, "analyst\0" for the
// migrations), so that other programs' locks in the same database do not
// meet them; two owners whose names hash alike only wait for each other.
var postgresDialect = dialect{
	name:               "postgres",
	postgres:           true,
	dollarPlaceholders: true,
	greatest:           "GREATEST",
	tables: `SELECT
		(SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'schema_migrations'),
		(SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()
			AND tablename NOT IN ('schema_migrations', 'readers', 'places', 'highlights'))`,
	lockWrites:     "SELECT pg_advisory_xact_lock(1634623852, hashtext(?))",
	lockMigrations: "SELECT pg_advisory_xact_lock(7020655987639153664)",
	size: `SELECT pg_total_relation_size('readers') + pg_total_relation_size('places')
		+ pg_total_relation_size('highlights')`,
}

// sql rewrites a query, written with "?" placeholders and GREATEST, for
// the dialect.
func (d dialect) sql(q string) string {
	if d.greatest != "GREATEST" {
		q = strings.ReplaceAll(q, "GREATEST(", d.greatest+"(")
	}
	return d.bind(q)
}

// bind rewrites a query's "?" placeholders for the dialect. Queries hold
// no "?" in literals.
func (d dialect) bind(q string) string {
	if !d.dollarPlaceholders {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
