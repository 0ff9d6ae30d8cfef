package e2e

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// TestListCutsAtWords: at 70, 60, 40 and 34 columns, `list` keeps the
// REF column (what to type to read an article) whole on its row, cuts
// titles after a whole word and keeps their "*", and wraps nothing inside
// a word.
func TestListCutsAtWords(t *testing.T) {
	t.Parallel()
	arts := libraryArticles(t)
	for _, w := range []int{70, 60, 40, 34} {
		tm := startPane(t, w, 24, "EXIT", readerCommand(t, nil, "list"))
		code, s := tm.waitExit(screenDeadline)
		if code != "0" {
			t.Fatalf("list at %d columns: exit %s\n%s", w, code, s)
		}
		var header string
		for _, row := range s {
			if strings.HasPrefix(row, "#  TITLE") {
				header = row
			}
			// capture joins the rows the terminal wrapped.
			if n := ansi.StringWidth(row); n > w {
				t.Errorf("list at %d columns wrote a row of %d cells, which the terminal wraps: %q", w, n, row)
			}
		}
		if !strings.HasSuffix(strings.TrimSpace(header), "REF") {
			t.Errorf("list at %d columns dropped or wrapped the REF column: %q", w, header)
		}
		for _, a := range arts {
			found := false
			for _, row := range s {
				if !strings.HasPrefix(row, strconv.Itoa(a.Number)+"  ") || !strings.HasSuffix(strings.TrimSpace(row), a.Slug) {
					continue
				}
				found = true
				title := strings.TrimSpace(strings.TrimPrefix(row, strconv.Itoa(a.Number)+"  "))
				title = title[:strings.Index(title, "  ")]
				if a.editorial() != strings.HasSuffix(title, " *") {
					t.Errorf("list at %d columns: the * of article %d: %q", w, a.Number, title)
				}
				if !startsAtWordsEnd(strings.TrimSuffix(title, " *"), a.Title) {
					t.Errorf("list at %d columns cuts the title of article %d inside a word: %q", w, a.Number, title)
				}
			}
			if !found {
				t.Errorf("list at %d columns has no row of article %d ending with its REF, %s:\n%s", w, a.Number, a.Slug, s)
			}
		}
		// Nothing else is broken inside a word: every word of the
		// output is a word of the heading, the table or the note.
		words := strings.Fields(ok(t, "list") + " edition") // the note's short form ends "edition"
		for _, row := range s {
			if strings.HasPrefix(row, "EXIT=") {
				continue
			}
			for _, word := range strings.Fields(row) {
				if !slices.Contains(words, word) && !strings.HasSuffix(word, "…") {
					t.Errorf("list at %d columns has %q, a broken word:\n%s", w, word, s)
				}
			}
		}

	}
}

// TestSearchCutsAtWords: at 80, 60, 40 and 34 columns, `search` cuts its
// contexts at word boundaries at both ends and keeps the match in sight,
// putting the contexts under their references where the references leave
// them too little room.
func TestSearchCutsAtWords(t *testing.T) {
	t.Parallel()
	for _, w := range []int{80, 60, 40, 34} {
		tm := startPane(t, w, 60, "EXIT", readerCommand(t, nil, "search", "baku"))
		code, s := tm.waitExit(screenDeadline)
		if code != "0" {
			t.Fatalf("search at %d columns: exit %s\n%s", w, code, s)
		}
		plain := flatten(ok(t, "search", "baku"))
		contexts := 0
		for _, row := range s {
			if n := ansi.StringWidth(row); n > w {
				t.Errorf("search at %d columns wrote a row of %d cells, which the terminal wraps: %q", w, n, row)
			}
			var ctx string
			switch _, after, tab := strings.Cut(row, "\t"); {
			case strings.HasPrefix(row, "  "): // under its reference
				ctx = row
			case tab:
				ctx = after
			case strings.Contains(row, "#") && strings.Contains(row, " "): // tmux shows the tab as spaces
				ctx = row[strings.Index(row, " "):]
			default:
				continue
			}
			ctx = strings.TrimSpace(ctx)
			contexts++
			if !strings.Contains(strings.ToLower(ctx), "baku") {
				t.Errorf("search at %d columns cut the match out of a context: %q", w, ctx)
			}
			inner := strings.TrimSuffix(strings.TrimPrefix(ctx, "…"), "…")
			at := strings.Index(plain, inner)
			if at < 0 {
				t.Errorf("search at %d columns: %q is not in the full output", w, ctx)
				continue
			}
			if strings.HasPrefix(ctx, "…") && at > 0 && !boundaryBefore(plain, at) {
				t.Errorf("search at %d columns cuts the start of a context inside a word: %q", w, ctx)
			}
			if end := at + len(inner); strings.HasSuffix(ctx, "…") && end < len(plain) && !boundaryAfter(plain, end) {
				t.Errorf("search at %d columns cuts the end of a context inside a word: %q", w, ctx)
			}
		}
		if want := strings.Count(ok(t, "search", "baku"), "\n"); contexts != want {
			t.Errorf("search at %d columns shows %d contexts, want %d:\n%s", w, contexts, want, s)
		}
	}
}

// startsAtWordsEnd reports whether shown, with a "…" where it was cut, is
// a start of full ending after a whole word.
func startsAtWordsEnd(shown, full string) bool {
	shown = strings.TrimSuffix(shown, "…")
	if !strings.HasPrefix(full, shown) {
		return false
	}
	rest := full[len(shown):]
	return rest == "" || rest[0] == ' '
}

// boundaryBefore and boundaryAfter say whether a word ends at byte at of
// s: a space or the search's own "…" is there.
func boundaryBefore(s string, at int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:at])
	return unicode.IsSpace(r) || r == '…'
}

func boundaryAfter(s string, at int) bool {
	r, _ := utf8.DecodeRuneInString(s[at:])
	return unicode.IsSpace(r) || r == '…'
}
