package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"analyst/internal/content"
	"analyst/internal/render"
)

// completeRefs offers article slugs to shell completion, each described
// by its title.
func completeRefs(a *app) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		lib, err := a.library()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		if ref, _, ok := strings.Cut(toComplete, "#"); ok {
			art, err := lib.Find(ref)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return sectionCompletions(art, ref+"#"), cobra.ShellCompDirectiveNoFileComp
		}
		var out []cobra.Completion
		for _, art := range lib.Articles() {
			// A headline written for this edition is described in
			// brackets: the shell shows no legend for a mark.
			out = append(out, cobra.CompletionWithDesc(art.Slug, art.MarkedTitle()))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeSection completes --section with the sections of the article
// the command's REF names.
func completeSection(a *app) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		lib, err := a.library()
		if err != nil || len(args) == 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		ref, _ := content.SplitRef(args[0])
		art, err := lib.Find(ref)
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return sectionCompletions(art, ""), cobra.ShellCompDirectiveNoFileComp
	}
}

// sectionCompletions are an article's section slugs after prefix, each
// described by its name.
func sectionCompletions(art *content.Article, prefix string) []cobra.Completion {
	var out []cobra.Completion
	for _, sec := range art.Sections {
		out = append(out, cobra.CompletionWithDesc(prefix+sec.Slug, sec.Name))
	}
	return out
}

// completeStyle completes --style with the style names.
func completeStyle(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return render.StyleNames(), cobra.ShellCompDirectiveNoFileComp
}
