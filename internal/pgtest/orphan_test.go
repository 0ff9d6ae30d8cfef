package pgtest

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// envOrphan makes this test binary start a cluster, print its server's
// pid and folder, and wait to be killed.
const envOrphan = "ANALYST_PGTEST_ORPHAN"

func TestMain(m *testing.M) {
	if os.Getenv(envOrphan) != "" {
		c, err := Start()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("%d %s\n", c.proc.Pid, c.root)
		select {} // until killed
	}
	os.Exit(m.Run())
}

// A test binary killed with its cluster running (SIGKILL, go test's
// timeout) takes the cluster with it: no server outlives the tests.
func TestClusterDiesWithTheTests(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envOrphan+"=1")
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the child started no cluster: %v", err)
	}
	fields := strings.Fields(line)
	pid, _ := strconv.Atoi(fields[0])
	root := fields[1]
	defer os.RemoveAll(root) // nobody else will
	if filepath.Dir(root) != filepath.Clean(os.TempDir()) || syscall.Kill(pid, 0) != nil {
		t.Fatalf("the child printed %q", line)
	}
	cmd.Process.Kill()
	cmd.Wait()
	deadline := time.Now().Add(stopTimeout)
	for syscall.Kill(pid, 0) == nil {
		if time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("the server (pid %d) outlived the test binary by %v", pid, stopTimeout)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
