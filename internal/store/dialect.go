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
	// dollarPlaceholders: PostgreSQL numbers its parameters ($1, $2, ...).
	dollarPlaceholders bool
	// greatest is the two-argument maximum, written GREATEST(a, b) in the
	// queries: MAX(a, b) in SQLite.
	greatest string
	// tables counts, in one snapshot, the schema_migrations tables (0 or
	// 1) and the tables that are not analyst's: a database that has some
	// and no schema_migrations is another program's.
	tables string
	// lockWrites, run first in every writing transaction, serialises the
	// writers of one owner. Empty for SQLite, whose BEGIN IMMEDIATE already
	// takes the one write lock; PostgreSQL would take an advisory lock here
	// (pg_advisory_xact_lock(hashtext(?))).
	lockWrites string
	// lockMigrations, run first in the migrating transaction, keeps two
	// processes starting at once from migrating together. Empty for SQLite
	// (BEGIN IMMEDIATE); PostgreSQL: pg_advisory_xact_lock(a constant).
	lockMigrations string
}

// sqliteDialect is the local store's engine.
var sqliteDialect = dialect{
	name:     "sqlite",
	greatest: "MAX",
	tables: `SELECT
		(SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'),
		(SELECT COUNT(*) FROM sqlite_master WHERE name NOT IN ('schema_migrations', 'readers', 'places', 'highlights')
			AND name NOT LIKE 'highlights_by_%' AND name NOT LIKE 'sqlite_%')`,
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
