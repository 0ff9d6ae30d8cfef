package cli

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"charm.land/log/v2"
	"github.com/dustin/go-humanize"
	"github.com/jackc/pgx/v5"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"analyst/internal/keeper"
	"analyst/internal/server"
	"analyst/internal/store"
)

// storeFlags are serve's flags of the readers' store: where it is, and
// the limits every key's changes are held to.
type storeFlags struct {
	db     string
	limits store.Limits
	size   byteSize
}

// add registers the flags, with the store's default limits.
func (sf *storeFlags) add(f *pflag.FlagSet) {
	def := store.DefaultLimits()
	sf.size = byteSize(def.StoreBytes)
	f.StringVar(&sf.db, "db", "", "keep what readers with a key make in this SQLite FILE, or in the PostgreSQL database of a postgres:// URL, shared by several instances (default: ~/.local/share/analyst/readers.db) [ANALYST_DB]")
	f.IntVar(&sf.limits.Highlights, "max-highlights", def.Highlights, "highlights kept for one key; 0 for no limit [ANALYST_MAX_HIGHLIGHTS]")
	f.IntVar(&sf.limits.NoteChars, "max-note", def.NoteChars, "characters kept in one note; 0 for no limit [ANALYST_MAX_NOTE]")
	f.Float64Var(&sf.limits.WriteRate, "write-rate", def.WriteRate, "changes a second one key may make, sustained; 0 for no limit [ANALYST_WRITE_RATE]")
	f.IntVar(&sf.limits.WriteBurst, "write-burst", def.WriteBurst, "changes one key may make at once, before --write-rate applies [ANALYST_WRITE_BURST]")
	f.Var(&sf.size, "max-store-size", "the store's size past which keys it keeps nothing for yet read without saving (1GiB, 500MB); 0 for no limit [ANALYST_MAX_STORE_SIZE]")
}

// storeEnv are the store flags' environment variables, for serveEnv.
var storeEnv = [][2]string{
	{"db", "ANALYST_DB"},
	{"max-highlights", "ANALYST_MAX_HIGHLIGHTS"},
	{"max-note", "ANALYST_MAX_NOTE"},
	{"write-rate", "ANALYST_WRITE_RATE"},
	{"write-burst", "ANALYST_WRITE_BURST"},
	{"max-store-size", "ANALYST_MAX_STORE_SIZE"},
}

// validate rejects limits that make no sense, and a --db that is neither
// a file nor a PostgreSQL URL.
func (sf *storeFlags) validate(cmd *cobra.Command) error {
	for name, v := range map[string]int{"max-highlights": sf.limits.Highlights, "max-note": sf.limits.NoteChars, "write-burst": sf.limits.WriteBurst} {
		if v < 0 {
			return usagef(cmd, "--%s must not be negative (got %d)", name, v)
		}
	}
	if sf.limits.WriteRate < 0 {
		return usagef(cmd, "--write-rate must not be negative (got %g)", sf.limits.WriteRate)
	}
	if scheme, _, ok := strings.Cut(sf.db, "://"); ok && !store.IsPostgres(sf.db) {
		return usagef(cmd, "--db %q: the store is an SQLite file or a postgres:// URL, not %s://", redactDSN(sf.db), scheme)
	}
	if store.IsPostgres(sf.db) {
		// As the store will read it, before anything is made (pgx's
		// message masks the password).
		if _, err := pgx.ParseConfig(sf.db); err != nil {
			return usagef(cmd, "--db %s: the database URL is not valid (%v)", redactDSN(sf.db), err)
		}
	}
	return nil
}

// open opens the readers' store, the default file when --db is not
// given. A malformed URL is a usage error (exit 2). A database that
// cannot be reached now is no error: the server starts, its readers read
// without saving (and are told), and the store is opened as soon as it
// answers, so that a database away during a deploy stops no one reading.
// Anything else (a refused login, no such database, another program's
// database, a file that cannot be written) is an error (exit 1): it will
// not mend itself, and an operator starting the server is there to see it.
// getenv is the command's environment, where the default file's place is
// read.
func (sf *storeFlags) open(ctx context.Context, cmd *cobra.Command, logger *log.Logger, getenv func(string) string) (*keeper.Shared, error) {
	sf.limits.StoreBytes = int64(sf.size)
	dsn := sf.db
	if dsn == "" {
		path, err := server.DefaultStorePath(getenv)
		if err != nil {
			return nil, err
		}
		dsn = path
	}
	keepers, err := keeper.OpenShared(ctx, dsn, sf.limits, keeper.Timing{})
	if err != nil {
		var se *store.Error
		if errors.As(err, &se) && se.Problem == store.Invalid {
			return nil, usagef(cmd, "--db %s: %s", redactDSN(dsn), se.Reason)
		}
		if errors.As(err, &se) {
			return nil, fmt.Errorf("cannot open the readers' store (--db %s): %s", redactDSN(dsn), se.Reason)
		}
		return nil, fmt.Errorf("cannot open the readers' store (--db %s): %w", redactDSN(dsn), err)
	}
	if down := keepers.Down(); down != nil {
		logger.Warn("store unavailable at start: serving readers without saving until it answers", "db", redactDSN(dsn), "err", down)
	} else {
		logger.Info("store", "db", redactDSN(dsn), "max_highlights", sf.limits.Highlights, "max_note", sf.limits.NoteChars,
			"write_rate", sf.limits.WriteRate, "write_burst", sf.limits.WriteBurst, "max_store_size", sf.size.String())
	}
	return keepers, nil
}

// redactDSN is --db for messages and logs: a URL without its password,
// even one that does not parse.
func redactDSN(dsn string) string {
	scheme, rest, ok := strings.Cut(dsn, "://")
	if !ok {
		return dsn
	}
	if u, err := url.Parse(dsn); err == nil {
		return u.Redacted()
	}
	if at := strings.LastIndex(rest, "@"); at >= 0 {
		if user, _, hasPass := strings.Cut(rest[:at], ":"); hasPass {
			rest = user + ":xxxxx" + rest[at:]
		}
	}
	return scheme + "://" + rest
}

// byteSize is a flag of a size in bytes, written as 1GiB, 500MB or 0.
type byteSize int64

func (b *byteSize) Set(s string) error {
	n, err := humanize.ParseBytes(s)
	if err != nil || n > 1<<62 {
		return errors.New("is not a size, such as 1GiB or 500MB")
	}
	*b = byteSize(n)
	return nil
}

func (b *byteSize) String() string {
	if *b == 0 {
		return "0"
	}
	return humanize.IBytes(uint64(*b))
}

func (b *byteSize) Type() string { return "size" }
