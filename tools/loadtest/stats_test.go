package main

import (
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = i + 1
	}
	cases := []struct {
		name string
		vals []int
		p    float64
		want int
	}{
		{"empty", nil, 50, 0},
		{"one", []int{7}, 99, 7},
		{"one p1", []int{7}, 1, 7},
		{"median of odd", []int{1, 2, 3, 4, 5}, 50, 3},
		{"median of even is the lower", []int{1, 2, 3, 4}, 50, 2},
		{"p99 of 100", hundred, 99, 99},
		{"p90 of 100", hundred, 90, 90},
		{"p100 is the max", hundred, 100, 100},
		{"p99 of 10 is the max", hundred[:10], 99, 10},
		{"tiny p is the min", hundred, 0.001, 1},
	}
	for _, c := range cases {
		if got := percentile(c.vals, c.p); got != c.want {
			t.Errorf("%s: percentile(%v, %g) = %d, want %d", c.name, c.vals, c.p, got, c.want)
		}
	}
}

func TestSummariseDurations(t *testing.T) {
	var ds []time.Duration
	for i := 10; i >= 1; i-- { // unsorted on purpose
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	st := summariseDurations(ds)
	if st.Count != 10 || st.P50 != 5 || st.P90 != 9 || st.P99 != 10 || st.Max != 10 || st.Mean != 5.5 {
		t.Errorf("summariseDurations = %+v", st)
	}
	if ds[0] != 10*time.Millisecond {
		t.Error("summariseDurations sorted its argument in place")
	}
	if st := summariseDurations(nil); st != (durationStats{}) {
		t.Errorf("summariseDurations(nil) = %+v", st)
	}
}

func TestTrackerAttributesBytesToThePrecedingPress(t *testing.T) {
	t0 := time.Unix(1000, 0)
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	var tr tracker
	tr.output(at(0), 500) // the first screen: no press yet
	tr.output(at(5), 20)
	tr.press("j", at(100))
	tr.output(at(112), 300) // one frame split over three writes
	tr.output(at(113), 200)
	tr.output(at(140), 7)
	tr.press("j", at(200)) // a press that nothing answers
	tr.press("j", at(300))
	tr.output(at(301), 1)
	tr.close()
	tr.output(at(400), 99) // after the end: nobody's
	tr.close()             // closing twice adds nothing

	if tr.before != 520 {
		t.Errorf("bytes before the first press = %d, want 520", tr.before)
	}
	if tr.after != 99 {
		t.Errorf("bytes after the end = %d, want 99", tr.after)
	}
	if len(tr.presses) != 3 {
		t.Fatalf("got %d presses, want 3: %+v", len(tr.presses), tr.presses)
	}
	want := []struct {
		answered bool
		latency  time.Duration
		bytes    int64
	}{
		{true, 12 * time.Millisecond, 507},
		{false, 0, 0},
		{true, time.Millisecond, 1},
	}
	for i, w := range want {
		p := tr.presses[i]
		if p.answered() != w.answered || p.bytes != w.bytes || (w.answered && p.latency() != w.latency) {
			t.Errorf("press %d: answered %v, latency %v, bytes %d; want %v, %v, %d",
				i, p.answered(), p.latency(), p.bytes, w.answered, w.latency, w.bytes)
		}
	}
}

func TestSummariseBytes(t *testing.T) {
	st := summariseBytes([]int64{300, 100, 200, 1000})
	if st.Count != 4 || st.Mean != 400 || st.P50 != 200 || st.Min != 100 || st.Max != 1000 || st.P99 != 1000 {
		t.Errorf("summariseBytes = %+v", st)
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string][2]int{"80x24": {80, 24}, "120X40": {120, 40}} {
		w, h, err := parseSize(in)
		if err != nil || w != want[0] || h != want[1] {
			t.Errorf("parseSize(%q) = %d, %d, %v", in, w, h, err)
		}
	}
	for _, bad := range []string{"", "80", "x24", "80x", "0x24", "80x-1", "axb"} {
		if _, _, err := parseSize(bad); err == nil {
			t.Errorf("parseSize(%q): no error", bad)
		}
	}
}

func TestParseGCTrace(t *testing.T) {
	line := "gc 12 @3.456s 1%: 0.018+1.2+0.003 ms clock, 0.036+0.1/0.5/0+0.006 ms cpu, 41->42->17 MB, 44 MB goal, 1 MB stacks, 0 MB globals, 2 P"
	g, ok := parseGCTrace(line)
	if !ok || g.num != 12 || g.liveMB != 17 || g.stacksMB != 1 || g.goalMB != 44 {
		t.Errorf("parseGCTrace = %+v, %v", g, ok)
	}
	if _, ok := parseGCTrace(`time=2026-01-01T00:00:00Z level=info msg=session`); ok {
		t.Error("parseGCTrace accepted a log line")
	}
}
