package store

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

func TestArrange(t *testing.T) {
	at := func(min int) time.Time { return time.Date(2026, 2, 1, 12, min, 0, 0, time.UTC) }
	type h struct {
		name string
		a    Arranged
	}
	in := []h{
		{"old issue, cutler, newest of all", Arranged{ArticleRef{"2025-12", "cutler"}, at(50), true}},
		{"new issue, jamal, 1", Arranged{ArticleRef{"2026-01", "jamal"}, at(10), true}},
		{"new issue, cornell", Arranged{ArticleRef{"2026-01", "cornell"}, at(40), true}},
		{"new issue, jamal, 2", Arranged{ArticleRef{"2026-01", "jamal"}, at(30), true}},
		{"gone article", Arranged{ArticleRef{"2026-01", "gone"}, at(59), false}},
		{"old issue, tolipov", Arranged{ArticleRef{"2025-12", "tolipov"}, at(20), true}},
	}
	want := []string{
		// 2025-12's newest (50) is newer than 2026-01's (40).
		"old issue, cutler, newest of all",
		"old issue, tolipov",
		"new issue, cornell",
		"new issue, jamal, 2",
		"new issue, jamal, 1",
		"gone article", // the newest of all, but its article is gone
	}
	for range 20 { // whatever order they come in
		hs := slices.Clone(in)
		rand.Shuffle(len(hs), func(i, j int) { hs[i], hs[j] = hs[j], hs[i] })
		Arrange(hs, func(x h) Arranged { return x.a })
		var got []string
		for _, x := range hs {
			got = append(got, x.name)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("Arrange:\n got %q\nwant %q", got, want)
		}
	}
}
