package e2e

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// goReader opens the reader on s with Go's SSH client, on a 40x120
// terminal, and waits for the issue list. The session's input stays open
// (its end would end the reader); the client is closed at the end of the
// test.
func (s *sshServer) goReader(t *testing.T) (*gossh.Client, *gossh.Session) {
	t.Helper()
	c, err := gossh.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", s.port), &gossh.ClientConfig{
		User:            "reader",
		Auth:            []gossh.AuthMethod{gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         screenDeadline,
	})
	if err != nil {
		t.Fatalf("dial: %v\n%s", err, s.log)
	}
	t.Cleanup(func() { c.Close() })
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	out := &syncBuffer{}
	sess.Stdout = out
	if _, err := sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(screenDeadline)
	for !strings.Contains(out.String(), "Tolipov") {
		if time.Now().After(deadline) {
			t.Fatalf("the reader did not show the list within %s:\n%q", screenDeadline, out)
		}
		time.Sleep(pollInterval)
	}
	return c, sess
}

// wantRefusedWithBanner runs OpenSSH's "ssh HOST list" at its default log
// level, which shows banners, and checks that it is refused (exit status
// 255) and shows want, then the close.
func (s *sshServer) wantRefusedWithBanner(t *testing.T, want string) {
	t.Helper()
	args := s.sshArgs()
	for i, a := range args {
		if a == "LogLevel=ERROR" {
			args[i] = "LogLevel=INFO" // OpenSSH's default, which shows banners
		}
	}
	cmd := exec.Command("ssh", append(args, "list")...)
	cmd.Env = cleanEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 255 {
		t.Errorf("ssh list: %v, want exit status 255 (refused)", err)
	}
	for _, w := range []string{want, "Connection closed"} {
		if !strings.Contains(stderr.String(), w) {
			t.Errorf("ssh's stderr lacks %q:\n%s", w, stderr.String())
		}
	}
}
