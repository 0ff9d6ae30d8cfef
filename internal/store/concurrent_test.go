package store

import (
	"bytes"
	"fmt"
	"os/exec"
	"sync"
	"sync/atomic"
	"testing"
)

// Two processes writing at once both keep all their changes; on a new
// database, both started at once, one migrates it while the other waits.
func TestTwoProcessesWritingAtOnce(t *testing.T) {
	forEngines(t, testTwoProcessesWritingAtOnce)
}

func testTwoProcessesWritingAtOnce(t *testing.T, e engine) {
	path := e.newDSN(t)
	const count = 150
	var wg sync.WaitGroup
	reps := []reported{{}, {}}
	owners := []string{"", "SHA256:other"}
	for i := range 2 {
		cmd := writer(t, path, owners[i], 0, count)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		wg.Go(func() {
			readReports(t, out, reps[i], func() bool { return false })
			if err := cmd.Wait(); err != nil {
				t.Errorf("writer %d: %v", i, err)
			}
		})
	}
	wg.Wait()
	for i, rep := range reps {
		if len(rep) != count {
			t.Errorf("writer %d reported %d changes, want %d", i, len(rep), count)
		}
	}
	checkReported(t, path, 0, stream{owners[0], reps[0]}, stream{owners[1], reps[1]})
}

// Many goroutines sharing one Store, as SSH sessions do, each with its own
// owner: every change is kept, nothing is mixed up.
func TestManyGoroutinesShareAStore(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		s := openNew(t, e)
		lib := loadLibrary(t, nil)
		paras := allParagraphs(lib)
		const sessions, each = 8, 20
		var wg sync.WaitGroup
		for g := range sessions {
			wg.Go(func() {
				owner := "SHA256:" + string(rune('a'+g))
				for i := range each {
					p := paras[(g*each+i)%len(paras)]
					if _, err := s.Annotate(ctx, owner, p.article, p.section, p.index, owner); err != nil {
						t.Error(err)
						return
					}
					if err := s.SavePlace(ctx, owner, RefOf(p.article), Place{Section: p.section}, 0.5); err != nil {
						t.Error(err)
						return
					}
					if _, err := s.Highlights(ctx, owner); err != nil {
						t.Error(err)
						return
					}
				}
			})
		}
		wg.Wait()
		for g := range sessions {
			owner := "SHA256:" + string(rune('a'+g))
			hs, err := s.Highlights(ctx, owner)
			if err != nil || len(hs) != each {
				t.Fatalf("%s: %d highlights, %v", owner, len(hs), err)
			}
			for _, h := range hs {
				if h.Note != owner {
					t.Errorf("%s holds %q's note", owner, h.Note)
				}
			}
		}
	})
}

// Six processes starting at once on a new database, as instances of a
// server restarted together: every one opens it (one migrates, the others
// wait and find the schema current) and keeps its changes.
func TestProcessesStartingAtOnce(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		path := e.newDSN(t)
		const processes, count = 6, 5
		cmds := make([]*exec.Cmd, processes)
		outs := make([]*bytes.Buffer, processes)
		for i := range cmds {
			cmds[i] = writer(t, path, fmt.Sprintf("SHA256:p%d", i), 0, count)
			outs[i] = &bytes.Buffer{}
			cmds[i].Stdout = outs[i]
		}
		for _, cmd := range cmds {
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
		}
		var streams []stream
		for i, cmd := range cmds {
			if err := cmd.Wait(); err != nil {
				t.Errorf("process %d: %v", i, err)
			}
			rep := reported{}
			readReports(t, outs[i], rep, func() bool { return false })
			if len(rep) != count {
				t.Errorf("process %d reported %d changes, want %d", i, len(rep), count)
			}
			streams = append(streams, stream{fmt.Sprintf("SHA256:p%d", i), rep})
		}
		checkReported(t, path, 0, streams...)
		if n := migrationRows(t, openAt(t, path, Limits{})); n != len(migrations) {
			t.Errorf("schema_migrations has %d rows; want %d", n, len(migrations))
		}
	})
}

// One owner's changes, made at once through two stores on one database
// (two server instances, a reader connected to each), are made one at a
// time: toggles of one paragraph turn it on and off in turn, as many
// times each; two toggles that both saw no highlight would both make one
// (and the next toggle remove both).
func TestOneOwnersChangesAreOneAtATime(t *testing.T) {
	forEngines(t, func(t *testing.T, e engine) {
		dsn := e.newDSN(t)
		stores := []*Store{openAt(t, dsn, Limits{}), openAt(t, dsn, Limits{})}
		a := article(t, loadLibrary(t, nil), "cutler")
		const goroutines, each = 8, 10 // 80 toggles
		var wg sync.WaitGroup
		var ons atomic.Int32
		for g := range goroutines {
			wg.Go(func() {
				for range each {
					_, on, err := stores[g%2].Toggle(ctx, "SHA256:same", a, "implications", 2)
					if err != nil {
						t.Error(err)
						return
					}
					if on {
						ons.Add(1)
					}
				}
			})
		}
		wg.Wait()
		if n := ons.Load(); n != goroutines*each/2 {
			t.Errorf("%d of %d toggles turned the highlight on, want half", n, goroutines*each)
		}
		if hs, err := stores[0].Highlights(ctx, "SHA256:same"); err != nil || len(hs) != 0 {
			t.Errorf("after %d toggles: %d highlights, %v", goroutines*each, len(hs), err)
		}
	})
}
