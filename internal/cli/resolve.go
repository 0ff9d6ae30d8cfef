package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"analyst/internal/content"
)

// resolve finds the article and section a reference names. The section
// comes from "REF#section", from the section argument (--section), or both
// when they name the same section. A reference that is not an article but
// looks like a mistyped command is a usage error.
func (a *app) resolve(cmd *cobra.Command, lib *content.Library, ref, section string) (*content.Article, *content.Section, error) {
	artRef, secRef := content.SplitRef(ref)
	if artRef == "" {
		if secRef != "" {
			return nil, nil, usagef(cmd, "%q names no article: put the article before the #, such as 2#%s", strings.TrimSpace(ref), secRef)
		}
		return nil, nil, usagef(cmd, "the article reference is empty: give a number, a slug or a word of a title, such as 2 or cutler")
	}
	art, err := lib.Find(artRef)
	if err != nil {
		if s := a.commandSuggestion(cmd, artRef); s != nil {
			return nil, nil, s
		}
		return nil, nil, a.notFound(lib, artRef, err)
	}
	var sec *content.Section
	for _, name := range []string{secRef, section} {
		if name == "" {
			continue
		}
		s, err := art.Section(name)
		if err != nil {
			return nil, nil, err
		}
		if sec != nil && s != sec {
			return nil, nil, usagef(cmd, "%q and --section %s name two different sections; ask for one", ref, section)
		}
		sec = s
	}
	return art, sec, nil
}

// commandSuggestion is the usage error for a first word that is not an
// article but looks like a mistyped command ("did you mean `analyst
// search`?"), or nil.
func (a *app) commandSuggestion(cmd *cobra.Command, word string) error {
	if cmd.Parent() != nil {
		return nil
	}
	if s := cmd.SuggestionsFor(word); len(s) > 0 {
		return usagef(cmd, "%q is neither a command nor an article; did you mean `%s %s`?", word, a.prog, s[0])
	}
	return nil
}

// notFound adds to an article that cannot be found where to see them all,
// and, for a number that names no article, says how many articles the
// issue has: "no article 5: the issue has 4 articles (1–4)". Other errors
// are returned as they are.
func (a *app) notFound(lib *content.Library, ref string, err error) error {
	var nf *content.NotFoundError
	if !errors.As(err, &nf) {
		return err
	}
	seeList := fmt.Sprintf("`%s list`", a.prog)
	is, num := lib.Latest(), ref
	if slug, rest, ok := strings.Cut(ref, "/"); ok {
		is, num = lib.Issue(slug), rest
		if is == nil {
			return noIssue(lib, slug, seeList)
		}
	}
	if is == nil || len(is.Articles()) == 0 || num == "" || strings.Trim(num, "0123456789") != "" {
		return fmt.Errorf("%w\nrun %s to see every article", err, seeList)
	}
	var nums []string
	contiguous := true
	for i, art := range is.Articles() {
		nums = append(nums, strconv.Itoa(art.Number))
		contiguous = contiguous && art.Number == is.Articles()[0].Number+i
	}
	which := "the issue"
	if len(lib.Issues) > 1 {
		which = "issue " + is.Slug
	}
	numbers := strings.Join(nums, ", ")
	if contiguous && len(nums) > 2 {
		numbers = nums[0] + "–" + nums[len(nums)-1]
	}
	articles := "articles"
	if len(nums) == 1 {
		articles = "article"
	}
	return fmt.Errorf("no article %s: %s has %d %s (%s); see %s", num, which, len(nums), articles, numbers, seeList)
}

// noIssue says that a reference names an issue the library does not
// have, and which issues it has: "no issue 2027-01: the library has
// 2026-01".
func noIssue(lib *content.Library, slug, seeList string) error {
	var have []string
	for _, is := range lib.Issues {
		have = append(have, is.Slug)
	}
	issues := "issue"
	if len(have) > 1 {
		issues = "issues"
	}
	return fmt.Errorf("no issue %s: the library has the %s %s; see %s", slug, issues, strings.Join(have, ", "), seeList)
}
