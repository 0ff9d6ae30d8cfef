package store

import (
	"context"
	"database/sql"
	"fmt"
)

// migration is one step of the schema, applied once and recorded in
// schema_migrations. Migrations are only ever appended: a released one is
// never edited, so every database, however old, reaches the same schema.
type migration struct {
	version    int
	statements []string
}

// migrations is the schema's history, oldest first. The SQL is what SQLite
// and PostgreSQL both take: TEXT, INTEGER, BIGINT, DOUBLE PRECISION, times
// as unix milliseconds, flags as 0 or 1. Every table is partitioned by
// owner ("" for the local reader, an SSH key's fingerprint on a server).
var migrations = []migration{{
	version: 1,
	statements: []string{
		`CREATE TABLE schema_migrations (
			version    INTEGER NOT NULL PRIMARY KEY,
			applied_ms BIGINT  NOT NULL
		)`,
		// readers: one row per owner, what is kept about the reader as a whole.
		`CREATE TABLE readers (
			owner        TEXT   NOT NULL PRIMARY KEY,
			last_issue   TEXT   NOT NULL,
			last_article TEXT   NOT NULL,
			updated_ms   BIGINT NOT NULL
		)`,
		// places: where the reader left each article, and how far they
		// have ever read it (the read mark).
		`CREATE TABLE places (
			owner      TEXT             NOT NULL,
			issue      TEXT             NOT NULL,
			article    TEXT             NOT NULL,
			section    TEXT             NOT NULL,
			fraction   DOUBLE PRECISION NOT NULL,
			at_end     INTEGER          NOT NULL CHECK (at_end IN (0, 1)),
			furthest   DOUBLE PRECISION NOT NULL,
			finished   INTEGER          NOT NULL CHECK (finished IN (0, 1)),
			updated_ms BIGINT           NOT NULL,
			PRIMARY KEY (owner, issue, article)
		)`,
		// highlights: a paragraph the reader marked, anchored by position
		// (section, paragraph index) and by its whole text (quote), with
		// the reader's note ("" for none).
		`CREATE TABLE highlights (
			owner      TEXT    NOT NULL,
			id         BIGINT  NOT NULL,
			issue      TEXT    NOT NULL,
			article    TEXT    NOT NULL,
			section    TEXT    NOT NULL,
			paragraph  INTEGER NOT NULL,
			quote      TEXT    NOT NULL,
			note       TEXT    NOT NULL,
			created_ms BIGINT  NOT NULL,
			updated_ms BIGINT  NOT NULL,
			PRIMARY KEY (owner, id)
		)`,
		`CREATE INDEX highlights_by_article ON highlights (owner, issue, article, created_ms, id)`,
		`CREATE INDEX highlights_by_time ON highlights (owner, created_ms, id)`,
	},
}}

// latest is the schema version this store writes: its last migration's.
func (s *Store) latest() int { return s.schema[len(s.schema)-1].version }

// version reads the database's schema version: 0 for a new database.
// foreign reports tables that are not analyst's in a database without a
// version: another program's database.
func version(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, d dialect) (v int, foreign bool, err error) {
	var versionTables, others int
	if err := q.QueryRowContext(ctx, d.tables).Scan(&versionTables, &others); err != nil {
		return 0, false, err
	}
	if versionTables == 0 {
		return 0, others > 0, nil
	}
	var max sql.NullInt64
	if err := q.QueryRowContext(ctx, "SELECT MAX(version) FROM schema_migrations").Scan(&max); err != nil {
		return 0, false, err
	}
	return int(max.Int64), false, nil
}

// tooNew is the error for a database whose schema this analyst does not
// know: it was written by a newer one, and is left alone.
func (s *Store) tooNew(v int) *Error {
	return &Error{Op: opOpen, Path: s.path, Problem: TooNew,
		Reason: s.leftAsIs(fmt.Sprintf("%s was written by a newer analyst (schema %d; this one knows up to %d)", s.name(), v, s.latest()))}
}

// migrate brings the schema up to date in one transaction, which holds the
// write lock: a second process starting at once waits, then finds the
// schema current and does nothing.
func (s *Store) migrate(ctx context.Context) error {
	return s.write(ctx, opOpen, "", func(tx *sql.Tx) error {
		if s.d.lockMigrations != "" {
			if _, err := tx.ExecContext(ctx, s.d.lockMigrations); err != nil {
				return err
			}
		}
		v, _, err := version(ctx, tx, s.d)
		if err != nil {
			return err
		}
		if v > s.latest() {
			return s.tooNew(v)
		}
		for _, m := range s.schema {
			if m.version <= v {
				continue
			}
			for _, stmt := range m.statements {
				if _, err := tx.ExecContext(ctx, stmt); err != nil {
					return fmt.Errorf("migration %d: %w", m.version, err)
				}
			}
			if _, err := tx.ExecContext(ctx, s.d.bind("INSERT INTO schema_migrations (version, applied_ms) VALUES (?, ?)"),
				m.version, s.now().UnixMilli()); err != nil {
				return err
			}
		}
		return nil
	})
}
