package pgtest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// versionedBins are where PostgreSQL's server programs are kept off PATH,
// one folder per major version: Debian's and Ubuntu's, Homebrew's (as
// scripts/ensure-tools looks for them).
var versionedBins = [...]string{
	"/usr/lib/postgresql/*/bin",
	"/opt/homebrew/opt/postgresql@*/bin",
	"/usr/local/opt/postgresql@*/bin",
}

// BinDir finds the folder of PostgreSQL's server programs (initdb,
// postgres): the newest version of those kept off PATH, else the folder
// of a postgres on PATH.
func BinDir() (string, error) {
	var dirs []string
	for _, pattern := range versionedBins {
		found, _ := filepath.Glob(pattern)
		dirs = append(dirs, found...)
	}
	best, bestVersion := "", -1.0
	for _, d := range dirs {
		// "15" of /usr/lib/postgresql/15/bin, "17" of postgresql@17/bin
		version := strings.TrimPrefix(filepath.Base(filepath.Dir(d)), "postgresql@")
		v, err := strconv.ParseFloat(version, 64)
		if err != nil || !executable(filepath.Join(d, "postgres")) || !executable(filepath.Join(d, "initdb")) {
			continue
		}
		if v > bestVersion {
			best, bestVersion = d, v
		}
	}
	if best != "" {
		return best, nil
	}
	if p, err := exec.LookPath("postgres"); err == nil {
		if dir := filepath.Dir(p); executable(filepath.Join(dir, "initdb")) {
			return dir, nil
		}
	}
	return "", errors.New("PostgreSQL's server programs (initdb, postgres) are not installed: run scripts/ensure-tools")
}

func executable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0
}

// account is the user PostgreSQL runs as: nil for the test's own user,
// which it can be unless that is root (PostgreSQL refuses to run as root).
type account struct {
	name     string
	uid, gid int
}

// serverAccount picks the user the cluster runs as. Root runs it as the
// "postgres" user, which Debian's postgresql package creates, or as
// "nobody", which every system has; anyone else runs it as themselves.
func serverAccount() (*account, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		uid, err1 := strconv.Atoi(u.Uid)
		gid, err2 := strconv.Atoi(u.Gid)
		if err1 != nil || err2 != nil || uid == 0 {
			continue
		}
		return &account{name: name, uid: uid, gid: gid}, nil
	}
	return nil, errors.New("PostgreSQL refuses to run as root, and there is neither a postgres nor a nobody user to run it as")
}

// command is a PostgreSQL program run as the account.
func (a *account) command(bin, prog string, args ...string) *exec.Cmd {
	cmd := exec.Command(filepath.Join(bin, prog), args...)
	cmd.Env = append(os.Environ(), "LC_ALL=C", "LANG=C", "TZ=UTC")
	cmd.SysProcAttr = &syscall.SysProcAttr{
		// The cluster dies with the test binary, however it ends (a
		// panic, go test's timeout, SIGKILL), instead of outliving it.
		Pdeathsig: syscall.SIGQUIT,
		Setpgid:   true, // and a ^C in the terminal reaches the tests, not it
	}
	if a != nil {
		cmd.SysProcAttr.Credential = &syscall.Credential{Uid: uint32(a.uid), Gid: uint32(a.gid), Groups: []uint32{}}
		cmd.Dir = "/"
		cmd.Env = append(cmd.Env, "HOME=/", "USER="+a.name)
	}
	return cmd
}

// own gives a path to the account (nothing to do for the test's own user).
func (a *account) own(path string) error {
	if a == nil {
		return nil
	}
	return os.Chown(path, a.uid, a.gid)
}

// output runs a program and returns its error with what it printed.
func output(cmd *exec.Cmd) error {
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %v\n%s", filepath.Base(cmd.Path), err, strings.TrimSpace(string(out)))
	}
	return nil
}
