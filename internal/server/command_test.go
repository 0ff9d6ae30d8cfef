package server

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/anmitsu/go-shlex"
)

// splitCommand splits as the ssh package's Session.Command does: its
// go-shlex is the oracle.
func FuzzSplitCommand(f *testing.F) {
	for _, s := range []string{
		"", "list", "read 2", "  read   2  ", "read\t2\n",
		`search "South Caucasus"`, `search 'South Caucasus'`, `search South\ Caucasus`,
		`search "a\"b" 'c\'d' "e\\f" "g\h"`, `a''b ""c "" '' x`, `"unclosed`, `'unclosed`, `trailing\`,
		`mixed"quo"ted'wo'rds`, "é ü 日本 \u00a0nbsp\u2028", "a\\\nb", `\'`, `"\'"`, "\xff\xfe bad utf-8",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 2048 {
			return // the oracle is quadratic
		}
		want, _ := shlex.Split(s, true) // as Session.Command, which drops the error
		got := splitCommand(s)
		if len(got) == 0 && len(want) == 0 {
			return
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("splitCommand(%q) = %q, want %q", s, got, want)
		}
	})
}

// A long command is split in linear time: this took go-shlex seconds.
func TestSplitCommandLong(t *testing.T) {
	words := splitCommand("search " + strings.Repeat("x", 1<<20) + ` "` + strings.Repeat("y", 1<<20))
	if len(words) != 3 || len(words[1]) != 1<<20 || len(words[2]) != 1<<20 {
		t.Errorf("got %d words", len(words))
	}
}

// A command over the limit is refused before anything parses it: one line,
// status 2, quickly, and nothing runs. A 200 KB command took the ssh
// package's parser 6 seconds; the bound here is generous for a busy
// machine and still a sixth of that.
func TestLongCommandRefused(t *testing.T) {
	ts := startServer(t, nil)
	c := ts.dial(t, "mallory")
	for _, cmd := range []string{
		"search " + strings.Repeat("x", 200<<10),
		"nosuchcommand " + strings.Repeat(`"a" `, 50<<10),
	} {
		s := openSession(t, c, 0, 0)
		start := time.Now()
		s.start(t, cmd)
		code := s.exitStatus(t)
		took := time.Since(start)
		if code != 2 {
			t.Errorf("status %d, want 2", code)
		}
		want := fmt.Sprintf("analyst: the command is too long (%d bytes; at most %d)\n", len(cmd), DefaultMaxCommand)
		if got := s.errOut.String(); got != want {
			t.Errorf("stderr = %q, want %q", got, want)
		}
		if took > time.Second {
			t.Errorf("refusing a %d KB command took %s", len(cmd)>>10, took)
		}
		t.Logf("a %d KB command refused in %s", len(cmd)>>10, took)
	}
	if calls := ts.exec.Calls(); len(calls) != 0 {
		t.Errorf("Exec ran: %d calls", len(calls))
	}
	// At the limit, a command runs.
	cmd := "search " + strings.Repeat("y", DefaultMaxCommand-len("search "))
	if _, errOut, code := runExec(t, ts, cmd, 0, 0); code != 0 {
		t.Errorf("a command of %d bytes: status %d, stderr %q", len(cmd), code, errOut)
	}
}
