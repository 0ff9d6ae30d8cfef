package store

import (
	"path/filepath"
	"sync"
	"testing"
)

// Two processes writing at once both keep all their changes.
func TestTwoProcessesWritingAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "analyst.db")
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
