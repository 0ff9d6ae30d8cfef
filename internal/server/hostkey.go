package server

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	gossh "golang.org/x/crypto/ssh"

	"analyst/internal/atomicfile"
)

// DefaultHostKeyPath is where the host key lives when no path is given:
// in the user's data directory, so that the server keeps one fingerprint
// from run to run. getenv is the command's environment (os.Getenv, or a
// test's).
func DefaultHostKeyPath(getenv func(string) string) (string, error) {
	dir, err := dataDir(getenv)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "analyst", "ssh_host_ed25519_key"), nil
}

// DefaultStorePath is where a server keeps what its readers with a key
// make, unless told otherwise: readers.db beside the default host key.
// getenv is the command's environment, as for DefaultHostKeyPath.
func DefaultStorePath(getenv func(string) string) (string, error) {
	dir, err := dataDir(getenv)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "analyst", "readers.db"), nil
}

// dataDir is the user's data directory: $XDG_DATA_HOME, ~/.local/share,
// ~/Library/Application Support on macOS, %LocalAppData% on Windows. A
// relative XDG_DATA_HOME is ignored, as the XDG spec asks (and as the
// reader's store does).
func dataDir(getenv func(string) string) (string, error) {
	if d := getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
		return d, nil
	}
	home := getenv("HOME")
	switch runtime.GOOS {
	case "windows":
		if d := getenv("LocalAppData"); d != "" {
			return d, nil
		}
		home = getenv("USERPROFILE")
	case "darwin":
		if home != "" {
			return filepath.Join(home, "Library", "Application Support"), nil
		}
	}
	if home == "" {
		return "", errors.New("no home directory for the host key: $HOME is not set (use --host-key)")
	}
	return filepath.Join(home, ".local", "share"), nil
}

// LoadOrCreateHostKey returns the PEM of the host key at path, creating an
// ed25519 key there (mode 0600, in a directory of mode 0700) on first use.
// The new key is written to a temporary file and renamed into place, so
// two servers starting at once never see half a key. It reports whether
// it made a new key. A key that others may read or write is refused, as
// OpenSSH refuses one: whoever has read it can pass for the server.
func LoadOrCreateHostKey(path string) ([]byte, bool, error) {
	data, err := readPrivate(path)
	if err == nil {
		if _, err := gossh.ParsePrivateKey(data); err != nil {
			return nil, false, fmt.Errorf("host key %s: %w", path, err)
		}
		return data, false, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, false, fmt.Errorf("host key: %w", err)
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, false, err
	}
	block, err := gossh.MarshalPrivateKey(priv, "analyst host key")
	if err != nil {
		return nil, false, err
	}
	data = pem.EncodeToMemory(block)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, false, fmt.Errorf("host key directory: %w", err)
	}
	if err := atomicfile.WriteNew(path, data, 0o600); err != nil {
		return nil, false, fmt.Errorf("host key: %w", err)
	}
	// Read it back: if another server wrote the key first, its key wins.
	onDisk, err := os.ReadFile(path)
	if err != nil {
		return nil, false, fmt.Errorf("host key: %w", err)
	}
	return onDisk, string(onDisk) == string(data), nil
}

// readPrivate reads a private key file, unless its mode lets anyone but
// its owner near it (on systems with Unix modes). The mode checked is that
// of the file read.
func readPrivate(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if mode := fi.Mode().Perm(); mode&0o077 != 0 && runtime.GOOS != "windows" {
		return nil, fmt.Errorf("%s is open to others (mode %04o): a private key must be its owner's alone; run: chmod 600 %s",
			path, mode, shellWord(path))
	}
	return io.ReadAll(f)
}

// shellWord quotes a path for a command to copy and paste, when it needs it.
func shellWord(s string) string {
	if strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/._-+:@", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
