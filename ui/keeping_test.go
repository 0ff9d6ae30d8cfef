package ui

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"analyst/internal/content"
)

// outageKeeper is a MemoryKeeper behind a switch: while down, every change
// fails with ErrUnavailable, as a server's store does while its database
// is away; refuse makes AddHighlight refuse for good, as a server's limit
// does. It records the changes it took, in order.
type outageKeeper struct {
	MemoryKeeper
	mu      sync.Mutex
	down    bool
	refuse  bool
	written []string
}

var errDown = fmt.Errorf("your changes are not being kept: the server's database is unavailable (%w)", ErrUnavailable)

var errTooMany = fmt.Errorf("the highlight was not kept: you have 3 highlights, the most this server keeps (%w)", ErrRefused)

func (k *outageKeeper) setDown(down bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.down = down
}

func (k *outageKeeper) took(what string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.down {
		return errDown
	}
	k.written = append(k.written, what)
	return nil
}

func (k *outageKeeper) log() []string {
	k.mu.Lock()
	defer k.mu.Unlock()
	return append([]string(nil), k.written...)
}

func (k *outageKeeper) SavePlace(a string, p Place) error {
	if err := k.took(fmt.Sprintf("place %s %.2f", a, p.Fraction)); err != nil {
		return err
	}
	return k.MemoryKeeper.SavePlace(a, p)
}

func (k *outageKeeper) AddHighlight(h Highlight) (int64, error) {
	k.mu.Lock()
	refuse := k.refuse
	k.mu.Unlock()
	if refuse {
		return 0, errTooMany
	}
	if err := k.took(fmt.Sprintf("add %s/%d %q", h.Section, h.Paragraph, h.Note)); err != nil {
		return 0, err
	}
	return k.MemoryKeeper.AddHighlight(h)
}

func (k *outageKeeper) SaveNote(id int64, note string) error {
	if err := k.took(fmt.Sprintf("note %q", note)); err != nil {
		return err
	}
	return k.MemoryKeeper.SaveNote(id, note)
}

func (k *outageKeeper) DeleteHighlight(id int64) error {
	if err := k.took("delete"); err != nil {
		return err
	}
	return k.MemoryKeeper.DeleteHighlight(id)
}

func (hs *harness) noticeLine() string { return strings.Split(hs.screen(), "\n")[0] }

// While the keeper is unavailable reading goes on and the reader is told
// that their changes are not being kept; what they change meanwhile is
// held, and written in the order it was made once the keeper is back, a
// highlight's note after its highlight, and each place only as it was
// last.
func TestChangesAreHeldWhileTheKeeperIsAwayAndWrittenWhenItIsBack(t *testing.T) {
	k := &outageKeeper{MemoryKeeper: *NewMemoryKeeper(Kept{})}
	hs := newHarness(t, Options{Keeper: k}, 100, 30)
	hs.keys("2")
	before := len(k.log())

	k.setDown(true)
	hs.send(KeepingMsg{Err: errDown})
	if got := hs.noticeLine(); !strings.Contains(got, "Your changes are not being kept: the server's database is unavailable") {
		t.Fatalf("the notice line says the changes are not kept, and why: %q", got)
	}
	hs.keys("v", "m", "a")
	hs.typeText("why")
	hs.keys("enter", "j", "j", "space", "space")
	if hs.m.screen != readerScreen || hs.m.c.notes.count(hs.article("cutler")) != 1 {
		t.Fatalf("reading and marking go on while the keeper is away")
	}
	if got := k.log(); len(got) != before {
		t.Fatalf("nothing is written while the keeper is away: %q", got[before:])
	}
	if !strings.Contains(hs.noticeLine(), "not being kept") {
		t.Errorf("the notice stays while the keeper is away: %q", hs.noticeLine())
	}

	k.setDown(false)
	hs.send(KeepingMsg{})
	got := k.log()[before:]
	var places int
	for _, w := range got {
		if strings.HasPrefix(w, "place 2026-01/cutler") {
			places++
		}
	}
	if len(got) < 3 || !strings.HasPrefix(got[0], "add ") || got[1] != `note "why"` || places != 1 {
		t.Errorf("when the keeper is back, the held changes are written in order, the place once: %q", got)
	}
	if line := hs.noticeLine(); !strings.Contains(line, "Your changes are kept again.") {
		t.Errorf("the reader is told that changes are kept again: %q", line)
	}
	hs.keys("j")
	if line := hs.noticeLine(); strings.Contains(line, "kept again") || strings.Contains(line, "not being kept") {
		t.Errorf("the news goes with the next key: %q", line)
	}
}

// Without news from outside (a local store that was busy), held changes
// are tried again with the next change, and the notice goes when they
// are written.
func TestHeldChangesGoWithTheNextChange(t *testing.T) {
	k := &outageKeeper{MemoryKeeper: *NewMemoryKeeper(Kept{})}
	hs := newHarness(t, Options{Keeper: k}, 100, 30)
	hs.keys("2", "v")
	k.setDown(true)
	hs.keys("m")
	if line := hs.noticeLine(); !strings.Contains(line, "Your changes are not being kept") {
		t.Fatalf("a change the keeper cannot take is said at once: %q", line)
	}
	k.setDown(false)
	hs.keys("j", "m")
	kept := loaded(t, &k.MemoryKeeper)
	if len(kept.Highlights) != 2 || kept.Highlights[0].Section != "lead" || kept.Highlights[1].Section == "lead" {
		t.Errorf("the held highlight is written before the next: %+v", kept.Highlights)
	}
	if line := hs.noticeLine(); strings.Contains(line, "not being kept") {
		t.Errorf("the notice goes once the held changes are written: %q", line)
	}
}

// A highlight the keeper refuses for good goes from the screen, and the
// notice line says why: it is never left on screen as if it were kept.
func TestARefusedHighlightGoesWithItsReason(t *testing.T) {
	k := &outageKeeper{MemoryKeeper: *NewMemoryKeeper(Kept{})}
	hs := newHarness(t, Options{Keeper: k}, 100, 30)
	hs.keys("2", "v", "m")
	k.mu.Lock()
	k.refuse = true
	k.mu.Unlock()
	hs.keys("j", "m")
	if n := hs.m.c.notes.count(hs.article("cutler")); n != 1 {
		t.Errorf("the refused highlight is taken off the screen: %d highlights shown", n)
	}
	if line := hs.noticeLine(); !strings.Contains(line, "The highlight was not kept: you have 3 highlights") {
		t.Errorf("the notice line says why: %q", line)
	}
}

// The session's own limit is a refusal too.
func TestASessionPastItsHighlightsIsRefused(t *testing.T) {
	k := NewMemoryKeeper(Kept{})
	for i := range maxSessionHighlights {
		if _, err := k.AddHighlight(Highlight{Article: "x/y", Paragraph: i}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := k.AddHighlight(Highlight{}); !errors.Is(err, ErrRefused) {
		t.Errorf("past its highlights a session refuses: %v", err)
	}
}

// A reader without a key is told at once, until their first key, that
// nothing outlives the session and that a key would keep their place.
func TestAReaderWithoutAKeyIsToldOnce(t *testing.T) {
	hs := newHarness(t, Options{Keeper: NewMemoryKeeper(Kept{}), SessionOnly: true, KeyWouldKeep: true}, 100, 30)
	if line := hs.noticeLine(); !strings.Contains(line, "No SSH key: kept for this session only. Connect with a key to keep your place.") {
		t.Errorf("the first screen says so: %q", line)
	}
	hs.keys("j")
	if line := hs.noticeLine(); strings.Contains(line, "SSH key") {
		t.Errorf("once: %q", line)
	}
	keyed := newHarness(t, Options{Keeper: NewMemoryKeeper(Kept{})}, 100, 30)
	if line := keyed.noticeLine(); strings.Contains(line, "SSH key") {
		t.Errorf("a reader whose things are kept is not told: %q", line)
	}
	keepsNothing := newHarness(t, Options{Keeper: NewMemoryKeeper(Kept{}), SessionOnly: true}, 100, 30)
	if line := keepsNothing.noticeLine(); strings.Contains(line, "SSH key") {
		t.Errorf("where a key would keep nothing either, a key is not offered: %q", line)
	}
}

// The note editor takes no more than the keeper keeps.
func TestTheNoteEditorTakesWhatTheKeeperKeeps(t *testing.T) {
	k := NewMemoryKeeper(Kept{})
	hs := newHarness(t, Options{Keeper: k, MaxNote: 5}, 100, 30)
	hs.keys("2", "v", "a")
	hs.typeText("abcdefgh")
	hs.keys("enter")
	kept := loaded(t, k)
	if len(kept.Highlights) != 1 || kept.Highlights[0].Note != "abcde" {
		t.Errorf("the note is cut at MaxNote: %+v", kept.Highlights)
	}
}

// Held changes are bounded: a place is held only as it was last, and past
// maxHeld the oldest changes go, counted.
func TestHeldChangesAreBounded(t *testing.T) {
	k := &outageKeeper{MemoryKeeper: *NewMemoryKeeper(Kept{})}
	k.setDown(true)
	s := &saver{keeper: k}
	for i := range 50 {
		s.addPlace("a/b", func(k Keeper) error { return k.SavePlace("a/b", Place{Fraction: float64(i)}) })
	}
	for i := range maxHeld + 10 {
		s.add(func(k Keeper) error { return k.SaveNote(1, fmt.Sprint(i)) })
	}
	if err := s.flush(); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("flush: %v", err)
	}
	if len(s.held) != maxHeld || s.dropped != 11 {
		t.Errorf("held %d, dropped %d: want %d and 11 (the place, held once, and the oldest notes)", len(s.held), s.dropped, maxHeld)
	}
	k.setDown(false)
	s.flush() // the notes are of no highlight: each fails, and the rest go on
	if s.holding() {
		t.Errorf("once the keeper is back nothing is held")
	}
}

// A write command that finds nothing to write says so: no outcome of
// its own replaces the last one on the notice line.
func TestAWriteWithNothingToWriteSaysNothing(t *testing.T) {
	s := &saver{keeper: NewMemoryKeeper(Kept{})}
	if msg := s.writeCmd(); msg != (savedMsg{}) {
		t.Errorf("nothing written, and yet %#v", msg)
	}
	s.add(func(k Keeper) error { return k.SavePlace("a/b", Place{}) })
	if msg := s.writeCmd(); msg != (savedMsg{wrote: true}) {
		t.Errorf("a change written: %#v", msg)
	}
}

// A keeper unavailable when the reader starts is kept: the reader is told
// that their changes are not being kept, and once it is back what they
// made meanwhile is written to it, not to a keeper in memory.
func TestAKeeperAwayAtStartIsKeptForWhenItIsBack(t *testing.T) {
	k := &outageKeeper{MemoryKeeper: *NewMemoryKeeper(Kept{})}
	k.setDown(true)
	hs := newHarness(t, Options{Keeper: &awayAtLoad{k}}, 100, 30)
	if line := hs.noticeLine(); !strings.Contains(line, "Your changes are not being kept") {
		t.Fatalf("the first screen says the changes are not kept: %q", line)
	}
	hs.keys("2", "v", "m")
	k.setDown(false)
	hs.send(KeepingMsg{})
	if got := k.log(); len(got) != 2 || !strings.HasPrefix(got[0], "place 2026-01/cutler") || !strings.HasPrefix(got[1], "add lead/0") {
		t.Errorf("the place and the highlight made meanwhile are written to the keeper once it is back: %q", got)
	}
}

// awayAtLoad is an outageKeeper whose Load fails while it is down.
type awayAtLoad struct{ *outageKeeper }

func (k *awayAtLoad) Load(lib *content.Library) (Kept, error) {
	k.mu.Lock()
	down := k.down
	k.mu.Unlock()
	if down {
		return Kept{}, errDown
	}
	return k.MemoryKeeper.Load(lib)
}
