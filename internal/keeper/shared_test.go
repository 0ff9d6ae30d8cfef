package keeper

import (
	"context"
	"database/sql"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"analyst/internal/testlib"

	"analyst/internal/store"
	"analyst/ui"
)

const alice, bob = "SHA256:alice", "SHA256:bob"

// PostgreSQL stopped under a server: the next change is told that changes
// are not being kept, and why, and the Observer hears it once; from then
// on calls fail at once without asking the database, until it is back:
// then the Observer hears how many changes were not kept, and changes are
// kept again.
func TestADatabaseAwayIsToldAtOnceAndAskedUntilItIsBack(t *testing.T) {
	c := pg.Cluster(t)
	dsn := c.NewDatabase(t)
	sh, err := OpenShared(context.Background(), dsn, store.Limits{}, fast)
	if err != nil {
		t.Fatal(err)
	}
	defer sh.Close()
	obs := newRecorder()
	sh.Observe(obs)
	lib := testlib.Library(t)
	k := sh.Keeper(alice)
	if _, err := k.Load(lib); err != nil {
		t.Fatal(err)
	}
	if _, err := k.AddHighlight(ui.Highlight{Article: "2026-01/cutler", Section: "background", Paragraph: 1}); err != nil {
		t.Fatal(err)
	}

	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	err = k.SavePlace("2026-01/cutler", ui.Place{Section: "background", Fraction: 0.5})
	if !errors.Is(err, ui.ErrUnavailable) || err.Error() != "your changes are not being kept: the server's database is unavailable" {
		t.Fatalf("a change while the database is away: %v", err)
	}
	asked := false
	err = sh.Run(Change, func(context.Context, *store.Store) error { asked = true; return nil })
	if asked || !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("while down, a call fails at once without asking the database (asked %v): %v", asked, err)
	}
	if _, err := sh.Keeper(bob).Load(lib); !errors.Is(err, ui.ErrUnavailable) || !strings.HasPrefix(err.Error(), "your changes are not being kept") {
		t.Errorf("a reader arriving meanwhile is told that nothing is being kept: %v", err)
	}
	if away, back := obs.counts(); away != 1 || back != 0 {
		t.Errorf("the observer heard the database go away %d times and come back %d: want once, and not yet", away, back)
	}

	if err := c.Restart(); err != nil {
		t.Fatal(err)
	}
	if dropped := obs.waitBack(t, 1); dropped != 1 {
		t.Errorf("%d changes said to be dropped meanwhile, want 1 (the place; the Run of the test asked for none)", dropped)
	}
	if err := k.SavePlace("2026-01/cutler", ui.Place{Section: "background", Fraction: 0.75}); err != nil {
		t.Fatalf("once the database is back, changes are kept again: %v", err)
	}
	kept, err := sh.Keeper(alice).Load(lib)
	if err != nil || len(kept.Highlights) != 1 || kept.Places["2026-01/cutler"].Fraction != 0.75 {
		t.Errorf("what was kept before and after is there: %+v %v", kept, err)
	}
}

// A server started while its PostgreSQL is away reads without saving, and
// opens the store (migrating it) as soon as the database answers.
func TestADatabaseAwayAtStartIsOpenedWhenItAnswers(t *testing.T) {
	c := pg.Cluster(t)
	dsn := c.NewDatabase(t)
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	restarted := false
	defer func() {
		if !restarted {
			c.Restart()
		}
	}()
	sh, err := OpenShared(context.Background(), dsn, store.Limits{}, fast)
	if err != nil {
		t.Fatalf("a database that cannot be reached at start is no error: %v", err)
	}
	defer sh.Close()
	if down := sh.Down(); !errors.Is(down, store.ErrUnavailable) {
		t.Fatalf("it starts down: %v", down)
	}
	obs := newRecorder()
	sh.Observe(obs)
	if err := sh.Keeper(alice).SavePlace("2026-01/cutler", ui.Place{Section: "lead"}); !errors.Is(err, ui.ErrUnavailable) {
		t.Errorf("meanwhile changes are not kept: %v", err)
	}
	restarted = true
	if err := c.Restart(); err != nil {
		t.Fatal(err)
	}
	obs.waitBack(t, 1)
	k := sh.Keeper(alice)
	if _, err := k.Load(testlib.Library(t)); err != nil {
		t.Fatal(err)
	}
	if err := k.SavePlace("2026-01/cutler", ui.Place{Section: "lead"}); err != nil {
		t.Errorf("once open, changes are kept: %v", err)
	}
}

// What will not mend itself is an error at start: a malformed URL, a
// database that is not there, a file that cannot be a database.
func TestWhatWillNotMendIsAnErrorAtStart(t *testing.T) {
	c := pg.Cluster(t)
	noDB := strings.Replace(c.DSN("postgres"), "/postgres?", "/nosuch?", 1)
	for _, dsn := range []string{"postgres://localhost:notaport/db", noDB, t.TempDir()} {
		sh, err := OpenShared(context.Background(), dsn, store.Limits{}, Timing{})
		if err == nil || errors.Is(err, store.ErrUnavailable) {
			t.Errorf("%s: want an error that is not Unavailable, got %v", redact(dsn), err)
		}
		if sh != nil {
			sh.Close()
		}
	}
}

func redact(dsn string) string {
	if u, err := url.Parse(dsn); err == nil {
		return u.Redacted()
	}
	return dsn
}

// A change that the database does not answer in time (a lock held by a
// slow writer elsewhere) returns at its deadline, as unavailable; the
// store is asked until it answers, and then keeps changes again.
func TestAChangeThatDoesNotAnswerInTimeEndsAtItsDeadline(t *testing.T) {
	sh, path := sqliteShared(t, store.Limits{}, Timing{Change: 200 * time.Millisecond, Probe: 20 * time.Millisecond})
	obs := newRecorder()
	sh.Observe(obs)
	k := sh.Keeper(alice)
	if _, err := k.Load(testlib.Library(t)); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- k.SavePlace("2026-01/cutler", ui.Place{Section: "lead"}) }()
	select {
	case err := <-done:
		if !errors.Is(err, ui.ErrUnavailable) {
			t.Errorf("a change past its deadline is unavailable: %v", err)
		}
	case <-time.After(5 * time.Second): // the store's own busy timeout is 10 s
		t.Fatal("the change waited past its deadline")
	}
	if _, err := conn.ExecContext(context.Background(), "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	obs.waitBack(t, 1)
	if err := k.SavePlace("2026-01/cutler", ui.Place{Section: "lead"}); err != nil {
		t.Errorf("once the lock is let go, changes are kept: %v", err)
	}
}

// A limit refuses for good, with the store's words for the reader, and
// the Observer hears of the refusal.
func TestTheHighlightPastTheLimitIsRefusedWithItsReason(t *testing.T) {
	sh, _ := sqliteShared(t, store.Limits{Highlights: 2}, Timing{})
	obs := newRecorder()
	sh.Observe(obs)
	k := sh.Keeper(alice)
	if _, err := k.Load(testlib.Library(t)); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		if _, err := k.AddHighlight(ui.Highlight{Article: "2026-01/cutler", Section: "background", Paragraph: i}); err != nil {
			t.Fatal(err)
		}
	}
	_, err := k.AddHighlight(ui.Highlight{Article: "2026-01/cutler", Section: "background", Paragraph: 2})
	if !errors.Is(err, ui.ErrRefused) || !strings.Contains(err.Error(), "the highlight was not kept: you have 2 highlights") {
		t.Errorf("the third highlight: %v", err)
	}
	kb := sh.Keeper(bob)
	if _, err := kb.Load(testlib.Library(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := kb.AddHighlight(ui.Highlight{Article: "2026-01/cutler", Section: "background", Paragraph: 2}); err != nil {
		t.Errorf("the limit is one owner's: %v", err)
	}
	obs.mu.Lock()
	defer obs.mu.Unlock()
	var refused int
	for _, err := range obs.wrote {
		if errors.Is(err, store.ErrTooManyHighlights) {
			refused++
		}
	}
	if refused != 1 {
		t.Errorf("the observer heard of %d refusals, want 1: %v", refused, obs.wrote)
	}
}

// Deleting a highlight that is already gone (forgotten, or deleted in
// another session of the key) is no error: it is gone.
func TestDeletingWhatIsGoneIsNoError(t *testing.T) {
	sh, _ := sqliteShared(t, store.Limits{}, Timing{})
	k := sh.Keeper(alice)
	if _, err := k.Load(testlib.Library(t)); err != nil {
		t.Fatal(err)
	}
	if err := k.DeleteHighlight(12345); err != nil {
		t.Errorf("deleting a highlight that is not there: %v", err)
	}
}
