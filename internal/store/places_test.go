package store

import (
	"math"
	"reflect"
	"testing"
)

func TestPlacesRoundTrip(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		dsn := e.newDSN(t)
		s := openAt(t, dsn, Limits{})
		cutler := ArticleRef{Issue: "2026-01", Article: "cutler"}
		jamal := ArticleRef{Issue: "2026-01", Article: "jamal"}
		r, err := s.Load(ctx, LocalOwner)
		if err != nil || r.Last != (ArticleRef{}) || len(r.Places) != 0 || len(r.Progress) != 0 {
			t.Fatalf("a new store's reading: %+v, %v", r, err)
		}
		if err := s.SavePlace(ctx, LocalOwner, cutler, Place{Section: "implications", Fraction: 0.42}, 0.5); err != nil {
			t.Fatal(err)
		}
		if err := s.SavePlace(ctx, LocalOwner, jamal, Place{Section: "conclusions", Fraction: 1, End: true}, 0.97); err != nil {
			t.Fatal(err)
		}
		// Going back in cutler moves the place, not the read mark.
		if err := s.SavePlace(ctx, LocalOwner, cutler, Place{Section: "background", Fraction: 0.1}, 0.2); err != nil {
			t.Fatal(err)
		}
		// Reopened, as the next run would.
		s.Close()
		s2, err := OpenDSN(ctx, dsn, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		defer s2.Close()
		r, err = s2.Load(ctx, LocalOwner)
		if err != nil {
			t.Fatal(err)
		}
		want := Reading{
			Last: cutler,
			Places: map[string]Place{
				"2026-01/cutler": {Section: "background", Fraction: 0.1},
				"2026-01/jamal":  {Section: "conclusions", Fraction: 1, End: true},
			},
			Progress: map[string]Progress{
				"2026-01/cutler": {Furthest: 0.5},
				"2026-01/jamal":  {Furthest: 1, Finished: true},
			},
		}
		if !reflect.DeepEqual(r, want) {
			t.Errorf("Load:\n got %+v\nwant %+v", r, want)
		}
		if p := r.Progress["2026-01/cutler"].Percent(); p != 50 {
			t.Errorf("cutler's percentage = %d, want 50", p)
		}
		if p := r.Progress["2026-01/jamal"].Percent(); p != 100 {
			t.Errorf("jamal's percentage = %d, want 100", p)
		}
	})
}

// A finished article stays finished when the reader goes back to its top.
func TestReadMarkIsKept(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		s := openNew(t, e)
		ref := ArticleRef{Issue: "2026-01", Article: "cornell"}
		for _, step := range []struct {
			p    Place
			read float64
		}{
			{Place{Section: "lead"}, 0.3},
			{Place{Section: "background", Fraction: 0.999}, 1}, // read to 100%: finished
			{Place{Section: "lead"}, 0},
		} {
			if err := s.SavePlace(ctx, LocalOwner, ref, step.p, step.read); err != nil {
				t.Fatal(err)
			}
		}
		r, err := s.Load(ctx, LocalOwner)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.Progress[ref.Key()]; got != (Progress{Furthest: 1, Finished: true}) {
			t.Errorf("progress = %+v, want finished", got)
		}
		if got := r.Places[ref.Key()]; got != (Place{Section: "lead"}) {
			t.Errorf("place = %+v, want the lead's top", got)
		}
	})
}

func TestPlaceFractionsAreClamped(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		s := openNew(t, e)
		ref := ArticleRef{Issue: "2026-01", Article: "cutler"}
		if err := s.SavePlace(ctx, LocalOwner, ref, Place{Section: "lead", Fraction: math.NaN()}, 7); err != nil {
			t.Fatal(err)
		}
		r, _ := s.Load(ctx, LocalOwner)
		if p, pr := r.Places[ref.Key()], r.Progress[ref.Key()]; p.Fraction != 0 || pr.Furthest != 1 || !pr.Finished {
			t.Errorf("place %+v, progress %+v", p, pr)
		}
		if err := s.SavePlace(ctx, LocalOwner, ref, Place{Section: "lead", Fraction: -3}, -1); err != nil {
			t.Fatal(err)
		}
		r, _ = s.Load(ctx, LocalOwner)
		if p := r.Places[ref.Key()]; p.Fraction != 0 {
			t.Errorf("place %+v", p)
		}
	})
}

func TestParseKey(t *testing.T) {
	if r, ok := ParseKey("2026-01/cutler"); !ok || r != (ArticleRef{Issue: "2026-01", Article: "cutler"}) || r.Key() != "2026-01/cutler" {
		t.Errorf("ParseKey = %+v, %v", r, ok)
	}
	for _, bad := range []string{"", "cutler", "/cutler", "2026-01/", "a/b/c"} {
		if _, ok := ParseKey(bad); ok {
			t.Errorf("ParseKey(%q) is ok", bad)
		}
	}
	lib := loadLibrary(t, nil)
	a := article(t, lib, "cutler")
	if lib.ArticleByKey(RefOf(a).Key()) != a {
		t.Error("RefOf does not find its article")
	}
}

// Owners never see each other's places, read marks or highlights.
func TestOwnersAreSeparate(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		s := openNew(t, e)
		lib := loadLibrary(t, nil)
		a := article(t, lib, "tolipov")
		alice, bob := "SHA256:alice", "SHA256:bob"
		ref := RefOf(a)
		if err := s.SavePlace(ctx, alice, ref, Place{Section: "background", Fraction: 0.5}, 0.3); err != nil {
			t.Fatal(err)
		}
		h, err := s.Annotate(ctx, alice, a, "background", 1, "alice's note")
		if err != nil {
			t.Fatal(err)
		}
		for _, owner := range []string{bob, LocalOwner} {
			r, err := s.Load(ctx, owner)
			if err != nil || len(r.Places) != 0 || r.Last != (ArticleRef{}) || len(r.Progress) != 0 {
				t.Errorf("%q sees %+v, %v", owner, r, err)
			}
			if hs, err := s.Highlights(ctx, owner); err != nil || len(hs) != 0 {
				t.Errorf("%q sees highlights %+v, %v", owner, hs, err)
			}
			if hs, err := s.ArticleHighlights(ctx, owner, ref); err != nil || len(hs) != 0 {
				t.Errorf("%q sees the article's highlights %+v, %v", owner, hs, err)
			}
			if c, err := s.Counts(ctx, owner); err != nil || len(c) != 0 {
				t.Errorf("%q sees counts %v, %v", owner, c, err)
			}
			// Another owner can neither change nor delete it by its id.
			if _, err := s.SetNote(ctx, owner, h.ID, "mine now"); !isProblem(err, NotFound) {
				t.Errorf("%q set alice's note: %v", owner, err)
			}
			if _, err := s.Delete(ctx, owner, h.ID); !isProblem(err, NotFound) {
				t.Errorf("%q deleted alice's highlight: %v", owner, err)
			}
		}
		// Bob highlighting the same paragraph makes his own highlight.
		hb, on, err := s.Toggle(ctx, bob, a, "background", 1)
		if err != nil || !on || hb.ID == h.ID {
			t.Fatalf("bob's toggle: %+v %v %v", hb, on, err)
		}
		hs, _ := s.Highlights(ctx, alice)
		if len(hs) != 1 || hs[0].Note != "alice's note" {
			t.Errorf("alice's highlights after bob's: %+v", hs)
		}
	})
}
