package server

import (
	"fmt"
	"runtime/debug"
)

// commandDone is how a command run on a goroutine of its own ended: its
// exit status, or the panic it ended with.
type commandDone struct {
	code  int
	crash *commandPanic
}

// commandPanic is a command's panic, with the stack of the command's
// goroutine, where it happened.
type commandPanic struct {
	value any
	stack []byte
}

func (p commandPanic) String() string {
	return fmt.Sprintf("%v\n(in the command's goroutine:)\n%s", p.value, p.stack)
}

// result is the exit status; or, for a command that panicked, the same
// panic again on the session's goroutine, where serve's recover logs it
// and apologises: a panic on the command's own goroutine would end the
// whole server.
func (d commandDone) result() int {
	if d.crash != nil {
		panic(*d.crash)
	}
	return d.code
}

// goCommand runs run on a goroutine of its own; how it ended comes on the
// channel, always.
func goCommand(run func() int) <-chan commandDone {
	done := make(chan commandDone, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- commandDone{code: 1, crash: &commandPanic{r, debug.Stack()}}
			}
		}()
		done <- commandDone{code: run()}
	}()
	return done
}
