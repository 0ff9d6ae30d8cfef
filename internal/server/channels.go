package server

import (
	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// maxEnvRequests bounds the environment variables a client may set.
const maxEnvRequests = 64

// refuseExtras accepts a session channel like the ssh package does, but
// answers no to what a public reader has no use for: agent forwarding and
// X11, which the package would otherwise accept or ignore, and environment
// variables beyond a small number. Port forwarding and subsystems are
// already refused, as the server installs no handler for them.
func refuseExtras(srv *ssh.Server, conn *gossh.ServerConn, newChan gossh.NewChannel, ctx ssh.Context) {
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
		envs := 0
		for req := range reqs {
			switch req.Type {
			case "auth-agent-req@openssh.com", "x11-req":
				_ = req.Reply(false, nil)
				continue
			case "env":
				if envs++; envs > maxEnvRequests {
					_ = req.Reply(false, nil)
					continue
				}
			}
			out <- req
		}
	}()
	return ch, out, nil
}
