package server

import (
	"encoding/base64"
	"strings"
	"testing"
	"time"
)

// Over SSH the reader's keys work as they do locally: the first highlight
// says it is kept for the session only, and y copies through OSC 52, to
// the client's own clipboard.
func TestSSHHighlightsAndClipboard(t *testing.T) {
	ts := startServer(t, nil)
	s := reader(t, ts.dial(t, "alice"), 40, 120)
	s.out.waitFor(t, 0, "Tolipov")

	m := s.out.mark()
	s.press(t, "2")
	s.out.waitFor(t, m, "In late December 2025") // the text itself, drawn after the sidebar
	m = s.out.mark()
	s.press(t, "vm")
	s.out.waitFor(t, m, "1 highlight")
	s.out.waitFor(t, m, "this session only")
	m = s.out.mark()
	s.press(t, "y")
	s.out.waitFor(t, m, "Copied the quote")
	err := s.out.awaitText(m, func(raw string) bool {
		_, rest, ok := strings.Cut(raw, "\x1b]52;c;")
		end := strings.IndexAny(rest, "\x07\x1b")
		if !ok || end < 0 {
			return false
		}
		text, err := base64.StdEncoding.DecodeString(rest[:end])
		return err == nil && strings.HasPrefix(string(text), "“In late December 2025") && strings.Contains(string(text), "Cutler, Robert M. 2026.")
	}, "an OSC 52 copy of the quote with its citation", 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	s.press(t, "q")
	if code := s.exitStatus(t); code != 0 {
		t.Errorf("exit status = %d", code)
	}
}
