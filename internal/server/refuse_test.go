package server

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"net"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// Port forwarding either way, subsystems, agent forwarding and X11 are all
// refused, and the connection goes on working afterwards.
func TestRefusals(t *testing.T) {
	ts := startServer(t, nil)
	c := ts.dial(t, "alice")

	// A target the forwarding would reach if it were allowed.
	target, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer target.Close()
	tAddr := target.Addr().(*net.TCPAddr)

	t.Run("local forwarding", func(t *testing.T) {
		if conn, err := c.Dial("tcp", tAddr.String()); err == nil {
			conn.Close()
			t.Fatal("client.Dial through the server succeeded")
		}
		ch, _, err := c.OpenChannel("direct-tcpip", gossh.Marshal(struct {
			DestAddr   string
			DestPort   uint32
			OriginAddr string
			OriginPort uint32
		}{"127.0.0.1", uint32(tAddr.Port), "127.0.0.1", 5555}))
		if err == nil {
			ch.Close()
			t.Fatal("a direct-tcpip channel was opened")
		}
		var oce *gossh.OpenChannelError
		if !errors.As(err, &oce) {
			t.Fatalf("direct-tcpip: %v, want an OpenChannelError", err)
		}
	})

	t.Run("remote forwarding", func(t *testing.T) {
		ok, _, err := c.SendRequest("tcpip-forward", true, gossh.Marshal(struct {
			BindAddr string
			BindPort uint32
		}{"127.0.0.1", 0}))
		if err != nil || ok {
			t.Errorf("tcpip-forward: ok=%v err=%v, want false", ok, err)
		}
		if ln, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
			ln.Close()
			t.Error("client.Listen through the server succeeded")
		}
	})

	t.Run("subsystem", func(t *testing.T) {
		for _, name := range []string{"sftp", "default"} {
			s, err := c.NewSession()
			if err != nil {
				t.Fatal(err)
			}
			if err := s.RequestSubsystem(name); err == nil {
				t.Errorf("subsystem %s was granted", name)
			}
			s.Close()
		}
	})

	t.Run("agent and X11", func(t *testing.T) {
		s, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if ok, err := s.SendRequest("auth-agent-req@openssh.com", true, nil); err != nil || ok {
			t.Errorf("agent forwarding: ok=%v err=%v, want false", ok, err)
		}
		x11 := gossh.Marshal(struct {
			Single bool
			Proto  string
			Cookie string
			Screen uint32
		}{false, "MIT-MAGIC-COOKIE-1", "0123456789abcdef", 0})
		if ok, err := s.SendRequest("x11-req", true, x11); err != nil || ok {
			t.Errorf("x11-req: ok=%v err=%v, want false", ok, err)
		}
	})

	t.Run("environment", func(t *testing.T) {
		s, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		// What the reader uses is kept, each once, a value of up to 256 bytes.
		for _, kv := range [][2]string{{"TERM", "xterm"}, {"COLORTERM", "truecolor"}, {"NO_COLOR", strings.Repeat("1", maxEnvValue)}} {
			if err := s.Setenv(kv[0], kv[1]); err != nil {
				t.Errorf("env %s refused: %v", kv[0], err)
			}
		}
		for _, kv := range [][2]string{
			{"LANG", "C.UTF-8"}, {"LD_PRELOAD", "/tmp/x.so"}, {"V0", "x"}, // not used
			{"TERM", "vt100"}, // a second time
			{"CLICOLOR", strings.Repeat("1", maxEnvValue+1)}, // too long
			{"CLICOLOR_FORCE", strings.Repeat("x", 200<<10)},
		} {
			if err := s.Setenv(kv[0], kv[1]); err == nil {
				t.Errorf("env %s (%d bytes) was accepted", kv[0], len(kv[1]))
			}
		}
	})

	// The connection survived all that.
	s := openSession(t, c, 0, 0).start(t, "list")
	if code := s.exitStatus(t); code != 0 || s.out.String() != "exec:list\n" {
		t.Errorf("list after the refusals: status %d, stdout %q", code, s.out.String())
	}
	if calls := ts.exec.Calls(); len(calls) != 1 {
		t.Errorf("Exec calls %q, want just the list", calls)
	}
}

// Anyone with a key, or with keyboard-interactive and no questions, gets
// in; passwords are not asked for.
func TestAuth(t *testing.T) {
	ts := startServer(t, nil)
	connect := func(auth ...gossh.AuthMethod) error {
		c, err := gossh.Dial("tcp", ts.addr, &gossh.ClientConfig{
			User:            "reader",
			Auth:            auth,
			HostKeyCallback: gossh.InsecureIgnoreHostKey(),
			Timeout:         waitLimit,
		})
		if err != nil {
			return err
		}
		defer c.Close()
		out, err := c.NewSession()
		if err != nil {
			return err
		}
		b, err := out.Output("list")
		if err != nil || string(b) != "exec:list\n" {
			return fmt.Errorf("list: %q, %v", b, err)
		}
		return nil
	}

	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	if err := connect(gossh.PublicKeys(signer)); err != nil {
		t.Errorf("a random ed25519 key: %v", err)
	}

	var asked [][]string
	err = connect(gossh.KeyboardInteractive(func(_, _ string, questions []string, _ []bool) ([]string, error) {
		asked = append(asked, questions)
		return make([]string, len(questions)), nil
	}))
	if err != nil {
		t.Errorf("keyboard-interactive: %v", err)
	}
	for _, q := range asked {
		if len(q) != 0 {
			t.Errorf("keyboard-interactive asked %q, want no questions", q)
		}
	}

	var pwAsked bool
	err = connect(gossh.PasswordCallback(func() (string, error) {
		pwAsked = true
		return "hunter2", nil
	}))
	if err == nil {
		t.Error("a client with only a password got in")
	} else if !strings.Contains(err.Error(), "unable to authenticate") {
		t.Errorf("password only: %v, want an authentication failure", err)
	}
	if pwAsked {
		t.Error("the server let the client try a password")
	}
}
