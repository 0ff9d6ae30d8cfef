package e2e

// "analyst serve" under hostile clients, each attack made with a real
// client (OpenSSH, or paramiko for what OpenSSH will not send), against the
// built binary in its own process so that its CPU time and memory can be
// read from /proc. Each asserts its bound, and that meanwhile an honest
// reader's key-to-screen latency stays within twice its quiet value.
//
// None of these is parallel: they measure, and run before the parallel
// tests start.

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// runSSH runs the OpenSSH client with opts and command, its standard input
// /dev/null, for attacks on another goroutine: it reports rather than
// failing the test.
func (s *sshServer) runSSH(opts []string, command ...string) (result, time.Duration, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	args := append(s.sshArgs(opts...), command...)
	cmd := exec.CommandContext(ctx, "ssh", args...)
	cmd.Env = cleanEnv()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	took := time.Since(start)
	r := result{args: args, stdout: stdout.String(), stderr: stderr.String()}
	if ee, ok := err.(*exec.ExitError); ok && ctx.Err() == nil {
		r.code, err = ee.ExitCode(), nil
	}
	return r, took, err
}

// logLines are the server's log lines from the from'th on.
func (s *sshServer) logLines(from int) []string {
	lines := strings.Split(strings.TrimSuffix(s.log.String(), "\n"), "\n")
	return lines[min(from, len(lines)):]
}

func TestHostileClients(t *testing.T) {
	needTools(t, "ssh", "tmux")
	py := python3(t)
	// Room for the attacks' connections: the default rate would hold them
	// back, which is not what is tested here.
	srv := startServer(t, "--rate", "20", "--rate-burst", "60")
	pid := srv.cmd.Process.Pid
	probe := startProbe(t, srv)

	// 128 KB of one letter pasted on the issue list took 45 CPU-seconds
	// (300 µs a key, each drawing a frame): now a key that changes nothing
	// keeps the frame, and the input budget drops what comes too fast.
	t.Run("a 128 KB paste", func(t *testing.T) {
		tm := srv.sshTerm(t)
		tm.waitFor("the issue list over ssh", listShown)
		paste := filepath.Join(t.TempDir(), "paste")
		if err := os.WriteFile(paste, bytes.Repeat([]byte("z"), 128<<10), 0o600); err != nil {
			t.Fatal(err)
		}
		tm.run("load-buffer", "-b", "z", paste)
		before := procCPU(t, pid)
		tm.run("paste-buffer", "-b", "z", "-t", "s")
		used := cpuSettled(t, pid, time.Minute) - before
		t.Logf("the server spent %s of CPU on a 128 KB paste", used)
		if used > 1500*time.Millisecond {
			t.Errorf("the server spent %s of CPU on a 128 KB paste", used)
		}
		tm.waitFor("the notice of dropped input", func(s screen) bool { return s.has("faster than anyone types") })
		probe.whileAttacked("128 KB pastes", func() {
			_ = tm.cmd("paste-buffer", "-b", "z", "-t", "s").Run()
			time.Sleep(200 * time.Millisecond)
		})
		tm.keys("2")
		tm.waitFor("the reader at article 2 after the pastes", readerAt(2))
		tm.quit()
	})

	// The ssh package's parser took 6 s for a 200 KB command; now a
	// command over 4 KB is refused before anything parses it.
	t.Run("a 200 KB command", func(t *testing.T) {
		words := []string{"search"}
		for range 4 { // an argument of the client's may have 128 KB at most
			words = append(words, strings.Repeat("x", 50<<10))
		}
		r, took, err := srv.runSSH(nil, words...)
		if err != nil {
			t.Fatal(err)
		}
		r.wantCode(t, 2)
		r.wantNoStdout(t)
		want := fmt.Sprintf("analyst: the command is too long (%d bytes; at most 4096)\n", len(strings.Join(words, " ")))
		if r.stderr != want {
			t.Errorf("stderr %q, want %q", r.stderr, want)
		}
		t.Logf("a 200 KB command refused in %s, the SSH connection included", took)
		if took > 3*time.Second {
			t.Errorf("a 200 KB command took %s to refuse", took)
		}
		probe.whileAttacked("200 KB commands", func() { _, _, _ = srv.runSSH(nil, words...) })
	})

	// 40 sessions on one connection, each sent 64 environment variables of
	// 200 KB, held 433 MB (600 MB here); now a connection has 10 sessions
	// and a session keeps only the few variables the reader uses.
	t.Run("40 sessions of 64 big variables", func(t *testing.T) {
		attack := func() (*exec.Cmd, string, error) {
			cmd := exec.Command(py, "e2e/testdata/env_flood.py", "127.0.0.1", strconv.Itoa(srv.port), "40", "64", "200000")
			stdin, err := cmd.StdinPipe()
			if err != nil {
				return nil, "", err
			}
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				return nil, "", err
			}
			if err := cmd.Start(); err != nil {
				return nil, "", err
			}
			line, err := bufio.NewReader(stdout).ReadString('\n')
			_ = stdin // closed by the caller's Wait
			return cmd, strings.TrimSpace(line), err
		}
		before := procRSS(t, pid)
		cmd, got, err := attack()
		if err != nil {
			t.Fatalf("env_flood.py: %v (%q)", err, got)
		}
		during := procRSS(t, pid)
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if got != "opened=10 refused=30" {
			t.Errorf("env_flood.py: %s; want 10 sessions opened and 30 refused", got)
		}
		t.Logf("server RSS %d MiB before, %d MiB with the connection held", before>>20, during>>20)
		if during-before > 64<<20 {
			t.Errorf("the attack's connection holds %d MiB", (during-before)>>20)
		}
		probe.whileAttacked("env floods", func() {
			if cmd, _, err := attack(); err == nil {
				_ = cmd.Process.Kill()
				_ = cmd.Wait()
			}
		})
	})

	// A long user name was logged whole (250 KB a line), and a line break
	// in a user name or command wrote a log line of the client's.
	t.Run("log forgery and flooding", func(t *testing.T) {
		forged := "\nINFO session remote=1.2.3.4 user=admin"
		attacks := []func() (result, time.Duration, error){
			func() (result, time.Duration, error) {
				return srv.runSSH([]string{"-l", strings.Repeat("u", 100000)}, "list")
			},
			func() (result, time.Duration, error) { return srv.runSSH([]string{"-l", "bob" + forged}, "list") },
			func() (result, time.Duration, error) { return srv.runSSH(nil, "list"+forged) },
		}
		from := len(srv.logLines(0))
		for _, attack := range attacks {
			if _, _, err := attack(); err != nil {
				t.Fatal(err)
			}
		}
		lines := srv.logLines(from)
		if len(lines) != len(attacks) {
			t.Errorf("%d sessions wrote %d log lines, want one each:\n%s", len(attacks), len(lines), strings.Join(lines, "\n"))
		}
		for _, line := range lines {
			if !strings.Contains(line, " session remote=127.0.0.1:") || len(line) > 1024 {
				t.Errorf("a log line not the server's, or too long (%d bytes): %.200q", len(line), line)
			}
		}
		if !strings.Contains(strings.Join(lines, "\n"), "…[cut: 100000 bytes in all]") {
			t.Errorf("the log does not say that the long user name was cut:\n%.300s", strings.Join(lines, "\n"))
		}
		i := 0
		probe.whileAttacked("long and forged user names and commands", func() {
			_, _, _ = attacks[i%len(attacks)]()
			i++
		})
	})

	// ssh -tt HOST </dev/null drew a blank 0x0 reader until the idle
	// timeout: now a terminal of no size is told so, and ends.
	t.Run("ssh -tt with no input", func(t *testing.T) {
		for _, command := range [][]string{nil, {"read", "2"}} {
			r, took, err := srv.runSSH([]string{"-tt"}, command...)
			if err != nil {
				t.Fatalf("ssh -tt %q </dev/null: %v", command, err)
			}
			if took > 5*time.Second {
				t.Errorf("ssh -tt %q </dev/null took %s", command, took)
			}
			r.wantCode(t, 1)
			if msg := strings.TrimRight(r.stdout+r.stderr, "\r\n"); !strings.Contains(msg, "the terminal has no size (0x0)") || strings.Count(msg, "\n") > 0 {
				t.Errorf("ssh -tt %q </dev/null: want one line saying the terminal has no size, got %q", command, msg)
			}
		}
		probe.whileAttacked("ssh -tt </dev/null", func() { _, _, _ = srv.runSSH([]string{"-tt"}) })
	})

	// Refused connections were logged a line each; they are counted now,
	// and told why in a line or a banner, which costs the server little.
	t.Run("a flood of refused connections", func(t *testing.T) {
		flood := func(n int) int {
			refused := 0
			for range n {
				conn, err := net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(srv.port)), time.Second)
				if err != nil {
					continue
				}
				_ = conn.SetDeadline(time.Now().Add(2 * time.Second))
				b := make([]byte, 128)
				if n, _ := conn.Read(b); strings.HasPrefix(string(b[:n]), "analyst: too many new connections") {
					refused++
				}
				conn.Close()
			}
			return refused
		}
		from := len(srv.logLines(0))
		before := procCPU(t, pid)
		const n = 400
		told := flood(n)
		used := cpuSettled(t, pid, 10*time.Second) - before
		t.Logf("%d connections, %d told by a line, the others by banner or let in: %s of server CPU, %s each", n, told, used, used/n)
		if told < n/2 {
			t.Errorf("only %d of %d connections were told they were refused", told, n)
		}
		if used/n > time.Millisecond {
			t.Errorf("the server spent %s a connection", used/n)
		}
		if refused := len(srv.logLines(from)); refused > 3 {
			t.Errorf("%d connections refused at once wrote %d log lines, want a line and a count:\n%s", n, refused, strings.Join(srv.logLines(from), "\n"))
		}
		probe.whileAttacked("refused connections", func() { flood(50) })
	})

	srv.stop(t)
	if !strings.Contains(srv.log.String(), `reason="rate limit" count=`) {
		t.Errorf("the server's log has no count of refused connections:\n%s", srv.log)
	}
}

// TestSSHRefusedIsToldWhy: a client over the rate limit sees why, with the
// OpenSSH client's default log level: the banner.
func TestSSHRefusedIsToldWhy(t *testing.T) {
	needTools(t, "ssh")
	// A burst of 2: one for startServer's check that the port is open.
	srv := startServer(t, "--rate", "0.1", "--rate-burst", "2")
	srv.ssh(t, nil, "list").wantCode(t, 0)
	srv.wantRefusedWithBanner(t, "analyst: too many new connections from your address: wait a few seconds and try again")
	srv.stop(t)
}

// TestServeRefusesAnOpenHostKey: a host key others can read is refused, as
// OpenSSH refuses one, naming the file and the chmod that fixes it. The
// key is made by ssh-keygen.
func TestServeRefusesAnOpenHostKey(t *testing.T) {
	needTools(t, "ssh-keygen")
	key := filepath.Join(t.TempDir(), "ssh_host_ed25519_key")
	if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v\n%s", err, out)
	}
	if err := os.Chmod(key, 0o644); err != nil {
		t.Fatal(err)
	}
	r := analyst(t, "serve", "--addr", "127.0.0.1:0", "--host-key", key)
	r.wantCode(t, 1)
	r.wantStderr(t, key, "mode 0644", "chmod 600 "+key)
	if strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
		t.Errorf("want one line, got:\n%s", r.stderr)
	}
	// With the mode fixed, the same key serves.
	if err := os.Chmod(key, 0o600); err != nil {
		t.Fatal(err)
	}
	srv := startServerWithKey(t, key)
	srv.ssh(t, nil, "list").wantCode(t, 0)
	srv.stop(t)
}
