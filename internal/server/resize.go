package server

import (
	"context"
	"time"

	"charm.land/ssh"
)

// resizeInterval is the least time between two sizes given to a reader.
// A new width lays the text out afresh: the article on screen rendered,
// 5 ms or more, and the others of the issue once the width has held still
// for a second (ui/renders.go), so a client sending window changes of new
// widths as fast as it can would keep a core busy. Dragging a window's
// edge sends tens a second; the reader follows four times a second, and
// always ends at the last size.
const resizeInterval = 250 * time.Millisecond

// forwardResizes passes the window sizes from winch to resize until winch
// closes or ctx ends: the first at once, then at most one an interval,
// the latest of those that came meanwhile.
func forwardResizes(ctx context.Context, winch <-chan ssh.Window, interval time.Duration, resize func(ssh.Window)) {
	var (
		pending *ssh.Window
		wait    <-chan time.Time // the interval after the last size passed
		timer   *time.Timer
	)
	defer func() {
		if timer != nil {
			timer.Stop()
		}
	}()
	pass := func(win ssh.Window) {
		resize(win)
		pending = nil
		if timer == nil {
			timer = time.NewTimer(interval)
		} else {
			timer.Reset(interval)
		}
		wait = timer.C
	}
	for {
		select {
		case <-ctx.Done():
			return
		case win, ok := <-winch:
			if !ok {
				return
			}
			if wait == nil {
				pass(win)
			} else {
				pending = &win
			}
		case <-wait:
			wait = nil
			if pending != nil {
				pass(*pending)
			}
		}
	}
}
