package main

import (
	"fmt"
	"net"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestServeRejectsBadSettings(t *testing.T) {
	for _, c := range []struct {
		env  []string
		args []string
		want string
	}{
		{nil, []string{"serve", "--max-sessions", "0"}, "--max-sessions must be at least 1"},
		{nil, []string{"serve", "--idle-timeout", "-1s"}, "--idle-timeout must be positive"},
		{[]string{"ANALYST_IDLE_TIMEOUT=soon"}, []string{"serve"}, `ANALYST_IDLE_TIMEOUT="soon"`},
		{[]string{"ANALYST_MAX_SESSIONS=many"}, []string{"serve"}, "ANALYST_MAX_SESSIONS"},
		{[]string{"ANALYST_LOG_FORMAT=xml"}, []string{"serve"}, `unknown log format "xml"`},
		{nil, []string{"serve", "extra"}, "serve takes no arguments"},
	} {
		r := runner{env: c.env}.analyst(t, c.args...)
		r.wantCode(t, 2)
		r.wantStderr(t, c.want)
	}
}

// TestServeTakesSettingsFromTheEnvironment starts the server with its
// address, host key and log format from the environment only, checks that
// it listens there and logs JSON, then stops it with SIGTERM.
func TestServeTakesSettingsFromTheEnvironment(t *testing.T) {
	port := freePort(t)
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	key := filepath.Join(t.TempDir(), "keys", "host")
	cmd := exec.Command(analystBin, "serve")
	cmd.Env = append(cleanEnv(), "ANALYST_ADDR="+addr, "ANALYST_HOST_KEY="+key, "ANALYST_LOG_FORMAT=json")
	log := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server did not listen on ANALYST_ADDR=%s:\n%s", addr, log)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v\n%s", err, log)
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("the server did not stop after SIGTERM:\n%s", log)
	}
	if !strings.Contains(log.String(), `"msg":"created a host key"`) || !strings.Contains(log.String(), key) {
		t.Errorf("the log must be JSON and name the host key it made at ANALYST_HOST_KEY:\n%s", log)
	}
}
