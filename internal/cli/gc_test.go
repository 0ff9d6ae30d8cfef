package cli

import (
	"runtime/debug"
	"testing"
)

// longRun reads GOGC from the command's environment, as every other
// variable is read, not from the process's.
func TestLongRunReadsTheCommandsEnvironment(t *testing.T) {
	before := debug.SetGCPercent(400)
	defer debug.SetGCPercent(before)

	newApp(nil, nil, nil, []string{"GOGC=off"}, nil).longRun(25)
	if got := debug.SetGCPercent(400); got != 400 {
		t.Errorf("with GOGC in the command's environment, longRun set the target to %d", got)
	}
	t.Setenv("GOGC", "off") // the process's: not the command's
	newApp(nil, nil, nil, nil, nil).longRun(25)
	if got := debug.SetGCPercent(400); got != 25 {
		t.Errorf("without GOGC in the command's environment, the target is %d, want 25", got)
	}
}
