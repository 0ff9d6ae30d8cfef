package ui

import (
	"maps"
	"slices"
	"sync"

	"analyst/internal/content"
)

// maxSessionHighlights bounds what one session keeps in memory: over SSH
// a stranger writes them.
const maxSessionHighlights = 2000

// MemoryKeeper is a Keeper that keeps everything in memory, for as long as
// the program runs: an SSH session's without a key (or whose store could
// not be used), and the local reader's when its store cannot be opened.
type MemoryKeeper struct {
	mu     sync.Mutex
	kept   Kept
	nextID int64
}

// NewMemoryKeeper returns a keeper holding what seed holds.
func NewMemoryKeeper(seed Kept) *MemoryKeeper {
	k := &MemoryKeeper{kept: copyKept(seed)}
	for _, h := range k.kept.Highlights {
		k.nextID = max(k.nextID, h.ID)
	}
	return k
}

func copyKept(k Kept) Kept {
	out := Kept{
		Places:     maps.Clone(k.Places),
		LastRead:   k.LastRead,
		Read:       maps.Clone(k.Read),
		Highlights: slices.Clone(k.Highlights),
	}
	if out.Places == nil {
		out.Places = map[string]Place{}
	}
	if out.Read == nil {
		out.Read = map[string]bool{}
	}
	return out
}

// Load returns a copy of what the keeper holds.
func (k *MemoryKeeper) Load(*content.Library) (Kept, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	return copyKept(k.kept), nil
}

// SavePlace keeps a place, the article read last and a read mark.
func (k *MemoryKeeper) SavePlace(article string, p Place) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.kept.Places[article] = p
	k.kept.LastRead = article
	if p.End || p.Progress >= 1 {
		k.kept.Read[article] = true
	}
	return nil
}

// errSessionFull is what a session gets past maxSessionHighlights.
var errSessionFull = refusal("the highlight was not kept: this session keeps at most 2000 highlights")

// refusal is a change a keeper refuses for good (ErrRefused).
type refusal string

func (r refusal) Error() string        { return string(r) }
func (r refusal) Is(target error) bool { return target == ErrRefused }

// AddHighlight keeps a highlight and gives it the next id.
func (k *MemoryKeeper) AddHighlight(h Highlight) (int64, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if len(k.kept.Highlights) >= maxSessionHighlights {
		return 0, errSessionFull
	}
	k.nextID++
	h.ID = k.nextID
	k.kept.Highlights = append(k.kept.Highlights, h)
	return h.ID, nil
}

// SaveNote replaces a highlight's note.
func (k *MemoryKeeper) SaveNote(id int64, note string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	i := k.find(id)
	if i < 0 {
		return errNoHighlight
	}
	k.kept.Highlights[i].Note = note
	return nil
}

// DeleteHighlight removes a highlight.
func (k *MemoryKeeper) DeleteHighlight(id int64) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	i := k.find(id)
	if i < 0 {
		return errNoHighlight
	}
	k.kept.Highlights = slices.Delete(k.kept.Highlights, i, i+1)
	return nil
}

// errNoHighlight refuses a change to a highlight the keeper does not
// have: trying again would not find it either.
var errNoHighlight = refusal("no such highlight")

func (k *MemoryKeeper) find(id int64) int {
	return slices.IndexFunc(k.kept.Highlights, func(h Highlight) bool { return h.ID == id })
}
