package cli

import "runtime/debug"

// longRun sets the garbage collector's target for the modes that run long
// enough for memory to matter more than start-up time: the reader (Go's
// default, 100) and the server (serverGCPercent). GOGC in the environment
// wins: the command's environment, read as every other variable is, so
// that the caller (a test, the server's exec) decides what it holds.
// (Short commands run with main's target, set before anything else.)
func (a *app) longRun(percent int) {
	if a.getenv("GOGC") == "" {
		debug.SetGCPercent(percent)
	}
}

// serverGCPercent keeps the server's heap close to what its sessions use:
// a reader's live heap is about 0.75 MiB, and at Go's default the process
// holds up to twice its live heap. At 25, 500 readers measured 1.1 MiB of
// RSS each instead of 1.5, for no measurable CPU or latency (see README).
const serverGCPercent = 25
