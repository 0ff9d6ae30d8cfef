package server

import (
	"slices"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// A client that offers only what the server no longer does cannot connect,
// and the handshake error names the step; one that offers everything gets
// the strongest of each.
func TestOnlyStrongAlgorithms(t *testing.T) {
	ts := startServer(t, nil)
	weak := []struct {
		name   string
		change func(*gossh.ClientConfig)
		step   string
	}{
		{"NIST curves", func(c *gossh.ClientConfig) {
			c.KeyExchanges = []string{gossh.KeyExchangeECDHP256, gossh.KeyExchangeECDHP384, gossh.KeyExchangeECDHP521}
		}, "key exchange"},
		{"group14 with SHA-1 and SHA-256", func(c *gossh.ClientConfig) {
			c.KeyExchanges = []string{gossh.InsecureKeyExchangeDH14SHA1, gossh.KeyExchangeDH14SHA256}
		}, "key exchange"},
		{"encrypt-and-MAC", func(c *gossh.ClientConfig) {
			c.Ciphers = []string{gossh.CipherAES128CTR}
			c.MACs = []string{gossh.HMACSHA256, gossh.HMACSHA512, gossh.HMACSHA1, gossh.InsecureHMACSHA196}
		}, "client to server MAC"},
		{"CBC", func(c *gossh.ClientConfig) {
			c.Ciphers = []string{gossh.InsecureCipherAES128CBC, gossh.InsecureCipherTripleDESCBC}
		}, "client to server cipher"},
	}
	for _, w := range weak {
		cfg := clientConfig(t, "weak")
		w.change(cfg)
		c, err := gossh.Dial("tcp", ts.addr, cfg)
		if err == nil {
			c.Close()
			t.Errorf("%s: the client connected", w.name)
			continue
		}
		if !strings.Contains(err.Error(), "no common algorithm for "+w.step) {
			t.Errorf("%s: %v, want no common %s", w.name, err, w.step)
		}
	}

	// An AEAD cipher needs no MAC: a client whose MACs are all refused
	// still connects with chacha20-poly1305, as Dropbear 2022.83 does.
	cfg := clientConfig(t, "aead")
	cfg.Ciphers = []string{gossh.CipherChaCha20Poly1305, gossh.CipherAES128CTR}
	cfg.MACs = []string{gossh.HMACSHA1, gossh.HMACSHA256}
	c, err := gossh.Dial("tcp", ts.addr, cfg)
	if err != nil {
		t.Fatalf("chacha20-poly1305 with no common MAC: %v", err)
	}
	c.Close()

	all := clientConfig(t, "all")
	supported, insecure := gossh.SupportedAlgorithms(), gossh.InsecureAlgorithms()
	all.KeyExchanges = append(insecure.KeyExchanges, supported.KeyExchanges...)
	all.Ciphers = append(insecure.Ciphers, supported.Ciphers...)
	all.MACs = append(insecure.MACs, supported.MACs...)
	c, err = gossh.Dial("tcp", ts.addr, all)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	got := c.Conn.(gossh.AlgorithmsConnMetadata).Algorithms()
	if got.KeyExchange != gossh.KeyExchangeMLKEM768X25519 {
		t.Errorf("key exchange %q, want %q", got.KeyExchange, gossh.KeyExchangeMLKEM768X25519)
	}
	// The client's order decides; its list starts with the weak ones.
	if !slices.Contains(ciphers, got.Write.Cipher) {
		t.Errorf("cipher %q is not one the server offers", got.Write.Cipher)
	}
	if strings.HasSuffix(got.Write.Cipher, "-ctr") && !strings.HasSuffix(got.Write.MAC, "-etm@openssh.com") {
		t.Errorf("MAC %q with %q is not encrypt-then-MAC", got.Write.MAC, got.Write.Cipher)
	}
}
