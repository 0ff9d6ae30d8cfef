package server

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"analyst/internal/testlib"

	gossh "golang.org/x/crypto/ssh"

	"analyst/internal/keeper"
	"analyst/internal/store"
	"analyst/ui"
)

// dialAs connects as user with the given auth methods.
func (ts *testServer) dialAs(t *testing.T, user string, auth ...gossh.AuthMethod) *gossh.Client {
	t.Helper()
	c, err := gossh.Dial("tcp", ts.addr, &gossh.ClientConfig{
		User: user, Auth: auth, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: waitLimit,
	})
	if err != nil {
		t.Fatalf("dial as %s: %v", user, err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// dialKey connects as user with a key.
func (ts *testServer) dialKey(t *testing.T, user string, key gossh.Signer) *gossh.Client {
	t.Helper()
	return ts.dialAs(t, user, gossh.PublicKeys(key))
}

// dialNoKey connects with keyboard-interactive and no key.
func (ts *testServer) dialNoKey(t *testing.T, user string) *gossh.Client {
	t.Helper()
	return ts.dialAs(t, user, gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) {
		return nil, nil
	}))
}

// keyedServer is a server whose keyed readers' things are kept in a new
// SQLite store; it returns the store's file too.
func keyedServer(t *testing.T, lim store.Limits, change func(*Config)) (*testServer, *keeper.Shared, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "readers.db")
	sh, err := keeper.OpenShared(context.Background(), path, lim, keeper.Timing{})
	if err != nil {
		t.Fatal(err)
	}
	ts := startServer(t, func(c *Config) {
		c.Keepers = sh
		if change != nil {
			change(c)
		}
	})
	t.Cleanup(func() { sh.Close() }) // after the server's shutdown, which runs first
	return ts, sh, path
}

// kept is what the store keeps for a key.
func kept(t *testing.T, sh *keeper.Shared, key gossh.Signer) ui.Kept {
	t.Helper()
	k, err := sh.Keeper(fingerprint(key.PublicKey())).Load(testlib.Library(t))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// listReader starts a reader on c, and waits for the issue list.
func listReader(t *testing.T, c *gossh.Client) *session {
	t.Helper()
	s := reader(t, c, 40, 120)
	s.out.waitFor(t, 0, "Tolipov")
	return s
}

// openCutler opens Cutler's article from the list, and waits for its
// text: keys that work on paragraphs wait for it too.
func (s *session) openCutler(t *testing.T) {
	t.Helper()
	m := s.out.mark()
	s.press(t, "2")
	s.out.waitFor(t, m, "SECTIONS")
	s.out.waitFor(t, m, "implicitly tightening")
}

// quitWithHighlights opens the highlights screen, waits for its title to
// count n, and quits.
func (s *session) quitWithHighlights(t *testing.T, n int) {
	t.Helper()
	m := s.out.mark()
	s.press(t, "H")
	s.out.waitFor(t, m, fmt.Sprintf("Your highlights · %d", n))
	s.press(t, "q")
	s.exitStatus(t)
}

// highlightFirst opens Cutler's article in a reader and highlights its
// first paragraph, then quits.
func highlightFirst(t *testing.T, c *gossh.Client) {
	t.Helper()
	s := listReader(t, c)
	s.openCutler(t)
	m := s.out.mark()
	s.press(t, "vm")
	s.out.waitFor(t, m, "1 highlight")
	s.press(t, "jjjj") // the place moves, and is written when the reader quits
	s.press(t, "q")
	if code := s.exitStatus(t); code != 0 {
		t.Fatalf("exit status %d", code)
	}
	if strings.Contains(s.out.text(0), "this session only") {
		t.Errorf("a reader with a key is not told that things last for the session")
	}
}

// A reader with a key finds, when they come back, the article they read
// last and their highlights; another key finds none of them, and a reader
// without a key keeps nothing past their session. Only the key's
// fingerprint is kept: not the user name, not the address.
func TestKeyedReadersFindTheirThingsAndOnlyTheirs(t *testing.T) {
	ts, sh, path := keyedServer(t, store.Limits{}, nil)
	alice, bob := newSigner(t), newSigner(t)

	highlightFirst(t, ts.dialKey(t, "alice", alice))
	got := kept(t, sh, alice)
	if len(got.Highlights) != 1 || got.LastRead != "2026-01/cutler" || got.Places["2026-01/cutler"].Section == "" {
		t.Fatalf("what is kept for alice's key: %+v", got)
	}

	// Back, under another user name: the key is who they are.
	s := reader(t, ts.dialKey(t, "someone-else", alice), 40, 120)
	s.out.waitFor(t, 0, "% read")
	s.quitWithHighlights(t, 1)

	s = listReader(t, ts.dialKey(t, "alice", bob))
	s.quitWithHighlights(t, 0)
	if strings.Contains(s.out.text(0), "% read") {
		t.Errorf("bob's list shows alice's progress:\n%s", s.out.text(0))
	}
	if got := kept(t, sh, bob); len(got.Highlights) != 0 || len(got.Places) != 0 {
		t.Errorf("bob's key keeps nothing of alice's: %+v", got)
	}

	// Without a key: told at once, kept for the session only.
	s = reader(t, ts.dialNoKey(t, "carol"), 40, 120)
	s.out.waitFor(t, 0, "No SSH key: kept for this session only")
	s.openCutler(t)
	m := s.out.mark()
	s.press(t, "vm")
	s.out.waitFor(t, m, "this session only")
	s.press(t, "q")
	s.exitStatus(t)
	listReader(t, ts.dialNoKey(t, "carol")).quitWithHighlights(t, 0)

	owners, text := storeContents(t, path)
	if len(owners) != 1 || owners[0] != fingerprint(alice.PublicKey()) {
		t.Errorf("the store keeps things for %q; want alice's key alone", owners)
	}
	for _, leak := range []string{"alice", "someone-else", "carol", "127.0.0.1"} {
		if strings.Contains(text, leak) {
			t.Errorf("the store holds %q: nothing but the key's fingerprint is kept about a reader", leak)
		}
	}
}

// storeContents reads an SQLite store as any program would: the owners it
// keeps things for, and every text it holds, but the quotes (which are
// the articles').
func storeContents(t *testing.T, path string) (owners []string, text string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT owner FROM readers UNION SELECT owner FROM places UNION SELECT owner FROM highlights`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var o string
		rows.Scan(&o)
		owners = append(owners, o)
	}
	rows.Close()
	var b strings.Builder
	for _, q := range []string{
		"SELECT owner || issue || article || section || note FROM highlights",
		"SELECT owner || issue || article || section FROM places",
		"SELECT owner || last_issue || last_article FROM readers",
	} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var s string
			rows.Scan(&s)
			b.WriteString(s + "\n")
		}
		rows.Close()
	}
	return owners, b.String()
}

// keySigner shows a public key it does not hold: what it signs is not
// that key's signature.
type keySigner struct {
	pub   gossh.PublicKey
	other gossh.Signer
}

func (k keySigner) PublicKey() gossh.PublicKey { return k.pub }
func (k keySigner) Sign(r io.Reader, data []byte) (*gossh.Signature, error) { // mallory's, for alice's key
	return k.other.Sign(r, data)
}

// A client that shows another reader's public key (public keys are
// public) without holding its private key gets nowhere: the key it cannot
// sign for ends its login. (What a session is told its key is comes from
// what the client signed for, not from the keys it only showed: see
// ownerOf.)
func TestAKeyShownButNotHeldIsNotWhoYouAre(t *testing.T) {
	ts, sh, _ := keyedServer(t, store.Limits{}, nil)
	alice, mallory := newSigner(t), newSigner(t)
	highlightFirst(t, ts.dialKey(t, "alice", alice))

	_, err := gossh.Dial("tcp", ts.addr, &gossh.ClientConfig{
		User: "alice", HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: waitLimit,
		Auth: []gossh.AuthMethod{gossh.PublicKeys(keySigner{pub: alice.PublicKey(), other: mallory}, mallory)},
	})
	if err == nil {
		t.Fatal("a client that cannot sign for the key it shows is let in")
	}
	listReader(t, ts.dialKey(t, "alice", mallory)).quitWithHighlights(t, 0)
	if got := kept(t, sh, alice); len(got.Highlights) != 1 {
		t.Errorf("alice's things are as she left them: %+v", got)
	}
}

// The limits are the reader's to see: the highlight past the limit goes
// from the screen, and the top line says why until a change is kept.
func TestTheHighlightPastTheLimitIsRefusedOnScreen(t *testing.T) {
	ts, sh, _ := keyedServer(t, store.Limits{Highlights: 2}, nil)
	alice := newSigner(t)
	s := listReader(t, ts.dialKey(t, "alice", alice))
	s.openCutler(t)
	s.press(t, "vmjm")
	m := s.out.mark()
	s.press(t, "jm")
	s.out.waitFor(t, m, "The highlight was not kept: you have 2 highlights, the most this server keeps for one reader")
	m = s.out.mark()
	s.press(t, "jH") // the place is kept a second later, and the notice goes
	s.out.waitFor(t, m, "Your highlights · 2")
	s.press(t, "q")
	s.exitStatus(t)
	if got := kept(t, sh, alice); len(got.Highlights) != 2 {
		t.Errorf("two highlights are kept: %+v", got.Highlights)
	}
}

// Owner gives a command the session's key, and nothing for a session
// without one.
func TestCommandsKnowWhoseThingsTheyAre(t *testing.T) {
	var (
		mu     sync.Mutex
		owners []string
	)
	ts, _, _ := keyedServer(t, store.Limits{}, func(c *Config) {
		c.Exec = func(ctx context.Context, _ []string, _ int, _ io.Reader, _, _ io.Writer) int {
			owner, keyed := Owner(ctx)
			if keyed != (owner != "") {
				return 3
			}
			mu.Lock()
			owners = append(owners, owner)
			mu.Unlock()
			return 0
		}
	})
	alice := newSigner(t)
	for _, c := range []*gossh.Client{ts.dialKey(t, "x", alice), ts.dialNoKey(t, "y")} {
		s := openSession(t, c, 0, 0).start(t, "highlights")
		if code := s.exitStatus(t); code != 0 {
			t.Fatalf("exit %d", code)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(owners) != 2 || owners[0] != fingerprint(alice.PublicKey()) || owners[1] != "" {
		t.Errorf("owners %q", owners)
	}
	if _, ok := Owner(context.Background()); ok {
		t.Errorf("a context of no session has no owner")
	}
}
