package server

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"analyst/internal/testlib"
)

// The host key is made once, privately, and the same key comes back on
// every later start, so the server keeps its fingerprint.
func TestHostKeySurvivesRestart(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data", "analyst")
	path := filepath.Join(dir, "ssh_host_ed25519_key")

	first, created, err := LoadOrCreateHostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	if !created {
		t.Error("first call: created = false, want true")
	}
	signer, err := gossh.ParsePrivateKey(first)
	if err != nil {
		t.Fatalf("the new key does not parse: %v", err)
	}
	if typ := signer.PublicKey().Type(); typ != gossh.KeyAlgoED25519 {
		t.Errorf("key type %s, want ed25519", typ)
	}
	if fi, err := os.Stat(path); err != nil {
		t.Fatal(err)
	} else if mode := fi.Mode().Perm(); mode != 0o600 {
		t.Errorf("key file mode %o, want 600", mode)
	}
	if fi, err := os.Stat(dir); err != nil {
		t.Fatal(err)
	} else if mode := fi.Mode().Perm(); mode != 0o700 {
		t.Errorf("key directory mode %o, want 700", mode)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("the key directory holds %q, want just the key", names)
	}

	second, created, err := LoadOrCreateHostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	if created {
		t.Error("second call: created = true, want false")
	}
	if !bytes.Equal(first, second) {
		t.Error("second call returned a different key")
	}

	// Two servers from the key, one after the other, show one fingerprint.
	want := gossh.FingerprintSHA256(signer.PublicKey())
	for i, pem := range [][]byte{first, second} {
		ts := startServer(t, func(c *Config) { c.HostKeyPEM = pem })
		var got string
		cfg := clientConfig(t, "alice")
		cfg.HostKeyCallback = func(_ string, _ net.Addr, key gossh.PublicKey) error {
			got = gossh.FingerprintSHA256(key)
			return nil
		}
		c, err := gossh.Dial("tcp", ts.addr, cfg)
		if err != nil {
			t.Fatal(err)
		}
		c.Close()
		ts.shutdown(t)
		if got != want {
			t.Errorf("server %d presented %s, want %s", i+1, got, want)
		}
	}
}

// A host key file that is not a key is an error naming the file, and the
// file is left alone.
func TestHostKeyCorrupt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "host_key")
	junk := []byte("-----BEGIN OPENSSH PRIVATE KEY-----\nnot a key\n-----END OPENSSH PRIVATE KEY-----\n")
	if err := os.WriteFile(path, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	pem, created, err := LoadOrCreateHostKey(path)
	if err == nil {
		t.Fatalf("a corrupt key loaded (created=%v, %d bytes)", created, len(pem))
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name %s", err, path)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, junk) {
		t.Error("the corrupt key file was changed")
	}
}

// A host key path that cannot be read is an error naming it.
func TestHostKeyUnreadable(t *testing.T) {
	path := t.TempDir() // a directory, not a file
	_, _, err := LoadOrCreateHostKey(path)
	if err == nil {
		t.Fatal("a directory loaded as a host key")
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name %s", err, path)
	}
}

// New refuses a Config it cannot serve.
func TestNewRefusesIncompleteConfig(t *testing.T) {
	fe := &fakeExec{}
	good := Config{HostKeyPEM: newHostKeyPEM(t), Library: testlib.Library(t), Exec: fe.run}
	for name, change := range map[string]func(*Config){
		"no library":  func(c *Config) { c.Library = nil },
		"no host key": func(c *Config) { c.HostKeyPEM = nil },
		"bad host key": func(c *Config) {
			c.HostKeyPEM = []byte("not a key")
		},
		"no exec": func(c *Config) { c.Exec = nil },
	} {
		cfg := good
		change(&cfg)
		if _, err := New(cfg); err == nil {
			t.Errorf("%s: New succeeded", name)
		}
	}
	if _, err := New(good); err != nil {
		t.Errorf("a complete config: %v", err)
	}
}

// A host key others may read is refused, as OpenSSH refuses one, with the
// file and the chmod that fixes it; after the chmod it is used.
func TestHostKeyOpenToOthersRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "my keys", "ssh_host_ed25519_key")
	want, _, err := LoadOrCreateHostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range []os.FileMode{0o644, 0o640, 0o604, 0o620} {
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
		_, _, err := LoadOrCreateHostKey(path)
		if err == nil {
			t.Fatalf("a host key of mode %04o was used", mode)
		}
		msg := err.Error()
		for _, part := range []string{path, fmt.Sprintf("mode %04o", mode), "chmod 600 '" + path + "'"} {
			if !strings.Contains(msg, part) {
				t.Errorf("mode %04o: %q lacks %q", mode, msg, part)
			}
		}
	}
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	got, created, err := LoadOrCreateHostKey(path)
	if err != nil || created || !bytes.Equal(got, want) {
		t.Errorf("after chmod 400: created %v, err %v, same key %v", created, err, bytes.Equal(got, want))
	}
}

// The default host key's place comes from the environment the caller
// gives, not the process's: XDG_DATA_HOME when absolute, else HOME.
func TestDefaultHostKeyPathReadsTheGivenEnvironment(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/process/data") // never read
	t.Setenv("HOME", "/process/home")
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	for _, c := range []struct {
		vars map[string]string
		want string
	}{
		{map[string]string{"XDG_DATA_HOME": "/srv/data", "HOME": "/home/a"}, "/srv/data/analyst/ssh_host_ed25519_key"},
		{map[string]string{"XDG_DATA_HOME": "relative", "HOME": "/home/a"}, "/home/a/.local/share/analyst/ssh_host_ed25519_key"},
		{map[string]string{"HOME": "/home/a"}, "/home/a/.local/share/analyst/ssh_host_ed25519_key"},
	} {
		got, err := DefaultHostKeyPath(env(c.vars))
		if err != nil || got != c.want {
			t.Errorf("with %v: %q, %v; want %q", c.vars, got, err, c.want)
		}
	}
	if got, err := DefaultStorePath(env(map[string]string{"XDG_DATA_HOME": "/srv/data"})); err != nil || got != "/srv/data/analyst/readers.db" {
		t.Errorf("the readers' store: %q, %v", got, err)
	}
	if got, err := DefaultHostKeyPath(env(nil)); err == nil || !strings.Contains(err.Error(), "--host-key") {
		t.Errorf("with no HOME: %q, %v; want an error pointing at --host-key", got, err)
	}
}
