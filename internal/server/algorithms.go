package server

import (
	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// The algorithms the server offers: only those that current hardening
// guides keep (ssh-audit's, Mozilla's). The ssh package's defaults also
// offer the NIST-curve key exchanges, diffie-hellman-group14 with SHA-1
// and SHA-256, and MACs that authenticate before encrypting (hmac-sha2-*,
// hmac-sha1, hmac-sha1-96), which ssh-audit fails or warns about.
//
// Clients this leaves out: OpenSSH before 6.5 (2014), PuTTY before 0.68
// (2017), Dropbear before 2020.79 (no chacha20-poly1305, and no
// encrypt-then-MAC MAC for its CTR ciphers), and libraries that know no
// curve25519 key exchange, as many embedded or Java ones of the 2010s. An
// AEAD cipher needs no MAC, so a client with chacha20-poly1305 or AES-GCM
// connects even without an encrypt-then-MAC MAC (Dropbear 2022.83 does).
var (
	// keyExchanges: the hybrid post-quantum one first, then curve25519
	// (the ssh package adds the older name curve25519-sha256@libssh.org).
	keyExchanges = []string{
		gossh.KeyExchangeMLKEM768X25519,
		gossh.KeyExchangeCurve25519,
	}
	// ciphers: authenticated encryption first, then CTR with an
	// encrypt-then-MAC MAC.
	ciphers = []string{
		gossh.CipherChaCha20Poly1305,
		gossh.CipherAES256GCM,
		gossh.CipherAES128GCM,
		gossh.CipherAES256CTR,
		gossh.CipherAES192CTR,
		gossh.CipherAES128CTR,
	}
	macs = []string{
		gossh.HMACSHA256ETM,
		gossh.HMACSHA512ETM,
	}
)

// strongAlgorithms is the ssh package's ServerConfigCallback: a fresh
// configuration for each connection, offering only the algorithms above.
func strongAlgorithms(ssh.Context) *gossh.ServerConfig {
	cfg := &gossh.ServerConfig{}
	cfg.KeyExchanges = append([]string(nil), keyExchanges...)
	cfg.Ciphers = append([]string(nil), ciphers...)
	cfg.MACs = append([]string(nil), macs...)
	return cfg
}
