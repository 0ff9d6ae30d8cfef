package e2e

// What the hostile-client tests measure: a server process's CPU time and
// memory from /proc, and an honest reader's key-to-screen latency.

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// procCPU is the CPU time (user and system) process pid has used, from
// /proc/PID/stat, in clock ticks of 1/100 s (USER_HZ on Linux).
func procCPU(t *testing.T, pid int) time.Duration {
	t.Helper()
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		t.Fatal(err)
	}
	// The command name, field 2, is in parentheses and may hold spaces.
	f := strings.Fields(string(data)[strings.LastIndexByte(string(data), ')')+1:])
	utime, _ := strconv.ParseInt(f[11], 10, 64) // field 14
	stime, _ := strconv.ParseInt(f[12], 10, 64) // field 15
	return time.Duration(utime+stime) * 10 * time.Millisecond
}

// procRSS is process pid's resident memory, from /proc/PID/status.
func procRSS(t *testing.T, pid int) int64 {
	t.Helper()
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kib, _ := strconv.ParseInt(strings.Fields(rest)[0], 10, 64)
			return kib << 10
		}
	}
	t.Fatal("no VmRSS in /proc/PID/status")
	return 0
}

// cpuSettled waits until process pid has used no CPU for a while (at most
// limit), and returns the CPU time it has used by then.
func cpuSettled(t *testing.T, pid int, limit time.Duration) time.Duration {
	t.Helper()
	deadline := time.Now().Add(limit)
	last := procCPU(t, pid)
	for time.Now().Before(deadline) {
		time.Sleep(300 * time.Millisecond)
		now := procCPU(t, pid)
		if now-last <= 10*time.Millisecond {
			return now
		}
		last = now
	}
	return last
}

// probe is an honest reader: an SSH session with a terminal, reading
// article 2, whose key presses are timed from the write to the first
// byte of screen after it.
type probe struct {
	t      *testing.T
	client *gossh.Client
	stdin  io.Writer
	output chan time.Time // when output arrived, one mark a read
	ended  chan struct{}
	down   bool // the next key is j
}

// startProbe opens a probe reader on srv and waits until its screen has
// settled on article 2.
func startProbe(t *testing.T, srv *sshServer) *probe {
	t.Helper()
	cfg := &gossh.ClientConfig{
		User: "probe",
		Auth: []gossh.AuthMethod{gossh.KeyboardInteractive(func(_, _ string, q []string, _ []bool) ([]string, error) {
			return make([]string, len(q)), nil
		})},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         screenDeadline,
	}
	client, err := gossh.Dial("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(srv.port)), cfg)
	if err != nil {
		t.Fatalf("probe: %v", err)
	}
	t.Cleanup(func() { client.Close() })
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	stdin, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	p := &probe{t: t, client: client, stdin: stdin, output: make(chan time.Time, 1024), ended: make(chan struct{})}
	go func() {
		defer close(p.ended)
		b := make([]byte, 32<<10)
		for {
			n, err := stdout.Read(b)
			if n > 0 {
				select {
				case p.output <- time.Now():
				default:
				}
			}
			if err != nil {
				return
			}
		}
	}()
	p.settle()
	if _, err := io.WriteString(stdin, "2"); err != nil {
		t.Fatal(err)
	}
	p.settle()
	return p
}

// settle waits until the screen has had no output for 300 ms.
func (p *probe) settle() {
	p.t.Helper()
	deadline := time.After(screenDeadline)
	for {
		select {
		case <-p.output:
		case <-time.After(300 * time.Millisecond):
			return
		case <-p.ended:
			p.t.Fatal("the probe's session ended")
		case <-deadline:
			p.t.Fatal("the probe's screen did not settle")
		}
	}
}

// latency presses j or k (in turns, so that the text never reaches an end)
// and returns the time until the screen answered.
func (p *probe) latency() (time.Duration, error) {
	for len(p.output) > 0 { // output from before the key
		<-p.output
	}
	key := "k"
	if p.down = !p.down; p.down {
		key = "j"
	}
	sent := time.Now()
	if _, err := io.WriteString(p.stdin, key); err != nil {
		return 0, err
	}
	select {
	case at := <-p.output:
		return at.Sub(sent), nil
	case <-p.ended:
		return 0, errors.New("the probe's session ended")
	case <-time.After(10 * time.Second):
		return 10 * time.Second, nil
	}
}

// median presses n keys, 60 ms apart, and returns the median latency.
func (p *probe) median(n int) time.Duration {
	p.t.Helper()
	var ds []time.Duration
	for range n {
		d, err := p.latency()
		if err != nil {
			p.t.Fatal(err)
		}
		ds = append(ds, d)
		time.Sleep(60 * time.Millisecond)
	}
	slices.Sort(ds)
	return ds[len(ds)/2]
}

// frame is Bubble Tea's frame interval: a key waits for the next frame,
// 0 to 16.7 ms, whatever the load, so latencies differ by that much in
// quiet times.
const frame = time.Second / 60

// whileAttacked measures the probe's median latency quiet, then while
// attack runs again and again (on another goroutine, until the samples
// are taken; it must stop on its own within seconds), and checks that
// the second stays within twice the first. The first is taken as at least
// a frame: the frame clock alone moves a median of a few samples by that.
func (p *probe) whileAttacked(name string, attack func()) {
	p.t.Helper()
	const samples = 15
	quiet := p.median(samples)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
				attack()
			}
		}
	}()
	time.Sleep(100 * time.Millisecond) // the attack under way
	attacked := p.median(samples)
	close(stop)
	wg.Wait()
	p.t.Logf("%s: the probe's median key-to-screen latency %s quiet, %s under attack", name, quiet.Round(100*time.Microsecond), attacked.Round(100*time.Microsecond))
	if bound := 2 * max(quiet, frame); attacked > bound {
		p.t.Errorf("%s: another reader's median latency went from %s to %s, over twice", name, quiet, attacked)
	}
}

// python3 is a Python with paramiko, as scripts/ensure-tools installs it:
// Debian's (where apt installs modules), or else the one on the PATH.
func python3(t *testing.T) string {
	t.Helper()
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(py, "-c", "import paramiko").Run() == nil {
			return py
		}
	}
	t.Fatal("no python3 with paramiko; scripts/ensure-tools installs python3-paramiko")
	return ""
}
