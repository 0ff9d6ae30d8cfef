package ui

import (
	"strconv"
	"strings"
	"testing"
	"unicode"

	"analyst/internal/content"
)

// endsAtWord reports whether shown (cut, with "…") is a start of full
// that ends at the end of one of its words.
func endsAtWord(shown, full string) bool {
	shown = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(shown), "…"))
	if !strings.HasPrefix(full, shown) {
		return false
	}
	rest := full[len(shown):]
	return rest == "" || unicode.IsSpace([]rune(rest)[0])
}

// TestListCutsAtWords: in narrow lists, titles and teasers are cut
// after a whole word, and a cut editorial title keeps its "*".
func TestListCutsAtWords(t *testing.T) {
	for _, w := range []int{80, 60, 44} {
		hs := newHarness(t, Options{Cache: sharedCache()}, w, 40)
		screen := hs.screen()
		for _, a := range hs.m.c.lib.Latest().Articles() {
			title, teaser := titleRow(screen, a), teaserEnd(screen, a)
			if title == "" || teaser == "" {
				t.Fatalf("at %d columns article %d is not on the list:\n%s", w, a.Number, screen)
			}
			shownTitle := strings.TrimSuffix(title, " *")
			if a.Editorial() != strings.HasSuffix(title, " *") {
				t.Errorf("at %d columns the title of article %d lost or gained its *: %q", w, a.Number, title)
			}
			if !endsAtWord(shownTitle, a.Title) {
				t.Errorf("at %d columns the title of article %d is cut inside a word: %q", w, a.Number, title)
			}
			if strings.HasSuffix(teaser, "…") && !endsAtWord(teaser, lastTeaserLineStart(teaser, a.Teaser())) {
				t.Errorf("at %d columns the teaser of article %d is cut inside a word: %q", w, a.Number, teaser)
			}
		}
	}
}

// titleRow is the title on the list's row for article a, without its number.
func titleRow(screen string, a *content.Article) string {
	for _, line := range strings.Split(screen, "\n") {
		f := strings.TrimLeft(line, " ▌")
		num, rest, ok := strings.Cut(f, " ")
		if ok && num == itoa(a.Number) {
			return strings.TrimSpace(rest)
		}
	}
	return ""
}

// teaserEnd is the last teaser line of article a on the list.
func teaserEnd(screen string, a *content.Article) string {
	lines := strings.Split(screen, "\n")
	for i, line := range lines {
		f := strings.TrimLeft(line, " ▌")
		if num, _, ok := strings.Cut(f, " "); ok && num == itoa(a.Number) && i+3 < len(lines) {
			last := strings.TrimSpace(lines[i+3])
			if last == "" {
				last = strings.TrimSpace(lines[i+2])
			}
			return strings.TrimLeft(last, "▌ ")
		}
	}
	return ""
}

// lastTeaserLineStart is the teaser from where its shown line starts.
func lastTeaserLineStart(shown, teaser string) string {
	words := strings.Fields(strings.TrimSuffix(shown, "…"))
	if len(words) == 0 {
		return teaser
	}
	at := strings.Index(teaser, strings.Join(words[:min(2, len(words))], " "))
	if at < 0 {
		return teaser
	}
	return teaser[at:]
}

func itoa(n int) string { return strconv.Itoa(n) }
