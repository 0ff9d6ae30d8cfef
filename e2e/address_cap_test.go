package e2e

import (
	"testing"
	"time"
)

// TestSSHOverTheAddressCapIsToldWhy: with --max-sessions-per-address 1 and
// a reader open from 127.0.0.1, OpenSSH from the same address is refused
// with the reason in the banner, which it shows at its default log level;
// once the reader leaves, it is served.
func TestSSHOverTheAddressCapIsToldWhy(t *testing.T) {
	needTools(t, "ssh")
	srv := startServer(t, "--max-sessions-per-address", "1")
	c, sess := srv.goReader(t)
	srv.wantRefusedWithBanner(t, "analyst: too many sessions from your address at once: close one and try again")

	sess.Close()
	c.Close()
	deadline := time.Now().Add(screenDeadline)
	for {
		r := srv.ssh(t, nil, "list")
		if r.code == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("ssh list after the reader left: exit %d\n%s", r.code, r.stderr)
		}
		time.Sleep(pollInterval)
	}
	srv.stop(t)
}
