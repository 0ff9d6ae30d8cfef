// Package store keeps what a reader makes while reading: where they left
// each article (a place), the article read last, how far they have read
// each one (read marks), the paragraphs they highlighted and the notes on
// them. Everything belongs to an owner: "" for the local reader, later an
// SSH key's fingerprint, so readers sharing one store never see each
// other's data.
//
// What it promises:
//
//   - Every change is its own transaction, committed (WAL journal,
//     synchronous=FULL) before the call returns: a crash, a kill or a power
//     cut loses at most the change in flight, never the file, and nothing is
//     left to write at quit.
//   - Two processes at once (two readers, a reader and `analyst
//     highlights`) both keep all their changes: writes take the database's
//     write lock when they begin (BEGIN IMMEDIATE) and wait for each other
//     (busy timeout). One *Store is safe for many goroutines; its writes
//     queue in the process instead of spinning on the lock.
//   - A highlight is kept whole, with the paragraph it marks (its position
//     and its text), so that Locate finds it again in a library whose text
//     changed; a highlight that can no longer be found is kept and listed
//     as detached, never dropped.
//   - Notes are refused when they hold a control character (an escape code
//     would reach the terminal that shows them); text read back is stripped
//     of any that a hand-edited file holds.
//   - A store that cannot be used never stops reading: Open returns an
//     *Error that says, in words for the status line, that nothing will be
//     kept and why. A file that is not a database, is damaged or was written
//     by a newer analyst is never written, truncated, moved or deleted:
//     Open reads the file's header itself before SQLite touches it, and the
//     whole file is checked (quick_check) before the first change. A failed
//     change returns an *Error that says why (full disk, read-only).
//
// A reader starts with Open and Load (places, read marks, the article read
// last), asks ArticleHighlights for the article it opens, and Highlights
// for the list of them all. Calls read or write the disk, for a
// millisecond or so: a Bubble Tea program makes them in a tea.Cmd, never
// in Update.
//
// A server opens its store with OpenDSN: the same SQLite file, or a
// PostgreSQL database (postgres://...) shared by several instances, with
// the same schema, the same migrations and the same promises: each change
// committed before it returns, the changes of one owner one at a time (an
// advisory lock on the owner, in every instance), migrations run by one
// instance while the others wait. A PostgreSQL that went away, or did not
// answer within the caller's ctx, is an *Error of Problem Unavailable
// ("your changes are not being kept: the server's database is
// unavailable"); the store reconnects by itself when it is back.
//
// Anyone can make an SSH key, so a server's store holds every owner but
// LocalOwner to Limits (DefaultLimits): highlights per owner, characters
// per note, changes per second, and a size past which owners it keeps
// nothing of read without saving. A change past a limit is refused with
// an *Error that says so in words for the reader (errors.Is(err,
// ErrLimit)); Keeps tells a reader who arrives whether their changes will
// be kept.
//
// The SQL is kept to what SQLite and PostgreSQL both take (plain types,
// unix milliseconds, ON CONFLICT upserts); the few differences sit in a
// dialect.
package store
