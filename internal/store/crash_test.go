package store

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"syscall"
	"testing"
)

// reported is what a writer printed: the id of each committed change, by
// change number.
type reported map[int]int64

// readReports reads a writer's "ID N" lines until stop returns true or the
// output ends.
func readReports(t *testing.T, r io.Reader, into reported, stop func() bool) {
	t.Helper()
	scanReports(t, bufio.NewScanner(r), into, stop)
}

// scanReports is readReports from a scanner that may be read again: a
// scanner reads ahead, so lines it holds past where stop returned true are
// read by the next call with the same scanner, not lost with a new one.
func scanReports(t *testing.T, sc *bufio.Scanner, into reported, stop func() bool) {
	t.Helper()
	for !stop() && sc.Scan() {
		var id int64
		var n int
		if _, err := fmt.Sscan(sc.Text(), &id, &n); err != nil {
			t.Fatalf("writer printed %q: %v", sc.Text(), err)
		}
		into[n] = id
	}
}

// stream is what one writer reported, and whose changes they were.
type stream struct {
	owner string
	rep   reported
}

// checkReported checks that the database (a file, or a PostgreSQL URL) is
// intact and holds every change
// the writers reported committed, as written, and at most extra changes
// they did not report (those in flight when writers died).
func checkReported(t *testing.T, path string, extra int, streams ...stream) {
	t.Helper()
	if !IsPostgres(path) {
		integrity(t, path)
	}
	s, err := OpenDSN(ctx, path, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p := len(allParagraphs(loadLibrary(t, nil)))
	total := 0
	for _, st := range streams {
		total += len(st.rep)
		for n, id := range st.rep {
			var note string
			err := s.db.QueryRow(s.d.bind("SELECT note FROM highlights WHERE owner = ? AND id = ?"), streamOwner(st.owner, n, p), id).Scan(&note)
			if err != nil || note != fmt.Sprintf("change %d", n) {
				t.Errorf("%q's change %d (id %d), reported committed: %q, %v", st.owner, n, id, note, err)
			}
		}
	}
	var rows int
	if err := s.db.QueryRow("SELECT COUNT(*) FROM highlights").Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if rows < total || rows > total+extra {
		t.Errorf("%d highlights for %d changes reported (and %d that may have been in flight)", rows, total, extra)
	}
}

// A writer killed with SIGKILL in the middle of a stream of changes loses
// at most the change in flight: every change it reported committed is in
// the database, which is intact. Three writers are killed in turn on one
// database, each carrying on from where the last stopped.
func TestSIGKILLLosesAtMostTheChangeInFlight(t *testing.T) {
	path := filepath.Join(t.TempDir(), "analyst.db")
	rep := reported{}
	next, inFlight := 0, 0
	for round := range 3 {
		cmd := writer(t, path, "", next, 100000)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		before := len(rep)
		sc := bufio.NewScanner(out)
		scanReports(t, sc, rep, func() bool { return len(rep) >= before+40+round*7 })
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		// What it printed before it died was committed too.
		scanReports(t, sc, rep, func() bool { return false })
		err = cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
			t.Fatalf("round %d: the writer was not killed: %v", round, err)
		}
		inFlight++
		for n := range rep {
			next = max(next, n+1)
		}
		next++ // past the change in flight, kept or not
		checkReported(t, path, inFlight, stream{"", rep})
	}
	t.Logf("%d changes reported by 3 killed writers, all kept", len(rep))
}
