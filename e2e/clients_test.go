package e2e

// Clients and tools nobody here wrote, against the server: ssh-audit's
// verdict on its algorithms, and Dropbear's and PuTTY's clients reading.

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// ssh-audit finds nothing to fail and nothing to warn about, apart from
// the algorithms it does not know (its Debian version predates ML-KEM and
// strict key exchange).
func TestSSHAudit(t *testing.T) {
	t.Parallel()
	needTools(t, "ssh-audit")
	srv := startServer(t)
	out := runTool(t, nil, "ssh-audit", "-n", "-p", strconv.Itoa(srv.port), "127.0.0.1")
	if !strings.Contains(out, "(kex) curve25519-sha256") || !strings.Contains(out, "(mac) hmac-sha2-256-etm@openssh.com") {
		t.Fatalf("ssh-audit did not audit the server:\n%s", out)
	}
	for _, line := range strings.Split(out, "\n") {
		bad := strings.Contains(line, "[fail]") ||
			(strings.Contains(line, "[warn]") && !strings.Contains(line, "unknown algorithm"))
		if bad {
			t.Errorf("ssh-audit: %s", strings.TrimSpace(line))
		}
	}
	srv.stop(t)
}

// Dropbear's dbclient and PuTTY's plink connect with what the server
// offers and read the article as the command line prints it.
func TestOtherClientsRead(t *testing.T) {
	t.Parallel()
	needTools(t, "dbclient", "plink")
	key := filepath.Join(t.TempDir(), "host_key")
	srv := startServer(t, "--host-key", key)
	want := ok(t, "read", "2")
	home := t.TempDir() // neither client may write to the user's files
	env := []string{"HOME=" + home}
	port := strconv.Itoa(srv.port)

	// -y -y: take the server's key without asking, and remember nothing.
	if got := runTool(t, env, "dbclient", "-y", "-y", "-p", port, "127.0.0.1", "read", "2"); got != want {
		t.Errorf("dbclient read 2 differs from analyst read 2:\n%s", got)
	}
	if got := runTool(t, env, "plink", "-batch", "-P", port, "-hostkey", hostKeyFingerprint(t, key), "127.0.0.1", "read", "2"); got != want {
		t.Errorf("plink read 2 differs from analyst read 2:\n%s", got)
	}
	srv.stop(t)
}

// runTool runs a program with a clean environment (and env), and returns
// its standard output; it fails the test if the program does not end
// within 20 seconds or cannot run. Its exit status is not judged: some
// tools exit non-zero to say what they found.
func runTool(t *testing.T, env []string, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(cleanEnv(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if _, exited := err.(*exec.ExitError); err != nil && (!exited || ctx.Err() != nil) {
		t.Fatalf("%s %q: %v\n%s%s", name, args, err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// hostKeyFingerprint is the SHA256 fingerprint of the host key at path.
func hostKeyFingerprint(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		t.Fatal(err)
	}
	return gossh.FingerprintSHA256(signer.PublicKey())
}
