// Command loadtest loads `analyst serve` with many SSH readers at once and
// measures what they get: connection time, key-press-to-screen latency,
// bytes sent per key press, dropped sessions, and the server's memory per
// session. Run `go run ./tools/loadtest -h` from the module for the details.
//
// It is a program, not a test: `go test ./...` runs only the unit tests of
// its pure parts.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

const usageText = `loadtest loads "analyst serve" with many SSH readers and measures it.

Usage (from the module):
  go run ./tools/loadtest [flags]
  go run ./tools/loadtest -n 500 -duration 60s -json > load.json

The server: by default loadtest builds analyst with "go build -o" into a
temporary directory (or takes -bin) and starts "analyst serve" as a child
process on a free 127.0.0.1 port, with a new host key in that directory,
--max-sessions N+10, --rate 0, --max-sessions-per-address 0, --idle-timeout 1h, --log-format logfmt and
no GODEBUG. With -addr it loads a server that is already running instead;
then its memory and CPU cannot be measured, and it is not stopped.

The run, in phases:
  start    the server's RSS once it listens
  warm-up  one reader at -size opens every article (1 to -articles) so
           that the shared render cache is warm, and quits: RSS "warm"
  ramp     -n readers connect, spread over -ramp, at -size. Connect time
           is TCP + SSH handshake + PTY + shell until the first screen
           byte. Each then opens article -open and waits until its screen
           settles (no output for -settle)
  idle     -idle with every reader connected and still: server CPU
  keys     for -duration each reader presses a key every -interval, at a
           random phase: 10 j, 10 k, 10 j... (so the text never reaches its
           end). Latency: from writing the key to the first output byte
           after it. Bytes per key press: all output from then until the
           next press (a frame may come in several writes). Server RSS is
           sampled halfway: "loaded"
  end      every reader presses q and must end with exit status 0; a new
           reader must still get a screen; SIGTERM must stop the server
           with exit status 0

With -keyed every reader logs in with a key of its own (made up front),
so that the server keeps its places and highlights in its store (-db: a
new SQLite file by default, "postgres" for a throwaway PostgreSQL cluster
that syncs its commits, or a DSN), and makes a highlight every -highlight
(v m v, in place of its j or k), from a random phase: spread over the run.
The server's counts of the changes kept, refused and failed are scraped
once the readers have quit. Without -keyed the server keeps its store in
the temporary directory all the same, and the readers, without keys,
keep nothing.

With -metrics 1s the server also serves Prometheus metrics (--metrics-addr
on another free port) and loadtest scrapes /metrics every second from the
ramp to the end of the keys, parsing each scrape, as a busy Prometheus
would: run it alternately with and without to see what metrics cost.

Memory per session is (RSS loaded - RSS warm) / readers connected: what a
reader costs beyond the shared render cache. With -gctrace the server runs
with GODEBUG=gctrace=1 and the report adds the live heap after the last GC
before each sample (MiB resolution), which RSS blurs with freed-but-kept
pages.

A reader is dropped if it fails to connect, fails to open the article, or
its connection ends before the end. Bytes are SSH channel payload (what the
renderer writes), not encrypted wire bytes.

The client raises its open-file limit to the hard limit; the server, a
child, inherits it. The load generator shares the machine's CPUs with the
server: run it on a quiet machine for figures to compare.

Flags:
`

type config struct {
	bin, addr     string
	n             int
	ramp          time.Duration
	width, height int
	open          string
	articles      int
	interval      time.Duration
	duration      time.Duration
	settle        time.Duration
	idle          time.Duration
	timeout       time.Duration
	jsonOut       bool
	gctrace       bool
	metrics       time.Duration // scrape the server's /metrics this often; 0: metrics off
	keep          bool
	keyed         bool          // every reader logs in with a key of its own
	highlight     time.Duration // with keyed: a highlight this often per reader
	db            string        // the server's --db: "sqlite" (a new file), "postgres" (a throwaway cluster) or a DSN
	seed          uint64
	progress      io.Writer
	start         time.Time
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		return 2
	}
	rep, err := loadTest(cfg)
	if rep != nil {
		if cfg.jsonOut {
			enc := json.NewEncoder(stdout)
			enc.SetIndent("", "  ")
			_ = enc.Encode(rep)
		} else {
			rep.print(stdout)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "loadtest:", err)
		return 1
	}
	if !rep.ok() {
		return 1
	}
	return 0
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	cfg := config{progress: stderr, start: time.Now()}
	fs := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
	}
	size := "80x24"
	fs.StringVar(&cfg.bin, "bin", "", "the analyst binary `PATH` (default: go build it into a temporary directory)")
	fs.StringVar(&cfg.addr, "addr", "", "load the server already running at `HOST:PORT` instead of starting one (no memory figures)")
	fs.IntVar(&cfg.n, "n", 500, "concurrent reader sessions")
	fs.DurationVar(&cfg.ramp, "ramp", 10*time.Second, "spread the connections over this long")
	fs.StringVar(&size, "size", size, "terminal size `WxH` of every reader: 80x24 folds the sidebar, 120x40 shows it")
	fs.StringVar(&cfg.open, "open", "2", "the `key` that opens the article to read, from the issue list")
	fs.IntVar(&cfg.articles, "articles", 4, "how many articles the warm-up opens (keys 1 to N)")
	fs.DurationVar(&cfg.interval, "interval", 2*time.Second, "each reader presses a key this often")
	fs.DurationVar(&cfg.duration, "duration", 60*time.Second, "how long the readers press keys")
	fs.DurationVar(&cfg.settle, "settle", 300*time.Millisecond, "a screen is settled after this long without output")
	fs.DurationVar(&cfg.idle, "idle", 3*time.Second, "measure the server's CPU this long with every reader connected and still (0: skip)")
	fs.DurationVar(&cfg.timeout, "timeout", 30*time.Second, "limit for each step of a reader: connecting, a screen settling, quitting")
	fs.BoolVar(&cfg.jsonOut, "json", false, "print the report as a JSON object")
	fs.BoolVar(&cfg.gctrace, "gctrace", false, "run the server with GODEBUG=gctrace=1 and report its live heap too")
	fs.DurationVar(&cfg.metrics, "metrics", 0, "run the server with --metrics-addr and scrape its /metrics this often, from the ramp to the quits (0: metrics off)")
	fs.BoolVar(&cfg.keep, "keep", false, "keep the temporary directory (binary, host key, server log)")
	fs.BoolVar(&cfg.keyed, "keyed", false, "every reader logs in with a key of its own, and the server keeps its places and highlights")
	fs.DurationVar(&cfg.highlight, "highlight", time.Minute, "with -keyed, each reader makes a highlight this often (0: none)")
	fs.StringVar(&cfg.db, "db", "sqlite", "the server's store: sqlite (a new file), postgres (a throwaway cluster, commits synced) or a DSN")
	fs.Uint64Var(&cfg.seed, "seed", 0, "seed for the readers' random phases (0: from the clock)")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	fail := func(format string, a ...any) (config, error) {
		err := fmt.Errorf(format, a...)
		fmt.Fprintln(stderr, "loadtest:", err)
		fs.Usage()
		return cfg, err
	}
	var err error
	if cfg.width, cfg.height, err = parseSize(size); err != nil {
		return fail("-size: %v", err)
	}
	switch {
	case fs.NArg() > 0:
		return fail("unexpected arguments: %q", fs.Args())
	case cfg.n < 1:
		return fail("-n must be at least 1")
	case cfg.bin != "" && cfg.addr != "":
		return fail("-bin and -addr exclude each other: -addr loads a server already running")
	case cfg.highlight < 0:
		return fail("-highlight must not be negative")
	case cfg.addr != "" && (cfg.keyed || cfg.db != "sqlite"):
		return fail("-keyed and -db need the server loadtest starts (no -addr)")
	case cfg.metrics < 0 || (cfg.metrics > 0 && cfg.addr != ""):
		return fail("-metrics must not be negative, and needs the server loadtest starts (no -addr)")
	case cfg.interval <= 0 || cfg.duration <= 0 || cfg.settle <= 0 || cfg.timeout <= 0 || cfg.ramp < 0 || cfg.idle < 0:
		return fail("-interval, -duration, -settle and -timeout must be positive; -ramp and -idle not negative")
	case len(cfg.open) != 1 || cfg.open[0] < '1' || cfg.open[0] > '9':
		return fail("-open must be one digit")
	case cfg.articles < 1 || cfg.articles > 9:
		return fail("-articles must be from 1 to 9")
	}
	if cfg.seed == 0 {
		cfg.seed = uint64(time.Now().UnixNano())
	}
	return cfg, nil
}

// parseSize reads "WxH".
func parseSize(s string) (w, h int, err error) {
	ws, hs, ok := strings.Cut(strings.ToLower(s), "x")
	if !ok {
		return 0, 0, fmt.Errorf("%q is not WxH", s)
	}
	w, errW := strconv.Atoi(ws)
	h, errH := strconv.Atoi(hs)
	if errW != nil || errH != nil || w < 1 || h < 1 {
		return 0, 0, fmt.Errorf("%q is not WxH with positive numbers", s)
	}
	return w, h, nil
}

func (c *config) logf(format string, a ...any) {
	fmt.Fprintf(c.progress, "[%6.1fs] %s\n", time.Since(c.start).Seconds(), fmt.Sprintf(format, a...))
}

// raiseFDLimit raises the soft open-file limit to the hard one. Setting it
// explicitly also makes children inherit it (Go restores the original soft
// limit for children only when the program never sets it).
func raiseFDLimit() uint64 {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		return 0
	}
	lim.Cur = lim.Max
	_ = syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim)
	_ = syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim)
	return lim.Cur
}

// liveCounts are the readers connected and reading so far.
type liveCounts struct{ connected, opened atomic.Int64 }

// result is what happened to one reader.
type result struct {
	connected bool
	connect   time.Duration
	opened    bool
	dropPhase string // "connect", "open" or "keys"; empty if not dropped
	dropErr   error
	presses   []press
	quitErr   error
}

// loadTest runs the whole test. It returns the report so far even on an
// error.
func loadTest(cfg config) (rep *report, err error) {
	rep = newReport(cfg)
	rep.FDLimit = raiseFDLimit()
	dir, err := os.MkdirTemp("", "analyst-loadtest-")
	if err != nil {
		return nil, err
	}
	defer func() {
		if cfg.keep || err != nil || !rep.ok() {
			rep.Server.TempDir = dir
			return
		}
		os.RemoveAll(dir)
	}()

	var srv *serverProc
	addr := cfg.addr
	if addr == "" {
		bin := cfg.bin
		if bin == "" {
			cfg.logf("building analyst")
			if bin, err = buildAnalyst(dir); err != nil {
				return rep, err
			}
		}
		rep.Binary = bin
		dsn, kind, stopDB, err := storeDSN(cfg.db, dir)
		if err != nil {
			return rep, err
		}
		defer stopDB()
		if cfg.keyed {
			rep.Store = &storeReport{DB: kind, HighlightEvery: cfg.highlight.String()}
		}
		if srv, err = startServer(bin, dir, dsn, cfg.n+10, cfg.gctrace, cfg.metrics > 0 || cfg.keyed); err != nil {
			return rep, err
		}
		defer func() {
			if srv.running() {
				srv.kill()
			}
			srv.mu.Lock()
			rep.Server.LoggedSessions, rep.Server.NonZeroExits = srv.sessions, srv.nonZero
			rep.Server.LogProblems, rep.Server.LogIssues = srv.problems, srv.firstIssues
			srv.mu.Unlock()
			rep.Server.Log = srv.logPath
		}()
		addr = srv.addr
		cfg.logf("server pid %d on %s", srv.cmd.Process.Pid, addr)
		time.Sleep(500 * time.Millisecond)
		rep.Memory = &memoryReport{}
		rep.Memory.Start, _ = srv.memory()
	} else {
		rep.Notes = append(rep.Notes, "external server (-addr): its memory and CPU were not measured, and it was not stopped")
	}
	rep.Addr = addr

	// Warm-up: one reader opens every article, so that the render cache
	// holds what the readers will ask for.
	cfg.logf("warm-up: one reader opens articles 1 to %d at %dx%d", cfg.articles, cfg.width, cfg.height)
	if err := warmUp(addr, cfg); err != nil {
		return rep, fmt.Errorf("warm-up: %w", err)
	}
	if srv != nil {
		time.Sleep(time.Second)
		rep.Memory.Warm, _ = srv.memory()
	}

	// Ramp: the readers connect and open the article.
	results := make([]result, cfg.n)
	rng := rand.New(rand.NewPCG(cfg.seed, cfg.seed^0x9e3779b97f4a7c15))
	phases := make([]time.Duration, cfg.n)
	for i := range phases {
		phases[i] = time.Duration(rng.Int64N(int64(cfg.interval)))
	}
	var keys []gossh.Signer
	if cfg.keyed {
		if keys, err = readerKeys(cfg.n, cfg.seed); err != nil {
			return rep, err
		}
	}
	var ready, done sync.WaitGroup
	var counts liveCounts
	begin := make(chan time.Time, cfg.n) // the start of the key phase, once per reader
	var scrapes *scraper
	if srv != nil && srv.metricsAddr != "" && cfg.metrics > 0 {
		scrapes = startScraper(srv.metricsAddr, cfg.metrics)
	}
	cfg.logf("ramp: %d readers over %s", cfg.n, cfg.ramp)
	rampStart := time.Now()
	ccfg := clientConfig(cfg.timeout)
	for i := range cfg.n {
		ready.Add(1)
		done.Add(1)
		at := rampStart.Add(time.Duration(int64(cfg.ramp) * int64(i) / int64(cfg.n)))
		rcfg, hl := ccfg, rand.New(rand.NewPCG(cfg.seed+uint64(i), 1))
		if keys != nil {
			rcfg = keyedConfig(keys[i], cfg.timeout)
		}
		go func() {
			defer done.Done()
			results[i] = reader(addr, cfg, rcfg, at, phases[i], hl, &ready, begin, &counts)
		}()
	}
	ready.Wait()
	cfg.logf("ramp done in %s: %d connected, %d reading", time.Since(rampStart).Round(time.Millisecond), counts.connected.Load(), counts.opened.Load())

	// Idle: every reader connected, nobody pressing.
	if srv != nil && cfg.idle > 0 {
		c0, _ := srv.cpuTime()
		time.Sleep(cfg.idle)
		c1, _ := srv.cpuTime()
		rep.CPU.ServerIdlePct = pct(c1-c0, cfg.idle)
	}

	// Keys.
	cfg.logf("keys: %s, one key per reader every %s", cfg.duration, cfg.interval)
	t0 := time.Now()
	var serverCPU0 time.Duration
	if srv != nil {
		serverCPU0, _ = srv.cpuTime()
	}
	clientCPU0 := selfCPU()
	for range cfg.n {
		begin <- t0
	}
	if srv != nil {
		time.Sleep(cfg.duration / 2)
		rep.Memory.Loaded, _ = srv.memory()
		time.Sleep(time.Until(t0.Add(cfg.duration)))
		c1, _ := srv.cpuTime()
		rep.CPU.ServerKeysPct = pct(c1-serverCPU0, time.Since(t0))
	} else {
		time.Sleep(cfg.duration)
	}
	rep.CPU.ClientKeysPct = pct(selfCPU()-clientCPU0, time.Since(t0))
	if scrapes != nil {
		rep.Metrics = scrapes.finish()
	}
	cfg.logf("keys done; quitting every reader")
	done.Wait()
	rep.addResults(results)
	if rep.Store != nil {
		rep.Store.count(srv.metricsAddr)
	}

	// The server must still serve, and stop cleanly.
	if srv != nil {
		rep.Memory.End, _ = srv.memory()
	}
	probeErr := probe(addr, cfg.width, cfg.height, cfg.timeout)
	rep.Server.AliveAfterQuits = probeErr == nil && (srv == nil || srv.running())
	if probeErr != nil {
		rep.Server.ProbeError = probeErr.Error()
	}
	if srv != nil {
		cfg.logf("SIGTERM")
		code, took, err := srv.stop(30 * time.Second)
		rep.Server.ExitCode = &code
		rep.Server.StopTime = took.Round(time.Millisecond).String()
		if err != nil {
			rep.Server.StopError = err.Error()
		}
		rep.Memory.finish(rep.Sessions.Connected, cfg.gctrace)
	}
	return rep, nil
}

// warmUp opens every article at the readers' size, then quits.
func warmUp(addr string, cfg config) error {
	s, _, err := dial(addr, cfg.width, cfg.height, clientConfig(cfg.timeout), cfg.timeout)
	if err != nil {
		return err
	}
	if err := s.settle(cfg.settle, cfg.timeout); err != nil {
		s.client.Close()
		return err
	}
	for a := 1; a <= cfg.articles; a++ {
		for _, key := range []string{strconv.Itoa(a), "\x1b"} { // open, then esc back to the list
			if err := s.keyAndSettle(key, cfg.settle, cfg.timeout); err != nil {
				s.client.Close()
				return fmt.Errorf("article %d: %w", a, err)
			}
		}
	}
	return s.quit(cfg.timeout)
}

// reader is one reader's whole life: connect at a time, open the article,
// report ready, press keys from the start it is given until the end, and
// quit.
func reader(addr string, cfg config, ccfg *gossh.ClientConfig, at time.Time, phase time.Duration, hlRand *rand.Rand,
	ready *sync.WaitGroup, begin <-chan time.Time, counts *liveCounts) (r result) {
	readied := false
	setReady := func() {
		if !readied {
			readied = true
			ready.Done()
		}
	}
	defer setReady()

	time.Sleep(time.Until(at))
	s, took, err := dial(addr, cfg.width, cfg.height, ccfg, cfg.timeout)
	if err != nil {
		r.dropPhase, r.dropErr = "connect", err
		return r
	}
	r.connected, r.connect = true, took
	counts.connected.Add(1)
	defer func() {
		if r.dropPhase != "" {
			s.client.Close()
		}
	}()
	if err := s.settle(cfg.settle, cfg.timeout); err != nil {
		r.dropPhase, r.dropErr = "open", fmt.Errorf("first screen: %w", err)
		return r
	}
	if err := s.keyAndSettle(cfg.open, cfg.settle, cfg.timeout); err != nil {
		r.dropPhase, r.dropErr = "open", err
		return r
	}
	r.opened = true
	counts.opened.Add(1)
	setReady()

	t0 := <-begin
	end := t0.Add(cfg.duration)
	var highlights highlightDue
	if cfg.keyed {
		highlights = newHighlightDue(t0, cfg.highlight, hlRand)
	}
	timer := time.NewTimer(0)
	<-timer.C
	wait := func(until time.Time) bool {
		timer.Reset(time.Until(until))
		select {
		case <-timer.C:
			return true
		case <-s.readDone:
			timer.Stop()
			return false
		}
	}
	drop := func(err error) result {
		r.presses = s.presses()
		r.dropPhase, r.dropErr = "keys", err
		return r
	}
	k := 0
	for next := t0.Add(phase); next.Before(end); next = next.Add(cfg.interval) {
		if !wait(next) {
			return drop(s.endError())
		}
		key := "j"
		if k%20 >= 10 {
			key = "k"
		}
		if highlights.now(next) {
			key = highlightKeys
		} else {
			k++
		}
		if err := s.press(key); err != nil {
			return drop(fmt.Errorf("writing a key: %w", err))
		}
	}
	if !wait(end) {
		return drop(s.endError())
	}
	s.awaitAnswer(cfg.interval)            // a key pressed just before the end
	_ = s.settle(cfg.settle, cfg.interval) // and the rest of its frame
	r.presses = s.presses()
	r.quitErr = s.quit(cfg.timeout)
	return r
}

func pct(d, over time.Duration) float64 {
	if over <= 0 {
		return 0
	}
	return float64(int(float64(d)/float64(over)*1000)) / 10
}

// selfCPU is this process's CPU time, user and system.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
