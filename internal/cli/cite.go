package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"analyst/internal/cite"
	"analyst/internal/content"
)

func newCiteCmd(a *app) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "cite REF",
		Short: "Print an article's citation",
		Long: `Print an article's citation. REF is the article's number, its slug, or a
word of its title or author, as for read.

The formats are chicago (author-date, the default), apa and mla, one line
to paste into a text, and bibtex, ris and csl-json for reference managers
(BibTeX, Zotero, EndNote, pandoc). Only what the library holds is cited:
the author, the title, the journal and the issue's month; no URL, page or
volume is made up.

A title marked * in the list was written for this edition; the journal
gives none. It is cited as a description in square brackets, never as the
journal's title, and the data formats carry it in a note.`,
		Example: `  analyst cite 2
  analyst cite cutler --format apa
  analyst cite 3 --format bibtex >> refs.bib
  analyst cite tolipov --format csl-json | pandoc -f csljson -t plain --citeproc`,
		Args:              exactArgs(1, "one article reference, such as 2 or cutler"),
		ValidArgsFunction: completeArticleRefs(a),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := cite.ParseFormat(format)
			if err != nil {
				return usagef(cmd, "%v", err)
			}
			if ref, section := content.SplitRef(args[0]); ref != "" && section != "" {
				return usagef(cmd, "cite cites a whole article: give %s without #%s (a quote is cited with its section from the reader, y)", ref, section)
			}
			lib, err := a.library()
			if err != nil {
				return err
			}
			art, _, err := a.resolve(cmd, lib, args[0], "")
			if err != nil {
				return err
			}
			text, err := cite.Article(art, f)
			if err != nil {
				return err
			}
			out := a.output()
			fmt.Fprintln(out, text)
			return out.Err()
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", string(cite.Default), "citation format: "+cite.FormatNames())
	cmd.RegisterFlagCompletionFunc("format", completeCiteFormat)
	return cmd
}

// completeArticleRefs completes REF with the articles, never with a
// #section, which cite refuses.
func completeArticleRefs(a *app) cobra.CompletionFunc {
	refs := completeRefs(a)
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if strings.Contains(toComplete, "#") {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return refs(cmd, args, toComplete)
	}
}

// completeCiteFormat completes --format with the citation formats.
func completeCiteFormat(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	var out []cobra.Completion
	for _, f := range cite.Formats() {
		out = append(out, string(f))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
