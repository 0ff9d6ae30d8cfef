package content

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// SplitRef splits a reference such as "2#implications" into the article
// part and the section part ("" when there is none).
func SplitRef(ref string) (article, section string) {
	article, section, _ = strings.Cut(ref, "#")
	return strings.TrimSpace(article), strings.TrimSpace(section)
}

// NotFoundError says that no article matches a reference, with the closest
// articles as suggestions.
type NotFoundError struct {
	Ref     string
	Closest []*Article
}

func (e *NotFoundError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "no article matches %q", e.Ref)
	if len(e.Closest) > 0 {
		b.WriteString("; the closest are:")
		for _, a := range e.Closest {
			fmt.Fprintf(&b, "\n  %s", describe(a))
		}
	}
	return b.String()
}

// AmbiguousError says that a reference matches more than one article.
type AmbiguousError struct {
	Ref        string
	Candidates []*Article
}

func (e *AmbiguousError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q matches %d articles; use a number or a slug:", e.Ref, len(e.Candidates))
	manyIssues := false
	for _, a := range e.Candidates {
		manyIssues = manyIssues || a.Issue != e.Candidates[0].Issue
	}
	for _, a := range e.Candidates {
		if manyIssues {
			fmt.Fprintf(&b, "\n  %s/%s", a.Issue.Slug, describe(a))
		} else {
			fmt.Fprintf(&b, "\n  %s", describe(a))
		}
	}
	return b.String()
}

// describe names an article in a message: "2  cutler  The Armenia… (Robert
// M. Cutler)", a headline written for this edition in brackets.
func describe(a *Article) string {
	return fmt.Sprintf("%-3s %-10s %s (%s)", strconv.Itoa(a.Number), a.Slug, a.MarkedTitle(), a.Author)
}

// Find resolves what a reader typed to one article: its number in the
// newest issue ("2"), a number or slug in a named issue ("2026-01/2"), its
// slug ("cutler"), or a word that starts a word of exactly one article's
// title or author ("armenia"). The newest issue is searched first, then
// the whole library. A "#section" suffix is ignored; see SplitRef.
func (l *Library) Find(ref string) (*Article, error) {
	ref, _ = SplitRef(ref)
	if issueSlug, rest, ok := strings.Cut(ref, "/"); ok {
		is := l.Issue(issueSlug)
		if is == nil {
			return nil, &NotFoundError{Ref: ref, Closest: closest(l.Articles(), Slugify(issueSlug))}
		}
		return findIn(is.Articles(), rest, ref)
	}
	latest := l.Latest()
	if latest == nil {
		return nil, &NotFoundError{Ref: ref}
	}
	a, err := findIn(latest.Articles(), ref, ref)
	var nf *NotFoundError
	if err == nil || !errors.As(err, &nf) || len(l.Issues) == 1 {
		return a, err
	}
	if _, isNumber := strconv.Atoi(ref); isNumber == nil {
		return nil, err // numbers count within an issue
	}
	return findIn(l.Articles(), ref, ref)
}

// findIn resolves ref among some articles; shown is the reference as the
// reader typed it, for messages.
func findIn(scope []*Article, ref, shown string) (*Article, error) {
	if ref == "" {
		return nil, &NotFoundError{Ref: shown}
	}
	if n, err := strconv.Atoi(ref); err == nil {
		for _, a := range scope {
			if a.Number == n {
				return a, nil
			}
		}
		return nil, &NotFoundError{Ref: shown, Closest: closest(scope, ref)}
	}
	want := Slugify(ref)
	var matches []*Article
	for _, a := range scope {
		if a.Slug == want {
			matches = append(matches, a)
		}
	}
	if len(matches) == 0 {
		for _, a := range scope {
			if want != "" && (hasWordPrefix(Slugify(a.Title), want) || hasWordPrefix(Slugify(a.Author), want)) {
				matches = append(matches, a)
			}
		}
	}
	switch len(matches) {
	case 1:
		return matches[0], nil
	case 0:
		return nil, &NotFoundError{Ref: shown, Closest: closest(scope, want)}
	default:
		return nil, &AmbiguousError{Ref: shown, Candidates: matches}
	}
}

// Ref is the shortest reference that finds a: its slug in the newest issue,
// "issue/slug" in an older one.
func (l *Library) Ref(a *Article) string {
	if a.Issue == l.Latest() {
		return a.Slug
	}
	return a.Key()
}

// Issue returns the issue with the slug ("2026-01"), or nil.
func (l *Library) Issue(slug string) *Issue {
	for _, is := range l.Issues {
		if is.Slug == slug {
			return is
		}
	}
	return nil
}

// hasWordPrefix reports whether the hyphenated phrase want starts at a word
// boundary of the slug s: "armenia-azer" in "the-armenia-azerbaijan-...".
func hasWordPrefix(s, want string) bool {
	return strings.HasPrefix(s, want) || strings.Contains(s, "-"+want)
}

// closest returns up to three articles whose title, author or slug words
// are nearest to the reference by edit distance.
func closest(scope []*Article, ref string) []*Article {
	type scored struct {
		a *Article
		d int
	}
	var all []scored
	for _, a := range scope {
		best := len(ref) + 10
		for _, w := range strings.Split(Slugify(a.Title+" "+a.Author+" "+a.Slug), "-") {
			best = min(best, editDistance(ref, w))
		}
		all = append(all, scored{a, best})
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].d < all[j].d })
	var out []*Article
	for _, s := range all {
		if len(out) == 3 {
			break
		}
		out = append(out, s.a)
	}
	return out
}

// editDistance is the Levenshtein distance between two strings, by rune.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Section finds a section by what a reader typed: its slug or name in any
// case ("implications"), "lead", "bio", a word that starts exactly one
// section's name ("impl"), or its number as the reader shows it (the lead
// and the named sections, from 1). "conclusions" also finds "Conclusion".
func (a *Article) Section(name string) (*Section, error) {
	if n, err := strconv.Atoi(strings.TrimSpace(name)); err == nil {
		return a.numberedSection(n)
	}
	want := Slugify(name)
	if IsBioHeading(name) {
		want = "bio"
	}
	var matches []*Section
	for _, s := range a.Sections {
		if s.Slug == want {
			return s, nil
		}
		if want != "" && (strings.HasPrefix(s.Slug, want) || strings.TrimSuffix(want, "s") == s.Slug) {
			matches = append(matches, s)
		}
	}
	if len(matches) == 1 {
		return matches[0], nil
	}
	names := make([]string, len(a.Sections))
	for i, s := range a.Sections {
		names[i] = s.Slug
	}
	return nil, fmt.Errorf("article %d (%s) has no section %q; its sections are: %s", a.Number, a.Slug, name, strings.Join(names, ", "))
}

// numberedSection is the nth (from 1) of the sections the reader numbers:
// the lead and the named sections, not the bio.
func (a *Article) numberedSection(n int) (*Section, error) {
	numbered := a.Numbered()
	if n < 1 || n > len(numbered) {
		return nil, fmt.Errorf("article %d (%s) has no section %d; its sections are numbered 1 to %d", a.Number, a.Slug, n, len(numbered))
	}
	return numbered[n-1], nil
}
