package main

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// press is one key press and the output that followed it, up to the next
// key press (or the end of the measurement).
type press struct {
	key   string    // what was pressed
	sent  time.Time // just before the key was written
	first time.Time // the first output byte after it; zero if none came
	bytes int64     // every output byte until the next press
}

// answered reports whether any output followed the press.
func (p press) answered() bool { return !p.first.IsZero() }

// latency is the time from writing the key to the first byte after it.
func (p press) latency() time.Duration { return p.first.Sub(p.sent) }

// tracker attributes a session's output to its key presses: every byte that
// arrives after a press and before the next one belongs to that press, since
// the renderer may split one frame over several writes (and SSH packets).
// Output before the first press and after the last is counted apart. It is not safe for
// concurrent use; the session guards it.
type tracker struct {
	before  int64 // output before the first press
	after   int64 // output after the last press was closed
	cur     *press
	presses []press
}

// press starts attributing output to a key written at time at, closing the
// previous press.
func (t *tracker) press(key string, at time.Time) {
	t.close()
	t.cur = &press{key: key, sent: at}
}

// output records n bytes that arrived at time at.
func (t *tracker) output(at time.Time, n int) {
	switch {
	case t.cur == nil && len(t.presses) == 0:
		t.before += int64(n)
		return
	case t.cur == nil:
		t.after += int64(n)
		return
	}
	if t.cur.first.IsZero() {
		t.cur.first = at
	}
	t.cur.bytes += int64(n)
}

// close ends the current press, if any: later output is not its.
func (t *tracker) close() {
	if t.cur != nil {
		t.presses = append(t.presses, *t.cur)
		t.cur = nil
	}
}

// percentile returns the p-th percentile (0 < p <= 100) of sorted values by
// the nearest-rank method: the smallest value that at least p% of the values
// are less than or equal to. It returns the zero value for no values.
func percentile[T cmp.Ordered](sorted []T, p float64) T {
	var zero T
	if len(sorted) == 0 {
		return zero
	}
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	rank = max(1, min(rank, len(sorted)))
	return sorted[rank-1]
}

// durationStats summarises durations in milliseconds.
type durationStats struct {
	Count int     `json:"count"`
	P50   float64 `json:"p50_ms"`
	P90   float64 `json:"p90_ms"`
	P99   float64 `json:"p99_ms"`
	Max   float64 `json:"max_ms"`
	Mean  float64 `json:"mean_ms"`
}

func summariseDurations(ds []time.Duration) durationStats {
	s := slices.Clone(ds)
	slices.Sort(s)
	st := durationStats{Count: len(s)}
	if len(s) == 0 {
		return st
	}
	var sum time.Duration
	for _, d := range s {
		sum += d
	}
	ms := func(d time.Duration) float64 { return math.Round(float64(d)/1e4) / 100 }
	st.P50, st.P90, st.P99 = ms(percentile(s, 50)), ms(percentile(s, 90)), ms(percentile(s, 99))
	st.Max = ms(s[len(s)-1])
	st.Mean = ms(sum / time.Duration(len(s)))
	return st
}

// byteStats summarises byte counts.
type byteStats struct {
	Count int     `json:"count"`
	Mean  float64 `json:"mean"`
	P50   int64   `json:"p50"`
	P99   int64   `json:"p99"`
	Min   int64   `json:"min"`
	Max   int64   `json:"max"`
}

func summariseBytes(bs []int64) byteStats {
	s := slices.Clone(bs)
	slices.Sort(s)
	st := byteStats{Count: len(s)}
	if len(s) == 0 {
		return st
	}
	var sum int64
	for _, b := range s {
		sum += b
	}
	st.Mean = math.Round(float64(sum)/float64(len(s))*10) / 10
	st.P50, st.P99 = percentile(s, 50), percentile(s, 99)
	st.Min, st.Max = s[0], s[len(s)-1]
	return st
}
