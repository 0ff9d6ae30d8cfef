package server

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

// chunks is a reader that returns one chunk a read, then io.EOF, and moves
// a fake clock by step before each read.
type chunks struct {
	parts []string
	clock *fakeClock
	step  time.Duration
}

func (c *chunks) Read(p []byte) (int, error) {
	if len(c.parts) == 0 {
		return 0, io.EOF
	}
	c.clock.advance(c.step)
	n := copy(p, c.parts[0])
	c.parts = c.parts[1:]
	return n, nil
}

// readInput reads everything a program would get from parts through a
// budget of rate bytes a second and burst, the clock moving step before
// each read; it returns what came through and how often the reader was
// told of a drop and of the end.
func readInput(t *testing.T, rate float64, burst int, step time.Duration, parts ...string) (got string, told, ended int) {
	t.Helper()
	clock := &fakeClock{t: time.Unix(1e9, 0)}
	in := newSessionInput(&chunks{parts: parts, clock: clock, step: step}, rate, burst,
		func() { told++ }, func() { ended++ })
	in.now = clock.now
	in.budget.last = clock.now()
	var out bytes.Buffer
	buf := make([]byte, 4096)
	for {
		n, err := in.Read(buf)
		out.Write(buf[:n])
		if errors.Is(err, io.EOF) {
			return out.String(), told, ended
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestSessionInputBudget(t *testing.T) {
	ps, pe := pasteStart, pasteEnd
	cases := []struct {
		name  string
		rate  float64
		burst int
		step  time.Duration
		parts []string
		want  string
		told  int
	}{
		{"typing within the budget", 10, 20, 0,
			[]string{"j", "j", "k", "\x1b[A", "/baku\r"}, "jjk\x1b[A/baku\r", 0},
		{"a flood beyond the burst is dropped, a read at a time", 10, 8, 0,
			[]string{"zzzz", "zzzz", "zzzz", "zzzz"}, "zzzzzzzz", 1},
		{"the rate lets keys in again", 10, 4, 100 * time.Millisecond,
			[]string{"zzzz", "zzzz", "q"}, "zzzzq", 1},
		{"no budget", 0, 1, 0,
			[]string{"zzzz", "zzzz"}, "zzzzzzzz", 0},
		{"a read bigger than the burst passes when the bucket is full", 10, 4, 0,
			[]string{"zzzzzzzz", "j"}, "zzzzzzzz", 1},
		{"a paste within the budget passes whole", 10, 100, 0,
			[]string{ps + "Baku", "Tbilisi" + pe + "j"}, ps + "BakuTbilisi" + pe + "j", 0},
		{"a paste the budget cuts is closed, and the rest of it dropped", 1000, 12, 0,
			[]string{ps + "Baku", "Tbilisi", "Yerevan" + pe + "j"}, ps + "Baku" + pe, 1},
		{"after a cut paste, keys pass again", 1000, 12, time.Millisecond,
			[]string{ps + "Baku", "Tbilisi Yerevan Astana", "Ashgabat", pe, "k"}, ps + "Baku" + pe + "k", 1},
		{"a paste whose start was dropped is dropped to its end", 1000, 4, time.Millisecond,
			[]string{"zzzz", ps + "Baku", "Tbilisi", "Yerevan" + pe, "k"}, "zzzzk", 1},
		// The start's first bytes got through: the decoder makes what it
		// can of them and the k; the split end is found all the same.
		{"markers split between reads are found", 1000, 12, time.Millisecond,
			[]string{"zzzz", ps[:3], ps[3:] + "Baku Tbilisi Yerevan", "Astana" + pe[:4], pe[4:], "k"}, "zzzz" + ps[:3] + "k", 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, told, ended := readInput(t, tc.rate, tc.burst, tc.step, tc.parts...)
			if got != tc.want {
				t.Errorf("the program read %q, want %q", got, tc.want)
			}
			if told != tc.told {
				t.Errorf("told of drops %d times, want %d", told, tc.told)
			}
			if ended != 1 {
				t.Errorf("told of the end %d times, want once", ended)
			}
		})
	}
}

// The end of input is told only once the program has read everything
// before it.
func TestSessionInputEndsAfterTheLastByte(t *testing.T) {
	ended := false
	in := newSessionInput(strings.NewReader("q"), 10, 10, nil, func() { ended = true })
	b := make([]byte, 10)
	if n, _ := in.Read(b); n != 1 || ended {
		t.Fatalf("first read: %d bytes, ended %v; want the q and not ended", n, ended)
	}
	if _, err := in.Read(b); !errors.Is(err, io.EOF) || !ended {
		t.Fatalf("second read: %v, ended %v; want EOF and ended", err, ended)
	}
}
