package main

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// buildAnalyst builds the analyst binary of the module the go command sees
// from the working directory into dir.
func buildAnalyst(dir string) (string, error) {
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	root := filepath.Dir(strings.TrimSpace(string(gomod)))
	if strings.TrimSpace(string(gomod)) == "" || strings.TrimSpace(string(gomod)) == os.DevNull {
		return "", errors.New("not inside the analyst module: run from it, or give -bin")
	}
	bin := filepath.Join(dir, "analyst")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build in %s: %v\n%s", root, err, out)
	}
	return bin, nil
}

// serverProc is `analyst serve` running as a child process. Its stderr (the
// log, and the GC trace with -gctrace) goes to a file and is watched.
type serverProc struct {
	cmd         *exec.Cmd
	addr        string
	metricsAddr string // --metrics-addr, or "" with metrics off
	logPath     string
	exited      chan struct{} // closed when the process has exited
	waitErr     error

	mu          sync.Mutex
	gc          gcTrace // the last GC trace line
	sessions    int     // "session" log lines: sessions the server ended
	nonZero     int     // of those, with a non-zero exit status
	problems    int     // warn and error log lines
	firstIssues []string
}

// startServer starts `bin serve` on a free loopback port with a new host
// key in dir, its store at db, room for maxSessions and no rate limit,
// with metrics on another free port if asked, and waits until it takes
// connections.
func startServer(bin, dir, db string, maxSessions int, gctrace, metrics bool) (*serverProc, error) {
	addr, err := freePort()
	if err != nil {
		return nil, err
	}
	s := &serverProc{addr: addr, logPath: filepath.Join(dir, "server.log"), exited: make(chan struct{})}
	if metrics {
		if s.metricsAddr, err = freePort(); err != nil {
			return nil, err
		}
	}
	logFile, err := os.Create(s.logPath)
	if err != nil {
		return nil, err
	}
	s.cmd = exec.Command(bin, "serve",
		"--addr", addr,
		"--host-key", filepath.Join(dir, "hostkey", "ssh_host_ed25519_key"),
		"--max-sessions", strconv.Itoa(maxSessions),
		"--rate", "0",
		"--max-sessions-per-address", "0", // every reader comes from 127.0.0.1
		"--idle-timeout", "1h",
		"--log-format", "logfmt",
		"--db", db,
	)
	if s.metricsAddr != "" {
		s.cmd.Args = append(s.cmd.Args, "--metrics-addr", s.metricsAddr)
	}
	s.cmd.Dir = dir
	s.cmd.Env = serverEnv(os.Environ(), gctrace)
	stderr, err := s.cmd.StderrPipe()
	if err != nil {
		logFile.Close()
		return nil, err
	}
	if err := s.cmd.Start(); err != nil {
		logFile.Close()
		return nil, fmt.Errorf("starting %s: %w", bin, err)
	}
	logged := make(chan struct{})
	go func() {
		defer close(logged)
		defer logFile.Close()
		s.watch(bufio.NewScanner(stderr), logFile)
	}()
	go func() {
		<-logged // Wait closes the pipe: read it all first
		s.waitErr = s.cmd.Wait()
		close(s.exited)
	}()
	deadline := time.Now().Add(15 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			return s, nil
		}
		select {
		case <-s.exited:
			return nil, fmt.Errorf("the server exited at start (%v); log: %s", s.waitErr, s.logPath)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.kill()
			return nil, fmt.Errorf("the server did not listen on %s within 15s; log: %s", addr, s.logPath)
		}
	}
}

// serverEnv is the client's environment for the server, without GODEBUG
// (which changes the runtime's behaviour and memory) and the ANALYST_
// variables (which could change its flags or library); with -gctrace,
// GODEBUG=gctrace=1 instead, for the live heap after each GC.
func serverEnv(env []string, gctrace bool) []string {
	var out []string
	for _, kv := range env {
		if strings.HasPrefix(kv, "GODEBUG=") || strings.HasPrefix(kv, "ANALYST_") {
			continue
		}
		out = append(out, kv)
	}
	if gctrace {
		out = append(out, "GODEBUG=gctrace=1")
	}
	return out
}

func freePort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// watch copies the server's stderr to the log file, noting GC traces,
// ended sessions and problems.
func (s *serverProc) watch(sc *bufio.Scanner, log *os.File) {
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	w := bufio.NewWriter(log)
	defer w.Flush()
	for sc.Scan() {
		line := sc.Text()
		w.WriteString(line)
		w.WriteByte('\n')
		s.mu.Lock()
		if g, ok := parseGCTrace(line); ok {
			s.gc = g
		} else if strings.Contains(line, " msg=session ") {
			s.sessions++
			if !strings.Contains(line, " exit=0") {
				s.nonZero++
				s.note(line)
			}
		} else if strings.Contains(line, "level=warn") || strings.Contains(line, "level=error") ||
			strings.HasPrefix(line, "panic") || strings.HasPrefix(line, "fatal") {
			s.problems++
			s.note(line)
		}
		s.mu.Unlock()
	}
}

// note keeps the first few notable log lines. s.mu must be held.
func (s *serverProc) note(line string) {
	if len(s.firstIssues) < 5 {
		s.firstIssues = append(s.firstIssues, line)
	}
}

// running reports whether the process has not exited.
func (s *serverProc) running() bool {
	select {
	case <-s.exited:
		return false
	default:
		return true
	}
}

// stop sends SIGTERM and waits for the exit status.
func (s *serverProc) stop(timeout time.Duration) (int, time.Duration, error) {
	start := time.Now()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return -1, 0, err
	}
	select {
	case <-s.exited:
		return s.cmd.ProcessState.ExitCode(), time.Since(start), nil
	case <-time.After(timeout):
		s.kill()
		return -1, time.Since(start), fmt.Errorf("still running %s after SIGTERM; killed", timeout)
	}
}

func (s *serverProc) kill() {
	_ = s.cmd.Process.Kill()
	select {
	case <-s.exited:
	case <-time.After(5 * time.Second):
	}
}

// memSample is the server's memory at one point.
type memSample struct {
	RSSKiB   int64  `json:"rss_kib"`
	HWMKiB   int64  `json:"peak_rss_kib"`
	HeapMiB  int64  `json:"heap_live_mib,omitempty"` // live heap after the last GC (-gctrace)
	StackMiB int64  `json:"stacks_mib,omitempty"`    // goroutine stacks scanned at the last GC (-gctrace)
	GCNum    int    `json:"gc_number,omitempty"`     // which GC the heap figures come from
	Age      string `json:"gc_age,omitempty"`        // how long before the sample that GC ended
}

// memory reads VmRSS and VmHWM from /proc/PID/status, and the last GC
// trace if there is one.
func (s *serverProc) memory() (memSample, error) {
	var m memSample
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return m, err
	}
	m.RSSKiB = statusKiB(string(status), "VmRSS:")
	m.HWMKiB = statusKiB(string(status), "VmHWM:")
	s.mu.Lock()
	if s.gc.num > 0 {
		m.HeapMiB, m.StackMiB, m.GCNum = s.gc.liveMB, s.gc.stacksMB, s.gc.num
		m.Age = time.Since(s.gc.at).Round(time.Millisecond).String()
	}
	s.mu.Unlock()
	return m, nil
}

// statusKiB reads a "Key:   123 kB" field of /proc/PID/status.
func statusKiB(status, key string) int64 {
	for _, line := range strings.Split(status, "\n") {
		if rest, ok := strings.CutPrefix(line, key); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				n, _ := strconv.ParseInt(f[0], 10, 64)
				return n
			}
		}
	}
	return 0
}

// cpuTime is the CPU time (user+system) the process has used, from
// /proc/PID/stat, in clock ticks of 1/100 s (USER_HZ on Linux).
func (s *serverProc) cpuTime() (time.Duration, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.cmd.Process.Pid))
	if err != nil {
		return 0, err
	}
	// The command name, field 2, is in parentheses and may hold spaces.
	i := strings.LastIndexByte(string(data), ')')
	f := strings.Fields(string(data)[i+1:])
	if len(f) < 13 {
		return 0, errors.New("short /proc/PID/stat")
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64) // field 14
	stime, _ := strconv.ParseInt(f[12], 10, 64) // field 15
	return time.Duration(utime+stime) * 10 * time.Millisecond, nil
}

// gcTrace is one line of GODEBUG=gctrace=1 output.
type gcTrace struct {
	num      int
	liveMB   int64 // heap live after marking
	goalMB   int64
	stacksMB int64
	at       time.Time // when the line was read
}

var gcTraceRE = regexp.MustCompile(`^gc (\d+) @.* (\d+)->(\d+)->(\d+) MB, (\d+) MB goal, (\d+) MB stacks`)

func parseGCTrace(line string) (gcTrace, bool) {
	m := gcTraceRE.FindStringSubmatch(line)
	if m == nil {
		return gcTrace{}, false
	}
	atoi := func(s string) int64 { n, _ := strconv.ParseInt(s, 10, 64); return n }
	return gcTrace{
		num: int(atoi(m[1])), liveMB: atoi(m[4]), goalMB: atoi(m[5]), stacksMB: atoi(m[6]), at: time.Now(),
	}, true
}

// probe checks that the server serves a new reader: first screen, then q.
func probe(addr string, w, h int, timeout time.Duration) error {
	s, _, err := dial(addr, w, h, clientConfig(timeout), timeout)
	if err != nil {
		return err
	}
	if err := s.settle(200*time.Millisecond, timeout); err != nil {
		s.client.Close()
		return err
	}
	return s.quit(timeout)
}
