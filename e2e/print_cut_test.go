package e2e

import (
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestListAndSearchCutAtWords: at 70 and 60 columns, `list` keeps the
// REF column (what to type to read an article), cuts titles after a
// whole word and keeps their "*"; `search` cuts its contexts at word
// boundaries at both ends.
func TestListAndSearchCutAtWords(t *testing.T) {
	t.Parallel()
	arts := libraryArticles(t)
	for _, w := range []int{70, 60} {
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
		}
		if !strings.HasSuffix(strings.TrimSpace(header), "REF") {
			t.Errorf("list at %d columns dropped the REF column: %q", w, header)
		}
		for _, a := range arts {
			for _, row := range s {
				if !strings.HasPrefix(row, strconv.Itoa(a.Number)+"  ") || !strings.HasSuffix(strings.TrimSpace(row), a.Slug) {
					continue
				}
				title := strings.TrimSpace(strings.TrimPrefix(row, strconv.Itoa(a.Number)+"  "))
				title = title[:strings.Index(title, "  ")]
				if a.editorial() != strings.HasSuffix(title, " *") {
					t.Errorf("list at %d columns: the * of article %d: %q", w, a.Number, title)
				}
				if !startsAtWordsEnd(strings.TrimSuffix(title, " *"), a.Title) {
					t.Errorf("list at %d columns cuts the title of article %d inside a word: %q", w, a.Number, title)
				}
			}
		}

		tm = startPane(t, w, 40, "EXIT", readerCommand(t, nil, "search", "baku"))
		if code, s = tm.waitExit(screenDeadline); code != "0" {
			t.Fatalf("search at %d columns: exit %s\n%s", w, code, s)
		}
		plain := flatten(ok(t, "search", "baku"))
		for _, row := range s {
			_, ctx, found := strings.Cut(row, "\t")
			if !found {
				if i := strings.Index(row, "#"); i < 0 || !strings.Contains(strings.ToLower(row), "baku") {
					continue
				}
				ctx = strings.TrimSpace(row[strings.Index(row, " "):])
			}
			ctx = strings.TrimSpace(ctx)
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
