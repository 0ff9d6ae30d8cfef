package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
)

// report is everything a run measured.
type report struct {
	Target   string `json:"target"` // "subprocess" or "external"
	Addr     string `json:"addr"`
	Binary   string `json:"binary,omitempty"`
	Size     string `json:"size"`
	Ramp     string `json:"ramp"`
	Duration string `json:"duration"`
	Interval string `json:"interval"`
	Seed     uint64 `json:"seed"`
	FDLimit  uint64 `json:"fd_limit"`

	Sessions struct {
		Requested    int            `json:"requested"`
		Connected    int            `json:"connected"`
		Reading      int            `json:"reading"` // opened the article
		Dropped      int            `json:"dropped"`
		DroppedBy    map[string]int `json:"dropped_by_phase,omitempty"`
		DropErrors   []string       `json:"drop_errors,omitempty"` // the first few
		UncleanQuits int            `json:"unclean_quits"`
		QuitErrors   []string       `json:"quit_errors,omitempty"`
	} `json:"sessions"`

	Connect     durationStats `json:"connect"`
	Latency     durationStats `json:"latency"`
	Keypresses  int           `json:"keypresses"`
	Unanswered  int           `json:"unanswered"` // presses no output followed before the next one
	BytesPerKey byteStats     `json:"bytes_per_key"`
	BytesPerJ   byteStats     `json:"bytes_per_j"`
	BytesPerK   byteStats     `json:"bytes_per_k"`

	Store   *storeReport   `json:"store,omitempty"` // with -keyed
	Memory  *memoryReport  `json:"memory,omitempty"`
	Metrics *metricsReport `json:"metrics,omitempty"` // with -metrics

	CPU struct {
		ServerIdlePct float64 `json:"server_idle_pct,omitempty"` // % of one core, readers connected and still
		ServerKeysPct float64 `json:"server_keys_pct,omitempty"` // % of one core while readers press keys
		ClientKeysPct float64 `json:"client_keys_pct"`           // the load generator itself
	} `json:"cpu"`

	Server struct {
		AliveAfterQuits bool     `json:"alive_after_quits"`
		ProbeError      string   `json:"probe_error,omitempty"`
		ExitCode        *int     `json:"exit_code,omitempty"` // after SIGTERM
		StopTime        string   `json:"stop_time,omitempty"`
		StopError       string   `json:"stop_error,omitempty"`
		LoggedSessions  int      `json:"logged_sessions"`
		NonZeroExits    int      `json:"non_zero_exits"`
		LogProblems     int      `json:"log_problems"`
		LogIssues       []string `json:"log_issues,omitempty"`
		Log             string   `json:"log,omitempty"`
		TempDir         string   `json:"temp_dir,omitempty"`
	} `json:"server"`

	Notes []string `json:"notes,omitempty"`
}

// memoryReport is the server's memory at the sample points.
type memoryReport struct {
	Start  memSample `json:"start"`
	Warm   memSample `json:"warm"`
	Loaded memSample `json:"loaded"`
	End    memSample `json:"after_quits"`
	// What one reader costs beyond the shared render cache.
	RSSPerSessionKiB  float64 `json:"rss_per_session_kib"`
	HeapPerSessionKiB float64 `json:"heap_per_session_kib,omitempty"`
}

func (m *memoryReport) finish(sessions int, gctrace bool) {
	if sessions == 0 {
		return
	}
	m.RSSPerSessionKiB = round1(float64(m.Loaded.RSSKiB-m.Warm.RSSKiB) / float64(sessions))
	if gctrace && m.Loaded.GCNum > 0 && m.Warm.GCNum > 0 {
		m.HeapPerSessionKiB = round1(float64(m.Loaded.HeapMiB-m.Warm.HeapMiB) * 1024 / float64(sessions))
	}
}

func round1(f float64) float64 { return float64(int64(f*10)) / 10 }

func newReport(cfg config) *report {
	r := &report{
		Target: "subprocess", Size: fmt.Sprintf("%dx%d", cfg.width, cfg.height),
		Ramp: cfg.ramp.String(), Duration: cfg.duration.String(), Interval: cfg.interval.String(), Seed: cfg.seed,
	}
	if cfg.addr != "" {
		r.Target = "external"
	}
	r.Sessions.Requested = cfg.n
	return r
}

// addResults adds up the readers' results.
func (r *report) addResults(results []result) {
	var connects, latencies []time.Duration
	var all, js, ks, hs []int64
	var hlLatencies []time.Duration
	r.Sessions.DroppedBy = map[string]int{}
	for _, res := range results {
		if res.connected {
			r.Sessions.Connected++
			connects = append(connects, res.connect)
		}
		if res.opened {
			r.Sessions.Reading++
		}
		if res.dropPhase != "" {
			r.Sessions.Dropped++
			r.Sessions.DroppedBy[res.dropPhase]++
			if len(r.Sessions.DropErrors) < 5 {
				r.Sessions.DropErrors = append(r.Sessions.DropErrors, res.dropPhase+": "+res.dropErr.Error())
			}
		}
		if res.quitErr != nil {
			r.Sessions.UncleanQuits++
			if len(r.Sessions.QuitErrors) < 5 {
				r.Sessions.QuitErrors = append(r.Sessions.QuitErrors, res.quitErr.Error())
			}
		}
		for _, p := range res.presses {
			r.Keypresses++
			if !p.answered() {
				r.Unanswered++
				continue
			}
			latencies = append(latencies, p.latency())
			all = append(all, p.bytes)
			switch p.key {
			case "j":
				js = append(js, p.bytes)
			case "k":
				ks = append(ks, p.bytes)
			default:
				hs = append(hs, p.bytes)
				hlLatencies = append(hlLatencies, p.latency())
			}
		}
	}
	if len(r.Sessions.DroppedBy) == 0 {
		r.Sessions.DroppedBy = nil
	}
	r.Connect = summariseDurations(connects)
	r.Latency = summariseDurations(latencies)
	r.BytesPerKey, r.BytesPerJ, r.BytesPerK = summariseBytes(all), summariseBytes(js), summariseBytes(ks)
	if r.Store != nil {
		r.Store.Highlights = len(hs)
		r.Store.Latency, r.Store.BytesPerPress = summariseDurations(hlLatencies), summariseBytes(hs)
	}
}

// ok reports whether the run found nothing wrong.
func (r *report) ok() bool {
	s := r.Server
	if r.Metrics != nil && (r.Metrics.Errors > 0 || r.Metrics.Scrapes == 0) {
		return false
	}
	if st := r.Store; st != nil && (st.ScrapeError != "" || st.WritesFailed > 0 || st.WritesRefused > 0) {
		return false
	}
	return r.Sessions.Dropped == 0 && r.Sessions.UncleanQuits == 0 && r.Unanswered == 0 &&
		s.AliveAfterQuits && (s.ExitCode == nil || *s.ExitCode == 0) && s.StopError == "" && s.NonZeroExits == 0
}

func (r *report) print(w io.Writer) {
	p := func(format string, a ...any) { fmt.Fprintf(w, format+"\n", a...) }
	p("analyst serve load test: %d readers at %s (%s server %s), ramp %s, keys for %s every %s",
		r.Sessions.Requested, r.Size, r.Target, r.Addr, r.Ramp, r.Duration, r.Interval)
	s := r.Sessions
	p("sessions   requested %d  connected %d  reading %d  dropped %d%s  unclean quits %d",
		s.Requested, s.Connected, s.Reading, s.Dropped, byPhase(s.DroppedBy), s.UncleanQuits)
	for _, e := range append(s.DropErrors, s.QuitErrors...) {
		p("           ! %s", e)
	}
	p("connect    p50 %s  p99 %s  max %s  (TCP + handshake + pty + shell to first byte)",
		ms(r.Connect.P50), ms(r.Connect.P99), ms(r.Connect.Max))
	p("latency    p50 %s  p90 %s  p99 %s  max %s  (key to first byte; %d presses, %d unanswered)",
		ms(r.Latency.P50), ms(r.Latency.P90), ms(r.Latency.P99), ms(r.Latency.Max), r.Keypresses, r.Unanswered)
	p("bytes/key  mean %.0f  p50 %d  min %d  max %d  (j: %s; k: %s)",
		r.BytesPerKey.Mean, r.BytesPerKey.P50, r.BytesPerKey.Min, r.BytesPerKey.Max,
		meanP50(r.BytesPerJ), meanP50(r.BytesPerK))
	if st := r.Store; st != nil {
		p("store      %s, every reader keyed, a highlight every %s: %d highlights, latency p50 %s p99 %s, %s bytes",
			st.DB, st.HighlightEvery, st.Highlights, ms(st.Latency.P50), ms(st.Latency.P99), meanP50(st.BytesPerPress))
		p("           changes the server counted: %.0f kept, %.0f refused, %.0f failed%s",
			st.WritesOK, st.WritesRefused, st.WritesFailed, bang(st.ScrapeError))
	}
	if m := r.Memory; m != nil {
		p("memory     RSS start %s  warm %s  loaded %s  after quits %s  peak %s",
			mib(m.Start.RSSKiB), mib(m.Warm.RSSKiB), mib(m.Loaded.RSSKiB), mib(m.End.RSSKiB), mib(m.End.HWMKiB))
		p("           per session (loaded - warm) / %d: %.0f KiB RSS", s.Connected, m.RSSPerSessionKiB)
		if m.Loaded.GCNum > 0 {
			p("           live heap after last GC: start %s  warm %s  loaded %d MiB (stacks %d MiB)  → %.0f KiB per session",
				heapMiB(m.Start), heapMiB(m.Warm), m.Loaded.HeapMiB, m.Loaded.StackMiB, m.HeapPerSessionKiB)
		}
		p("cpu        server idle %.1f%%, under keys %.1f%% of one core; load generator %.1f%%",
			r.CPU.ServerIdlePct, r.CPU.ServerKeysPct, r.CPU.ClientKeysPct)
	} else {
		p("memory     not measured: external server (-addr)")
		p("cpu        load generator %.1f%% of one core", r.CPU.ClientKeysPct)
	}
	if m := r.Metrics; m != nil {
		p("metrics    scraped every %s: %d scrapes, %d errors, %d bytes, p50 %.1fms max %.1fms; server counted %.0f readers started, %.0f open",
			m.Every, m.Scrapes, m.Errors, m.Bytes, m.P50ms, m.Maxms, m.ReadersStarted, m.ReadersOpen)
		for _, e := range m.FirstErrors {
			p("           ! %s", e)
		}
	}
	sv := r.Server
	alive := "yes"
	if !sv.AliveAfterQuits {
		alive = "NO: " + sv.ProbeError
	}
	line := "server     serves a new reader after the quits: " + alive
	if sv.ExitCode != nil {
		line += fmt.Sprintf("; SIGTERM: exit %d in %s", *sv.ExitCode, sv.StopTime)
		if sv.StopError != "" {
			line += " (" + sv.StopError + ")"
		}
		line += fmt.Sprintf("; log: %d sessions, %d non-zero exits, %d warnings/errors",
			sv.LoggedSessions, sv.NonZeroExits, sv.LogProblems)
	}
	p("%s", line)
	for _, l := range sv.LogIssues {
		p("           ! %s", l)
	}
	if sv.TempDir != "" {
		p("kept       %s", sv.TempDir)
	}
	for _, n := range r.Notes {
		p("note       %s", n)
	}
	if r.ok() {
		p("result     OK")
	} else {
		p("result     PROBLEMS (see above)")
	}
}

func bang(err string) string {
	if err == "" {
		return ""
	}
	return " (! " + err + ")"
}

func byPhase(m map[string]int) string {
	if len(m) == 0 {
		return ""
	}
	var parts []string
	for k, v := range m {
		parts = append(parts, fmt.Sprintf("%s %d", k, v))
	}
	sort.Strings(parts)
	return " (" + strings.Join(parts, ", ") + ")"
}

func meanP50(b byteStats) string {
	if b.Count == 0 {
		return "none"
	}
	return fmt.Sprintf("mean %.0f p50 %d", b.Mean, b.P50)
}

func ms(v float64) string { return fmt.Sprintf("%.1fms", v) }

func mib(kib int64) string { return fmt.Sprintf("%.1f MiB", float64(kib)/1024) }

func heapMiB(m memSample) string {
	if m.GCNum == 0 {
		return "-"
	}
	return fmt.Sprintf("%d MiB", m.HeapMiB)
}
