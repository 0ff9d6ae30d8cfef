package e2e

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"analyst/internal/pgtest"
)

// startPostgres starts a throwaway PostgreSQL cluster for the test (from
// Debian's postgresql, which scripts/ensure-tools installs), stopped and
// removed when it ends, and returns it with a new database's URL.
func startPostgres(t *testing.T) (*pgtest.Cluster, string) {
	t.Helper()
	c, err := pgtest.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c, c.NewDatabase(t)
}

// readerKey is an ed25519 key for OpenSSH's client, in a file of its own:
// the options that make ssh log in with it and it alone, and its
// fingerprint as the server names it.
type readerKey struct {
	opts        []string
	fingerprint string
}

func newReaderKey(t *testing.T) readerKey {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "id_ed25519")
	if err := os.WriteFile(path, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	sshPub, err := gossh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	// Given before sshArgs' own, these win (ssh keeps an option's first
	// value).
	return readerKey{
		opts:        []string{"-i", path, "-o", "PubkeyAuthentication=yes", "-o", "IdentityAgent=none"},
		fingerprint: gossh.FingerprintSHA256(sshPub),
	}
}

// highlightsOf lists a key's highlights through ssh HOST highlights --json.
func (s *sshServer) highlightsOf(t *testing.T, key readerKey) []map[string]any {
	t.Helper()
	r := s.ssh(t, key.opts, "highlights", "--json")
	r.wantCode(t, 0)
	var hs []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &hs); err != nil {
		t.Fatalf("highlights --json is not JSON: %v\n%s", err, r.stdout)
	}
	return hs
}

// Two instances over one PostgreSQL: a highlight made in the reader of
// the first, through OpenSSH with a key, is listed by the second; another
// key lists none; forget through the second deletes it for both, and
// says what it deleted.
func TestKeyedReadersOnTwoInstancesShareOnePostgreSQL(t *testing.T) {
	t.Parallel()
	needTools(t, "ssh", "tmux")
	_, dsn := startPostgres(t)
	one := startServer(t, "--db", dsn)
	two := startServer(t, "--db", dsn)
	alice, bob := newReaderKey(t), newReaderKey(t)

	tm := one.sshTermWith(t, alice.opts, 120, 40)
	s := tm.waitFor("the issue list, for a reader with a key", listShown)
	if s.has("No SSH key") {
		t.Errorf("a reader with a key is told they have none:\n%s", s)
	}
	tm.keys("2")
	tm.waitFor("the reader at article 2", readerAt(2))
	tm.keys("v", "m")
	tm.waitFor("the first paragraph highlighted", func(s screen) bool { return s.has("1 highlight") })
	tm.quit()

	hs := two.highlightsOf(t, alice)
	if len(hs) != 1 || hs[0]["ref"] != "2026-01/cutler" || !strings.HasPrefix(fmt.Sprint(hs[0]["quote"]), "In late December 2025") {
		t.Fatalf("the second instance lists the highlight made through the first: %v", hs)
	}
	if hs := two.highlightsOf(t, bob); len(hs) != 0 {
		t.Errorf("another key lists none of it: %v", hs)
	}

	r := two.ssh(t, alice.opts, "forget", "--yes")
	r.wantCode(t, 0)
	if want := "Deleted what this server kept for your key " + alice.fingerprint + ": 1 place, 1 highlight and the article read last.\n"; r.stdout != want {
		t.Errorf("forget says what it deleted:\n%q\nwant\n%q", r.stdout, want)
	}
	if hs := one.highlightsOf(t, alice); len(hs) != 0 {
		t.Errorf("after forget through the second, the first lists nothing: %v", hs)
	}
	one.stop(t)
	two.stop(t)
}

// PostgreSQL stopped under a server with readers connected: reading goes
// on, every reader with a key is told that their changes are not being
// kept, the server logs it and its metrics say so; once PostgreSQL is
// back, the readers are told, the highlight made meanwhile is kept, and
// so are the changes after it.
func TestReadingGoesOnWhilePostgreSQLIsAway(t *testing.T) {
	t.Parallel()
	needTools(t, "ssh", "tmux")
	pg, dsn := startPostgres(t)
	port := freePort(t)
	srv := startServer(t, "--db", dsn, "--metrics-addr", fmt.Sprintf("127.0.0.1:%d", port))
	alice, bob := newReaderKey(t), newReaderKey(t)
	notKept := func(s screen) bool {
		return strings.Contains(s.header(), "Your changes are not being kept: the server's database is unavailable")
	}

	reading := srv.sshTermWith(t, alice.opts, 120, 40)
	reading.waitFor("the issue list", listShown)
	reading.keys("2")
	reading.waitFor("the reader at article 2", readerAt(2))
	idle := srv.sshTermWith(t, bob.opts, 120, 40)
	idle.waitFor("the issue list", listShown)

	if err := pg.Stop(); err != nil {
		t.Fatal(err)
	}
	reading.keys("v", "m")
	reading.waitFor("the notice that changes are not kept", func(s screen) bool { return notKept(s) && s.has("1 highlight") })
	idle.waitFor("the notice, for a reader who changed nothing", notKept)
	srv.waitLog(t, "store unavailable: readers' changes are not being kept")
	reading.keys("]")
	reading.waitFor("the next section: reading goes on", func(s screen) bool { return s.top() == "Background" && notKept(s) })
	if v := scrapeMetrics(t, port).value("analyst_store_available"); v != 0 {
		t.Errorf("analyst_store_available = %g while PostgreSQL is away", v)
	}

	if err := pg.Restart(); err != nil {
		t.Fatal(err)
	}
	srv.waitLog(t, "store available again")
	reading.waitFor("the news that changes are kept again", func(s screen) bool {
		return strings.Contains(s.header(), "Your changes are kept again.")
	})
	idle.waitFor("the notice gone", func(s screen) bool { return !notKept(s) })
	if hs := srv.highlightsOf(t, alice); len(hs) != 1 {
		t.Errorf("the highlight made while PostgreSQL was away is kept once it is back: %v", hs)
	}
	reading.keys("m") // the cursor's paragraph, in Background
	reading.waitFor("a second highlight, in Background", func(s screen) bool {
		return strings.Contains(s.sidebar(), "2 highlights") && !notKept(s)
	})
	reading.quit()
	if hs := srv.highlightsOf(t, alice); len(hs) != 2 {
		t.Errorf("a change made after PostgreSQL is back is kept: %v", hs)
	}
	m := scrapeMetrics(t, port)
	if v := m.value("analyst_store_available"); v != 1 {
		t.Errorf("analyst_store_available = %g once PostgreSQL is back", v)
	}
	if v := m.value("analyst_store_writes_total", "result=failed", "reason=unavailable"); v < 1 {
		t.Errorf("the changes not kept while PostgreSQL was away are counted: %g", v)
	}
	if v := m.value("analyst_store_writes_total", "result=ok", "reason=none"); v < 2 {
		t.Errorf("the changes kept are counted: %g", v)
	}
	idle.quit()
	srv.stop(t)
}

// --max-highlights holds a key to its limit: the highlight past it goes
// from the screen and the reader is told why, over OpenSSH as anywhere.
func TestTheHighlightPastTheLimitIsRefusedOverOpenSSH(t *testing.T) {
	t.Parallel()
	needTools(t, "ssh", "tmux")
	srv := startServer(t, "--db", filepath.Join(t.TempDir(), "readers.db"), "--max-highlights", "2")
	alice := newReaderKey(t)
	tm := srv.sshTermWith(t, alice.opts, 120, 40)
	tm.waitFor("the issue list", listShown)
	tm.keys("2")
	tm.waitFor("the reader at article 2", readerAt(2))
	tm.keys("v", "m", "j", "m")
	tm.waitFor("two highlights", func(s screen) bool { return s.has("2 highlights") })
	tm.keys("j", "m")
	s := tm.waitFor("the refusal", func(s screen) bool {
		return strings.Contains(s.header(), "The highlight was not kept: you have 2 highlights, the most this server keeps")
	})
	if !s.has("2 highlights") || s.has("3 highlights") {
		t.Errorf("the refused highlight is not on screen:\n%s", s)
	}
	tm.quit()
	if hs := srv.highlightsOf(t, alice); len(hs) != 2 {
		t.Errorf("two highlights are kept: %v", hs)
	}
}
