package ui

import (
	"errors"
	"time"

	"analyst/internal/content"
)

// Keeper keeps what a reader writes: where they left each article, the
// article read last, the articles read to the end, and their highlights
// and notes. The local store (SQLite) is one; MemoryKeeper keeps them for
// one session, as an SSH session does until readers are known by their
// keys.
//
// The reader calls a Keeper from commands, never while it handles a key,
// one call at a time and in the order the reader acted, so that an
// implementation may block (on a disk, a lock or a network) and need not
// be safe for concurrent use by one reader.
type Keeper interface {
	// Load returns what was kept for the articles of lib. A highlight
	// whose paragraph the library's text no longer has comes back
	// Detached, with its quote and note. It is called once, first, from
	// the program's first command: a keeper may open its store there. An
	// error says, in a sentence for the notice line, why nothing will be
	// kept; the reader then keeps things in memory for the session.
	Load(lib *content.Library) (Kept, error)
	// SavePlace keeps where the reader is in an article (by article key (content.Article.Key)),
	// and makes it the article read last; a place at the end (Progress
	// 1) marks the article read, and it stays read.
	SavePlace(article string, p Place) error
	// AddHighlight keeps a new highlight, with its note if it has one,
	// and returns its id.
	AddHighlight(h Highlight) (int64, error)
	// SaveNote replaces a highlight's note; "" removes it.
	SaveNote(id int64, note string) error
	// DeleteHighlight removes a highlight and its note.
	DeleteHighlight(id int64) error
}

// What a Keeper's change may have come to, besides being kept or failing
// (a full disk): its errors wrap these (errors.Is finds them).
var (
	// ErrUnavailable says the keeper cannot be reached now (a database
	// down, or slow past the keeper's deadline). The change is held, with
	// every change after it, in order, and made again at the next change,
	// or at once when the program hears that the keeper is back
	// (KeepingMsg{}).
	ErrUnavailable = errors.New("the keeper is unavailable")
	// ErrRefused says the keeper refuses the change for good (one of a
	// server's limits): a highlight refused is taken off the screen, and
	// the notice line says why.
	ErrRefused = errors.New("the keeper refused the change")
)

// Kept is what a Keeper returns for a library.
type Kept struct {
	Places     map[string]Place // by article key (content.Article.Key)
	LastRead   string           // a content.Article.Key, or ""
	Read       map[string]bool  // the articles read to the end, by article key (content.Article.Key)
	Highlights []Highlight
	// Notice, when set, says why what the reader does from now on will
	// not be kept (a store that can only be read); it stays on the
	// notice line.
	Notice string
}

// Highlight is a paragraph the reader marked, with their note. It is
// anchored by position (article, section, paragraph) and by the
// paragraph's text (Quote), so that a keeper can find it again in a
// library whose text changed, or keep it Detached when it cannot.
type Highlight struct {
	ID        int64     // the keeper's; 0 until kept
	Article   string    // its article's content.Article.Key
	Section   string    // the section's slug
	Paragraph int       // index in the section's Paragraphs
	Quote     string    // the paragraph's text
	Note      string    // what the reader wrote beside it, or ""
	Created   time.Time // when it was made
	Detached  bool      // its paragraph is no longer in the library
}
