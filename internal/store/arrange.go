package store

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// Arranged is what Arrange needs to know of a highlight: its article,
// when it was made, and whether the library still has its article.
type Arranged struct {
	Ref       ArticleRef
	Created   time.Time
	InLibrary bool
}

// Arrange puts highlights in the order every list of them shows: grouped
// by issue, the issue with the newest highlight first; within an issue,
// grouped by article the same way; within an article, newest first.
// Highlights whose article the library no longer has come after all the
// others, arranged alike. Ties go by the issue's and the article's slugs,
// so that the order never depends on the order given. of says what
// Arrange needs of each highlight (the reader's screen and the command
// line hold highlights in types of their own); hs is sorted in place.
func Arrange[T any](hs []T, of func(T) Arranged) {
	// The newest highlight of each issue and article, counted apart for
	// those the library has and those it has not, which come last anyway.
	type group struct {
		inLibrary bool
		ref       ArticleRef // Article "" for the whole issue
	}
	newest := map[group]time.Time{}
	for _, h := range hs {
		a := of(h)
		for _, g := range []group{{a.InLibrary, ArticleRef{Issue: a.Ref.Issue}}, {a.InLibrary, a.Ref}} {
			if a.Created.After(newest[g]) {
				newest[g] = a.Created
			}
		}
	}
	slices.SortStableFunc(hs, func(x, y T) int {
		a, b := of(x), of(y)
		if a.InLibrary != b.InLibrary {
			if a.InLibrary {
				return -1
			}
			return 1
		}
		in := a.InLibrary
		return cmp.Or(
			newest[group{in, ArticleRef{Issue: b.Ref.Issue}}].Compare(newest[group{in, ArticleRef{Issue: a.Ref.Issue}}]),
			strings.Compare(a.Ref.Issue, b.Ref.Issue),
			newest[group{in, b.Ref}].Compare(newest[group{in, a.Ref}]),
			strings.Compare(a.Ref.Article, b.Ref.Article),
			b.Created.Compare(a.Created),
		)
	})
}
