package server

import (
	"strings"
	"testing"
)

func TestClientString(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"alice", "alice"},
		{"Ōsaka 日本", "Ōsaka 日本"},
		{"bob\nINFO session remote=1.2.3.4 user=admin", `bob\nINFO session remote=1.2.3.4 user=admin`},
		{"a\r\tb\x1b[31mc\x07\x00\x7f", `a\r\tb\x1b[31mc\a\x00\x7f`},
		{"line\u2028sep\u2029par\u0085nel", `line\u2028sep\u2029par\u0085nel`},
		{`back\slash`, `back\\slash`},
		{"bad \xff\xfe utf-8 \uFFFD", `bad \xff\xfe utf-8 ` + "\uFFFD"},
	} {
		if got := clientString(tc.in); got != tc.want {
			t.Errorf("clientString(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}

	long := strings.Repeat("x", 250<<10)
	got := clientString(long)
	if len(got) > maxLogged+50 || !strings.HasPrefix(got, strings.Repeat("x", maxLogged)) || !strings.HasSuffix(got, "…[cut: 256000 bytes in all]") {
		t.Errorf("a 250 KB string logged as %d bytes: …%q", len(got), got[max(0, len(got)-60):])
	}
	// Cut after escapes, the bound still holds.
	got = clientString(strings.Repeat("\n", 1000))
	if len(got) > maxLogged+50 || !strings.Contains(got, "cut: 1000 bytes") {
		t.Errorf("1000 newlines logged as %d bytes: %q", len(got), got)
	}
	if got := clientString(strings.Repeat("y", maxLogged)); got != strings.Repeat("y", maxLogged) {
		t.Errorf("a string of exactly maxLogged bytes was cut: %q", got)
	}
}
