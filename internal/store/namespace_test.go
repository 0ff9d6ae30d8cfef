package store

import (
	"bytes"
	"os"
	"os/exec"
	"syscall"
	"testing"
)

// The tests of a read-only or full disk mount file systems: a small tmpfs
// for a full disk, a read-only mount for a read-only disk or file, which
// fail for root too (chmod does not stop root, and these tests run as
// root in CI). They run in a process of their own, in a mount namespace
// of its own, so that nothing they mount is seen outside or outlives them;
// a user who is not root gets a user namespace too, where they are.

// makeMountsPrivate keeps the mounts a namespaced test makes to its own
// mount namespace: without it they would reach the parent's through shared
// propagation.
func makeMountsPrivate() error {
	return syscall.Mount("none", "/", "", syscall.MS_REC|syscall.MS_PRIVATE, "")
}

// inMountNamespace runs the calling test again in a child process with a
// mount namespace of its own and fails the test if it fails there. It
// returns true in the child, where the test goes on, and false in the
// parent, which has nothing more to do.
func inMountNamespace(t *testing.T) bool {
	t.Helper()
	if os.Getenv(envInside) != "" {
		return true
	}
	cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), envInside+"=1")
	attr := &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWNS}
	if uid, gid := os.Geteuid(), os.Getegid(); uid != 0 {
		attr.Cloneflags |= syscall.CLONE_NEWUSER
		attr.UidMappings = []syscall.SysProcIDMap{{ContainerID: 0, HostID: uid, Size: 1}}
		attr.GidMappings = []syscall.SysProcIDMap{{ContainerID: 0, HostID: gid, Size: 1}}
	}
	cmd.SysProcAttr = attr
	out, err := cmd.CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("--- PASS: "+t.Name())) {
		t.Fatalf("in its own mount namespace: %v\n%s", err, out)
	}
	t.Logf("passed in its own mount namespace:\n%s", out)
	return false
}

// mount mounts a file system (or binds a file, when fstype is "") at
// target until the end of the test.
func mount(t *testing.T, source, target, fstype string, flags uintptr, data string) {
	t.Helper()
	if err := syscall.Mount(source, target, fstype, flags, data); err != nil {
		t.Fatalf("mount %s on %s: %v", source, target, err)
	}
	t.Cleanup(func() { syscall.Unmount(target, syscall.MNT_DETACH) })
}

// remountReadOnly makes a mount point read-only.
func remountReadOnly(t *testing.T, target string, bind bool) {
	t.Helper()
	flags := uintptr(syscall.MS_REMOUNT | syscall.MS_RDONLY)
	if bind {
		flags |= syscall.MS_BIND
	}
	if err := syscall.Mount("", target, "", flags, ""); err != nil {
		t.Fatalf("remount %s read-only: %v", target, err)
	}
}
