package store

import "time"

// How long a server should let the store's calls take, as the deadlines
// of their ctx. A call runs in a command, never in a keypress's Update,
// so a slow store never holds up reading; the deadline decides how soon
// the reader is told that their change was not kept ("your changes are
// not being kept: the server's database did not answer in time", an
// *Error of Problem Unavailable) and how long a goroutine waits for a
// database that stalls. A healthy store answers in about a millisecond
// (see the benchmarks): the bounds are a thousand times that, past the
// pauses of a busy database, well short of a reader's patience.
const (
	// OpenTimeout bounds OpenDSN at a server's start: a connection, and
	// the migrations when the schema is behind (which wait for another
	// instance migrating at the same time).
	OpenTimeout = 30 * time.Second
	// LoadTimeout bounds what a reader's session reads when it starts
	// (Load, Highlights or ArticleHighlights, Keeps), and a list of their
	// highlights.
	LoadTimeout = 5 * time.Second
	// ChangeTimeout bounds one change (SavePlace, Toggle, Annotate,
	// SetNote, Delete, Forget). A change cut short by it was rolled back,
	// unless its COMMIT had been sent: it may then have been kept, which
	// the reader sees the next time they load.
	ChangeTimeout = 3 * time.Second
)
