package cli

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"encoding/pem"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"analyst/internal/content"
	"analyst/internal/keeper"
	"analyst/internal/server"
	"analyst/internal/store"
	"analyst/ui"
)

// sshServer is a server whose commands are the command line's, over a
// new SQLite store of its keyed readers' things.
type sshServer struct {
	addr    string
	keepers *keeper.Shared
	lib     *content.Library
}

func startSSH(t *testing.T) *sshServer {
	t.Helper()
	lib, err := content.Load(os.DirFS(repoRoot+"articles"), "articles")
	if err != nil {
		t.Fatal(err)
	}
	sh, err := keeper.OpenShared(context.Background(), filepath.Join(t.TempDir(), "readers.db"), store.DefaultLimits(), keeper.Timing{})
	if err != nil {
		t.Fatal(err)
	}
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	block, err := gossh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(server.Config{
		HostKeyPEM: pem.EncodeToMemory(block), Library: lib, Keepers: sh,
		Exec: execCommand(lib, sh), ShutdownGrace: time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		sh.Close()
	})
	return &sshServer{addr: ln.Addr().String(), keepers: sh, lib: lib}
}

func newKey(t *testing.T) gossh.Signer {
	t.Helper()
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// ran is what a command printed and its exit status.
type ran struct {
	stdout, stderr string
	code           int
}

// run runs a command as the key (nil: keyboard-interactive, no key),
// with a PTY when typed is not nil, typing it.
func (s *sshServer) run(t *testing.T, key gossh.Signer, command string, typed []byte) ran {
	t.Helper()
	auth := gossh.AuthMethod(gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil }))
	if key != nil {
		auth = gossh.PublicKeys(key)
	}
	c, err := gossh.Dial("tcp", s.addr, &gossh.ClientConfig{User: "reader", Auth: []gossh.AuthMethod{auth},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if typed != nil {
		if err := sess.RequestPty("xterm", 24, 100, gossh.TerminalModes{}); err != nil {
			t.Fatal(err)
		}
		sess.Stdin = bytes.NewReader(typed)
	}
	var stdout, stderr bytes.Buffer
	sess.Stdout, sess.Stderr = &stdout, &stderr
	err = sess.Run(command)
	r := ran{stdout: stdout.String(), stderr: stderr.String()}
	var ee *gossh.ExitError
	switch {
	case errors.As(err, &ee):
		r.code = ee.ExitStatus()
	case err != nil:
		t.Fatalf("%s: %v", command, err)
	}
	return r
}

// keep makes, for a key, a place and highlights (the second with a note)
// as its reader would.
func (s *sshServer) keep(t *testing.T, key gossh.Signer, highlights int) {
	t.Helper()
	k := s.keepers.Keeper(gossh.FingerprintSHA256(key.PublicKey()))
	if _, err := k.Load(s.lib); err != nil {
		t.Fatal(err)
	}
	if err := k.SavePlace("2026-01/cutler", ui.Place{Section: "background", Fraction: 0.4, Progress: 0.4}); err != nil {
		t.Fatal(err)
	}
	for i := range highlights {
		note := ""
		if i == 1 {
			note = "NOTE-OF-ALICE"
		}
		if _, err := k.AddHighlight(ui.Highlight{Article: "2026-01/cutler", Section: "background", Paragraph: i, Note: note}); err != nil {
			t.Fatal(err)
		}
	}
}

// ssh HOST highlights prints the key's highlights as the local command
// does, Markdown or JSON, and no other key's.
func TestHighlightsOverSSHAreTheKeys(t *testing.T) {
	s := startSSH(t)
	alice, bob := newKey(t), newKey(t)
	s.keep(t, alice, 2)
	s.keep(t, bob, 1)

	r := s.run(t, alice, "highlights --json", nil)
	var got []highlightJSON
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || r.code != 0 {
		t.Fatalf("highlights --json: %v, exit %d\n%s%s", err, r.code, r.stdout, r.stderr)
	}
	notes := 0
	for _, h := range got {
		if h.Note == "NOTE-OF-ALICE" && h.Ref == "2026-01/cutler" && h.InText != "" {
			notes++
		}
	}
	if len(got) != 2 || notes != 1 {
		t.Errorf("alice's two highlights, one with her note, cited: %+v", got)
	}
	r = s.run(t, bob, "highlights", nil)
	if r.code != 0 || !strings.HasPrefix(r.stdout, "# Highlights\n\n## Robert M. Cutler: ") || strings.Contains(r.stdout, "NOTE-OF-ALICE") {
		t.Errorf("bob's highlights as Markdown, without alice's: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = s.run(t, nil, "highlights", nil)
	if r.code != 1 || !strings.Contains(r.stderr, "you connected without an SSH key, so this server keeps nothing for you") {
		t.Errorf("without a key: exit %d, stderr %q", r.code, r.stderr)
	}
}

// ssh HOST forget --yes deletes everything kept for the key, and only
// that, and says what it deleted; without --yes and without a terminal
// it refuses and says how.
func TestForgetWithYesDeletesOnlyTheKeys(t *testing.T) {
	s := startSSH(t)
	alice, bob := newKey(t), newKey(t)
	s.keep(t, alice, 2)
	s.keep(t, bob, 1)

	r := s.run(t, alice, "forget", nil)
	if r.code != 2 || !strings.Contains(r.stderr, "ssh -t HOST forget") || !strings.Contains(r.stderr, "ssh HOST forget --yes") {
		t.Errorf("forget without a terminal or --yes refuses, saying how: exit %d, %q", r.code, r.stderr)
	}
	if kept := s.kept(t, alice); len(kept.Highlights) != 2 {
		t.Fatalf("a refused forget deletes nothing: %+v", kept)
	}

	r = s.run(t, alice, "forget --yes", nil)
	fp := gossh.FingerprintSHA256(alice.PublicKey())
	want := "Deleted what this server kept for your key " + fp + ": 1 place (1 read), 2 highlights (1 with a note) and the article read last.\n"
	if r.code != 0 || r.stdout != want {
		t.Errorf("forget --yes: exit %d\nstdout %q\nwant   %q\nstderr %q", r.code, r.stdout, want, r.stderr)
	}
	if kept := s.kept(t, alice); len(kept.Highlights) != 0 || len(kept.Places) != 0 || kept.LastRead != "" {
		t.Errorf("nothing is left of alice's: %+v", kept)
	}
	if kept := s.kept(t, bob); len(kept.Highlights) != 1 || len(kept.Places) != 1 {
		t.Errorf("bob's things are as they were: %+v", kept)
	}
	r = s.run(t, alice, "forget --yes", nil)
	if r.code != 0 || !strings.Contains(r.stdout, "kept nothing for your key") {
		t.Errorf("a second forget: exit %d, %q", r.code, r.stdout)
	}
	r = s.run(t, nil, "forget --yes", nil)
	if r.code != 1 || !strings.Contains(r.stderr, "without an SSH key") {
		t.Errorf("without a key: exit %d, %q", r.code, r.stderr)
	}
}

// In a terminal, forget says what it will delete and deletes it only when
// the word is typed again.
func TestForgetInATerminalAsksForTheWord(t *testing.T) {
	s := startSSH(t)
	alice := newKey(t)
	s.keep(t, alice, 3)

	r := s.run(t, alice, "forget", []byte("yes\r"))
	if r.code != 1 || !strings.Contains(r.stdout, "1 place (1 read), 3 highlights (1 with a note) and the article read last") ||
		!strings.Contains(r.stdout, "Type forget to delete it") || !strings.Contains(r.stdout, "Nothing was deleted.") {
		t.Errorf("another word keeps everything: exit %d\n%s", r.code, r.stdout)
	}
	if kept := s.kept(t, alice); len(kept.Highlights) != 3 {
		t.Fatalf("nothing was deleted: %+v", kept)
	}
	r = s.run(t, alice, "forget", []byte("forgte\x7f\x7fet\r")) // a typo, mended with backspace
	if r.code != 0 || !strings.Contains(r.stdout, "Deleted what this server kept for your key") {
		t.Errorf("the word typed again deletes: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if kept := s.kept(t, alice); len(kept.Highlights) != 0 {
		t.Errorf("everything was deleted: %+v", kept)
	}
	r = s.run(t, alice, "forget", []byte{})
	if r.code != 0 || !strings.Contains(r.stdout, "keeps nothing for your key") || strings.Contains(r.stdout, "Type forget") {
		t.Errorf("with nothing kept, nothing is asked: exit %d\n%s", r.code, r.stdout)
	}
}

func (s *sshServer) kept(t *testing.T, key gossh.Signer) ui.Kept {
	t.Helper()
	k, err := s.keepers.Keeper(gossh.FingerprintSHA256(key.PublicKey())).Load(s.lib)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// cite and glossary run over SSH as they do locally.
func TestCiteAndGlossaryOverSSH(t *testing.T) {
	s := startSSH(t)
	r := s.run(t, nil, "cite 2 --format bibtex", nil)
	if r.code != 0 || !strings.HasPrefix(r.stdout, "@article{") || !strings.Contains(r.stdout, "Cutler") {
		t.Errorf("cite: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = s.run(t, nil, "glossary --json", nil)
	var items []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &items); err != nil || r.code != 0 || len(items) == 0 {
		t.Errorf("glossary --json: %v, exit %d\n%s", err, r.code, r.stderr)
	}
}
