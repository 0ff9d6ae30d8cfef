package store

import (
	"errors"
	"reflect"
	"testing"
)

// Forget deletes everything of one owner, says what, and touches no one
// else's; forgetting again finds nothing; no limit stops it.
func TestForget(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		dsn := e.newDSN(t)
		s := openAt(t, dsn, Limits{})
		lib := loadLibrary(t, nil)
		cutler, jamal := article(t, lib, "cutler"), article(t, lib, "jamal")
		alice, bob := "SHA256:alice", "SHA256:bob"
		for _, owner := range []string{alice, bob} {
			must(t, s.SavePlace(ctx, owner, RefOf(jamal), Place{Section: "lead"}, 0))
			must(t, s.SavePlace(ctx, owner, RefOf(cutler), Place{Section: "background", Fraction: 0.3}, 0.5))
			_, err := s.Annotate(ctx, owner, cutler, "lead", 0, "first")
			must(t, err)
			_, err = s.Annotate(ctx, owner, jamal, "background", 0, "second")
			must(t, err)
			_, _, err = s.Toggle(ctx, owner, jamal, "background", 1)
			must(t, err)
		}
		bobBefore, err := s.Load(ctx, bob)
		must(t, err)
		bobHighlights, err := s.Highlights(ctx, bob)
		must(t, err)

		// A store with limits, alice's changes used up: she can still
		// delete everything.
		limited := openAt(t, dsn, Limits{WriteRate: 0.001, WriteBurst: 1})
		must(t, limited.SavePlace(ctx, alice, RefOf(cutler), Place{Section: "background", Fraction: 0.3}, 0.5))
		if err := limited.SavePlace(ctx, alice, RefOf(cutler), Place{Section: "lead"}, 0.5); !errors.Is(err, ErrTooFast) {
			t.Fatalf("alice's rate is not used up: %v", err)
		}
		f, err := limited.Forget(ctx, alice)
		want := Forgotten{Places: 2, ReadMarks: 1, Highlights: 3, Notes: 2, LastRead: true}
		if err != nil || f != want {
			t.Fatalf("Forget = %+v, %v; want %+v", f, err, want)
		}
		if got, want := f.String(), "2 places (1 read), 3 highlights (2 with notes) and the article read last"; got != want {
			t.Errorf("String() = %q, want %q", got, want)
		}
		r, err := s.Load(ctx, alice)
		if err != nil || len(r.Places) != 0 || len(r.Progress) != 0 || r.Last != (ArticleRef{}) {
			t.Errorf("alice's reading after Forget: %+v, %v", r, err)
		}
		if hs, err := s.Highlights(ctx, alice); err != nil || len(hs) != 0 {
			t.Errorf("alice's highlights after Forget: %d, %v", len(hs), err)
		}
		if c, err := s.Counts(ctx, alice); err != nil || len(c) != 0 {
			t.Errorf("alice's counts after Forget: %v, %v", c, err)
		}
		if r, err := s.Load(ctx, bob); err != nil || !reflect.DeepEqual(r, bobBefore) {
			t.Errorf("bob's reading changed: %+v, %v", r, err)
		}
		if hs, err := s.Highlights(ctx, bob); err != nil || !reflect.DeepEqual(hs, bobHighlights) {
			t.Errorf("bob's highlights changed: %d, %v", len(hs), err)
		}
		f, err = s.Forget(ctx, alice)
		if err != nil || !f.Empty() || f.String() != "nothing was kept" {
			t.Errorf("Forget again = %+v (%q), %v", f, f, err)
		}
	})
}

func TestForgottenString(t *testing.T) {
	for f, want := range map[Forgotten]string{
		{Highlights: 1, Notes: 1}:                      "1 highlight (1 with a note)",
		{Places: 1, ReadMarks: 0}:                      "1 place",
		{LastRead: true}:                               "the article read last",
		{Places: 1200, ReadMarks: 2, Highlights: 1000}: "1,200 places (2 read) and 1,000 highlights",
	} {
		if got := f.String(); got != want {
			t.Errorf("%+v: %q, want %q", f, got, want)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
