package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// unitForTest is deploy/analyst.service with the binary at the path the
// tests built it to, for systemd-analyze, which checks that it exists.
func unitForTest(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("deploy", "analyst.service"))
	if err != nil {
		t.Fatal(err)
	}
	const exec = "\nExecStart=/usr/local/bin/analyst serve\n"
	if strings.Count(string(data), exec) != 1 {
		t.Fatalf("deploy/analyst.service must start %q once", strings.TrimSpace(exec))
	}
	unit := strings.Replace(string(data), exec, "\nExecStart="+analystBin+" serve\n", 1)
	path := filepath.Join(t.TempDir(), "analyst.service")
	if err := os.WriteFile(path, []byte(unit), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// systemd-analyze verify takes the unit without a word: every key known,
// every value parsed.
func TestSystemdUnitVerifies(t *testing.T) {
	t.Parallel()
	needTools(t, "systemd-analyze")
	path := unitForTest(t)
	out, err := exec.Command("systemd-analyze", "verify", path).CombinedOutput()
	if err != nil || strings.Contains(string(out), "analyst.service") {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
	unit, _ := os.ReadFile(path)
	for _, want := range []string{"NoNewPrivileges=yes", "PrivateTmp=yes", "ProtectSystem=strict", "StateDirectory=analyst",
		"ANALYST_HOST_KEY=%S/analyst/", "ExecReload=/bin/kill -HUP $MAINPID"} {
		if !strings.Contains(string(unit), want) {
			t.Errorf("deploy/analyst.service lacks %s", want)
		}
	}
}

// systemd-analyze security rates the unit's exposure OK or better (under
// 2 on its scale of 0 to 10).
func TestSystemdUnitIsConfined(t *testing.T) {
	t.Parallel()
	needTools(t, "systemd-analyze")
	out, err := exec.Command("systemd-analyze", "security", "--offline=true", unitForTest(t)).CombinedOutput()
	if err != nil {
		t.Fatalf("systemd-analyze security: %v\n%s", err, out)
	}
	_, rest, ok := strings.Cut(string(out), "Overall exposure level for analyst.service: ")
	level, perr := strconv.ParseFloat(strings.Fields(rest + " x")[0], 64)
	if !ok || perr != nil || level >= 2 {
		t.Errorf("exposure level %q, want under 2:\n%s", strings.Fields(rest + " x")[0], out)
	}
}
