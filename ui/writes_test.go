package ui

import (
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"analyst/internal/content"
	"analyst/internal/render"
	"analyst/internal/testlib"
)

// flakyKeeper fails its next writes with an error that is neither a
// refusal nor the keeper being away (a busy or full disk).
type flakyKeeper struct {
	MemoryKeeper
	mu    sync.Mutex
	fails int // writes still to fail
}

var errDiskFull = errors.New("the highlight was not kept: the disk is full")

func (k *flakyKeeper) failNext(n int) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.fails = n
}

func (k *flakyKeeper) fail() error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.fails > 0 {
		k.fails--
		return errDiskFull
	}
	return nil
}

func (k *flakyKeeper) AddHighlight(h Highlight) (int64, error) {
	if err := k.fail(); err != nil {
		return 0, err
	}
	return k.MemoryKeeper.AddHighlight(h)
}

func (k *flakyKeeper) SaveNote(id int64, note string) error {
	if err := k.fail(); err != nil {
		return err
	}
	return k.MemoryKeeper.SaveNote(id, note)
}

func (k *flakyKeeper) SavePlace(a string, p Place) error {
	if err := k.fail(); err != nil {
		return err
	}
	return k.MemoryKeeper.SavePlace(a, p)
}

// A highlight whose write failed once is not lost: it is held, with the
// note written after it, and both are written when the next change is;
// the notice line says so until nothing is left to write.
func TestAFailedWriteIsHeldAndWrittenWithTheNext(t *testing.T) {
	k := &flakyKeeper{MemoryKeeper: *NewMemoryKeeper(Kept{})}
	hs := newHarness(t, Options{Keeper: k}, 100, 30)
	hs.keys("2", "v")
	k.failNext(1)
	hs.keys("m")
	if line := hs.noticeLine(); !strings.Contains(line, "The highlight was not kept: the disk is full") {
		t.Fatalf("the failure is on the notice line: %q", line)
	}
	hs.keys("j", "a")
	hs.typeText("why")
	hs.keys("enter")
	kept := loaded(t, &k.MemoryKeeper)
	if len(kept.Highlights) != 2 || kept.Highlights[0].Section != "lead" || kept.Highlights[1].Note != "why" {
		t.Fatalf("both highlights are kept, the failed one first: %+v", kept.Highlights)
	}
	if line := hs.noticeLine(); strings.Contains(line, "not kept") {
		t.Errorf("the notice goes once everything is written: %q", line)
	}
}

// Held changes are tried again after a while, with no new change to
// carry them.
func TestHeldChangesAreTriedAgainAfterADelay(t *testing.T) {
	k := &flakyKeeper{MemoryKeeper: *NewMemoryKeeper(Kept{})}
	hs := newHarness(t, Options{Keeper: k}, 100, 30)
	hs.keys("2", "v")
	k.failNext(2)
	hs.keys("m")
	if got := hs.m.c.notes.saver.tries(); got != 1 {
		t.Fatalf("the held highlight failed %d times, want 1", got)
	}
	hs.m.c.notes.retryDelay = time.Millisecond
	cmd := hs.m.c.notes.saved(savedMsg{wrote: true, err: errDiskFull})
	if cmd == nil {
		t.Fatal("a failed change asks to be tried again")
	}
	hs.m.c.notes.retryDelay = 0
	hs.send(retryDueMsg{}) // fails again
	if line := hs.noticeLine(); !strings.Contains(line, "not kept") {
		t.Errorf("still not kept, still said: %q", line)
	}
	hs.send(retryDueMsg{})
	if kept := loaded(t, &k.MemoryKeeper); len(kept.Highlights) != 1 {
		t.Errorf("the third try keeps the highlight: %+v", kept.Highlights)
	}
	if line := hs.noticeLine(); strings.Contains(line, "not kept") {
		t.Errorf("and the notice goes: %q", line)
	}
}

// A change that keeps failing is given up at last: its highlight goes
// from the screen (it is never shown as kept), the notice says why, and
// the changes after it are written.
func TestAChangeThatKeepsFailingIsGivenUpAndSaid(t *testing.T) {
	k := &flakyKeeper{MemoryKeeper: *NewMemoryKeeper(Kept{})}
	hs := newHarness(t, Options{Keeper: k}, 100, 30)
	hs.keys("2", "v")
	k.failNext(maxTries)
	hs.keys("m")
	for range maxTries - 1 {
		hs.send(retryDueMsg{})
	}
	if n := hs.m.c.notes.count(hs.article("cutler")); n != 0 {
		t.Errorf("a highlight given up is not shown: %d highlights", n)
	}
	if line := hs.noticeLine(); !strings.Contains(line, "The highlight was not kept: the disk is full") {
		t.Errorf("the notice says why: %q", line)
	}
	if hs.m.c.notes.saver.holding() {
		t.Errorf("nothing is held after it")
	}
}

// gateKeeper blocks every write until released, and counts them.
type gateKeeper struct {
	MemoryKeeper
	gate   chan struct{}
	mu     sync.Mutex
	writes int
}

func (k *gateKeeper) AddHighlight(h Highlight) (int64, error) {
	<-k.gate
	k.mu.Lock()
	k.writes++
	k.mu.Unlock()
	return k.MemoryKeeper.AddHighlight(h)
}

func (k *gateKeeper) DeleteHighlight(id int64) error {
	<-k.gate
	k.mu.Lock()
	k.writes++
	k.mu.Unlock()
	return k.MemoryKeeper.DeleteHighlight(id)
}

// runAll runs a command and what it batches each in a goroutine of its
// own, as Bubble Tea does; running counts those not finished.
func runAll(cmd tea.Cmd, running *atomic.Int32, wg *sync.WaitGroup) {
	if cmd == nil {
		return
	}
	wg.Add(1)
	running.Add(1)
	go func() {
		defer wg.Done()
		defer running.Add(-1)
		if cmds, ok := batched(cmd()); ok {
			for _, c := range cmds {
				runAll(c, running, wg)
			}
		}
	}()
}

// Behind a slow keeper, one write is in flight at a time: keys do not
// each start a command that waits for the keeper.
func TestOneWriteInFlight(t *testing.T) {
	k := &gateKeeper{MemoryKeeper: *NewMemoryKeeper(Kept{}), gate: make(chan struct{})}
	hs := newHarness(t, Options{Keeper: k}, 100, 30)
	hs.keys("2", "v")
	var running atomic.Int32
	var wg sync.WaitGroup
	for range 20 {
		_, cmd := hs.m.Update(keyPress("m"))
		runAll(cmd, &running, &wg)
	}
	time.Sleep(100 * time.Millisecond) // the commands that do not write are done
	if n := running.Load(); n != 1 {
		t.Errorf("%d commands wait for the keeper after 20 changes, want 1", n)
	}
	close(k.gate)
	wg.Wait()
	if k.writes != 20 {
		t.Errorf("that one command wrote %d of the 20 changes", k.writes)
	}
}

// slowLoadKeeper answers Load only when released, and notes whether a
// change came before it answered.
type slowLoadKeeper struct {
	MemoryKeeper
	release  chan struct{}
	mu       sync.Mutex
	answered bool
	early    int // changes written before Load answered
	loads    int
}

func (k *slowLoadKeeper) Load(lib *content.Library) (Kept, error) {
	<-k.release
	k.mu.Lock()
	k.answered = true
	k.loads++
	k.mu.Unlock()
	return k.MemoryKeeper.Load(lib)
}

func (k *slowLoadKeeper) AddHighlight(h Highlight) (int64, error) {
	k.mu.Lock()
	if !k.answered {
		k.early++
	}
	k.mu.Unlock()
	return k.MemoryKeeper.AddHighlight(h)
}

// startedReader is a reader on an article, its text on screen, whose
// first command (the keeper's Load) has not run: it is returned.
func startedReader(t *testing.T, k Keeper) (*harness, tea.Cmd) {
	lib := testlib.Library(t)
	a, _ := lib.Find("2")
	hs := &harness{tb: t, m: New(Options{Library: lib, Keeper: k, Article: a, Style: render.Dark, Cache: render.NewCache(render.DefaultCacheBytes)})}
	load := hs.m.Init()
	hs.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	hs.keys("v", "m")
	return hs, load
}

// Flush writes nothing before the keeper's Load has answered: it waits
// for a Load under way, then writes the highlight made meanwhile.
func TestFlushWaitsForTheLoad(t *testing.T) {
	k := &slowLoadKeeper{MemoryKeeper: *NewMemoryKeeper(Kept{}), release: make(chan struct{})}
	hs, load := startedReader(t, k)
	go load()
	time.Sleep(20 * time.Millisecond) // the Load is under way
	flushed := make(chan error)
	go func() { flushed <- hs.m.Flush() }()
	time.Sleep(20 * time.Millisecond) // time for Flush to write, were it to
	close(k.release)
	if err := <-flushed; err != nil {
		t.Fatal(err)
	}
	if k.early != 0 {
		t.Errorf("%d changes written before the keeper's Load answered", k.early)
	}
	if kept := loaded(t, &k.MemoryKeeper); len(kept.Highlights) != 1 {
		t.Errorf("the highlight made before Load answered is written once it has: %+v", kept.Highlights)
	}
}

// A program that ended before its first command ran has Flush run the
// keeper's Load, once, before it writes.
func TestFlushRunsALoadThatNeverRan(t *testing.T) {
	k := &slowLoadKeeper{MemoryKeeper: *NewMemoryKeeper(Kept{}), release: make(chan struct{})}
	close(k.release)
	hs, load := startedReader(t, k)
	if err := hs.m.Flush(); err != nil {
		t.Fatal(err)
	}
	if load() != nil {
		t.Errorf("the program's own command does not load again")
	}
	if k.early != 0 || k.loads != 1 {
		t.Errorf("%d changes written before Load, %d loads", k.early, k.loads)
	}
	if kept := loaded(t, &k.MemoryKeeper); len(kept.Highlights) != 1 {
		t.Errorf("the highlight is written: %+v", kept.Highlights)
	}
}
