package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"analyst/internal/pgtest"
)

// outageWait bounds each call while PostgreSQL is down: a call that is
// told at once returns long before it.
const outageWait = 20 * time.Second

// PostgreSQL stopped under two stores (over TCP and over the socket), as
// under two server instances: every call is told, at once and not by its
// deadline, that the database is unavailable, in words for the reader;
// once PostgreSQL is back, the stores carry on by themselves, with what
// they kept before.
func TestPostgresOutageAndRecovery(t *testing.T) {
	c, err := pgtest.Start() // a cluster of its own, to stop
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	dsn := c.NewDatabase(t)
	stores := map[string]*Store{"tcp": openAt(t, dsn, Limits{}), "socket": openAt(t, c.SocketDSN("test_1"), Limits{})}
	a := article(t, loadLibrary(t, nil), "cutler")
	for name, s := range stores {
		if _, err := s.Annotate(ctx, "SHA256:"+name, a, "lead", 0, "before"); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	for name, s := range stores {
		owner := "SHA256:" + name
		calls := map[string]func(context.Context) error{
			"Toggle": func(ctx context.Context) error { _, _, err := s.Toggle(ctx, owner, a, "background", 1); return err },
			"SavePlace": func(ctx context.Context) error {
				return s.SavePlace(ctx, owner, RefOf(a), Place{Section: "lead"}, 0.1)
			},
			"Load":       func(ctx context.Context) error { _, err := s.Load(ctx, owner); return err },
			"Highlights": func(ctx context.Context) error { _, err := s.Highlights(ctx, owner); return err },
			"Keeps":      func(ctx context.Context) error { return s.Keeps(ctx, owner) },
		}
		want := map[string]string{
			"Toggle":     "your changes are not being kept: the server's database is unavailable",
			"SavePlace":  "your changes are not being kept: the server's database is unavailable",
			"Load":       "cannot read the places: the server's database is unavailable",
			"Highlights": "cannot read the highlights: the server's database is unavailable",
			"Keeps":      "your changes are not being kept: the server's database is unavailable",
		}
		for call, f := range calls {
			ctx, cancel := context.WithTimeout(context.Background(), outageWait)
			err := f(ctx)
			late := ctx.Err()
			cancel()
			if !errors.Is(err, ErrUnavailable) || err.Error() != want[call] {
				t.Errorf("%s %s while PostgreSQL is down: %v; want %q", name, call, err, want[call])
			}
			if late != nil {
				t.Errorf("%s %s was told only when its ctx ended", name, call)
			}
		}
	}
	if err := c.Restart(); err != nil {
		t.Fatal(err)
	}
	for name, s := range stores {
		owner := "SHA256:" + name
		if _, on, err := s.Toggle(ctx, owner, a, "background", 1); err != nil || !on {
			t.Errorf("%s: the first change after PostgreSQL came back: %v", name, err)
		}
		hs, err := s.Highlights(ctx, owner)
		if err != nil || len(hs) != 2 || hs[1].Note != "before" {
			t.Errorf("%s: highlights after PostgreSQL came back: %+v, %v", name, hs, err)
		}
	}
}

// A restart between two calls, with nothing in between to tell the pool
// that its connections are gone: the next read and the next change are
// made, on new connections, and say nothing of it.
func TestPostgresRestartBetweenCalls(t *testing.T) {
	c, err := pgtest.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s := openAt(t, c.NewDatabase(t), Limits{})
	a := article(t, loadLibrary(t, nil), "cutler")
	for round := range 3 {
		if _, err := s.Annotate(ctx, "SHA256:r", a, "lead", 0, "before"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Load(ctx, "SHA256:r"); err != nil {
			t.Fatal(err)
		}
		if err := c.Stop(); err != nil {
			t.Fatal(err)
		}
		if err := c.Restart(); err != nil {
			t.Fatal(err)
		}
		if round%2 == 0 {
			if _, err := s.Load(ctx, "SHA256:r"); err != nil {
				t.Errorf("round %d: the first read after a restart: %v", round, err)
			}
		}
		if _, err := s.Annotate(ctx, "SHA256:r", a, "lead", 0, "after"); err != nil {
			t.Errorf("round %d: the first change after a restart: %v", round, err)
		}
	}
}
