package server

import (
	"encoding/binary"
	"fmt"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// DefaultMaxChannels bounds the sessions open at once on one connection,
// as OpenSSH's sshd does (MaxSessions, also 10 there). Each holds a
// goroutine and what its client sent it; a client opened 682 in 30 s.
const DefaultMaxChannels = 10

// The environment a session keeps: the variables the reader reads (for its
// colours; TERM comes with the PTY too), each once, a value at most
// maxEnvValue bytes. Every other env request is refused. A client sent 64
// variables of 200 KB on each of 40 sessions, which held 433 MB.
const (
	maxEnvKept  = 8
	maxEnvValue = 256
)

// keptEnv says whether the reader uses an environment variable.
func keptEnv(name string) bool {
	switch name {
	case "TERM", "COLORTERM", "NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE":
		return true
	}
	return false
}

// openSession accepts a session channel like the ssh package does, if
// the connection has room for one more, and answers no to what a public
// reader has no use for: agent forwarding and X11, which the package would
// otherwise accept or ignore, and environment variables it does not keep.
// Port forwarding and subsystems are already refused, as the server
// installs no handler for them.
func (s *Server) openSession(srv *ssh.Server, conn *gossh.ServerConn, newChan gossh.NewChannel, ctx ssh.Context) {
	if tc, ok := ctx.Value(connKey{}).(*trackedConn); ok {
		if !tc.channelOpened(s.cfg.MaxChannels) {
			_ = newChan.Reject(gossh.ResourceShortage, fmt.Sprintf("at most %d sessions at once on a connection", s.cfg.MaxChannels))
			return
		}
		defer tc.channelClosed()
	}
	// It returns when the channel closes.
	ssh.DefaultSessionHandler(srv, conn, filteredChannel{newChan}, ctx)
}

// filteredChannel is a new session channel whose requests pass a filter.
type filteredChannel struct{ gossh.NewChannel }

func (c filteredChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := c.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go func() {
		// Ends when the channel closes and the ssh package closes reqs.
		defer close(out)
		kept := map[string]bool{}
		for req := range reqs {
			switch req.Type {
			case "auth-agent-req@openssh.com", "x11-req":
				_ = req.Reply(false, nil)
				continue
			case "env":
				name, ok := envName(req.Payload)
				if !ok || !keptEnv(name) || kept[name] || len(kept) >= maxEnvKept {
					_ = req.Reply(false, nil)
					continue
				}
				kept[name] = true
			}
			out <- req
		}
	}()
	return ch, out, nil
}

// envName reads the name of an env request whose value is at most
// maxEnvValue bytes, without copying the value: its payload is the name
// and the value, each a uint32 length and its bytes.
func envName(payload []byte) (string, bool) {
	if len(payload) < 4 {
		return "", false
	}
	n := binary.BigEndian.Uint32(payload)
	if uint64(n)+8 > uint64(len(payload)) {
		return "", false
	}
	name, rest := payload[4:4+n], payload[4+n:]
	value := binary.BigEndian.Uint32(rest)
	if value > maxEnvValue || uint64(value)+4 != uint64(len(rest)) {
		return "", false
	}
	return string(name), true
}

// channelOpened counts a session channel in, unless limit are open.
func (c *trackedConn) channelOpened(limit int) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.channels >= limit {
		return false
	}
	c.channels++
	return true
}

// channelClosed counts a session channel out.
func (c *trackedConn) channelClosed() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.channels--
}
