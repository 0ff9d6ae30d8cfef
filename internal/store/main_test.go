package store

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"analyst/internal/content"
	"analyst/internal/pgtest"
)

// Some tests run this test binary again as another process: a writer to
// kill or to run beside another, or a test in a mount namespace of its
// own. The environment says which.
const (
	envWriter = "ANALYST_STORE_TEST_WRITER" // "path owner first count": run writeStream
	envInside = "ANALYST_STORE_TEST_INSIDE" // set in a namespaced test's process
)

func TestMain(m *testing.M) {
	if spec := os.Getenv(envWriter); spec != "" {
		os.Exit(writeStream(spec))
	}
	if os.Getenv(envInside) != "" {
		if err := makeMountsPrivate(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
	}
	code := m.Run()
	for _, c := range []*pgtest.Shared{&pg, &pgBench} {
		if err := c.Close(); err != nil {
			fmt.Fprintln(os.Stderr, "stopping a PostgreSQL cluster:", err)
		}
	}
	os.Exit(code)
}

// writeStream opens the store at path (a file, or a PostgreSQL URL) and makes count changes, from the
// first: change N is a note "change N" on a new highlight, on the library's
// paragraph N mod P (of P), for the owner "OWNER#N/P", so that every change
// adds a row. It prints "ID N" on stdout after each commit.
func writeStream(spec string) int {
	var path, owner string
	var first, count int
	if _, err := fmt.Sscan(spec, &path, &owner, &first, &count); err != nil {
		fmt.Fprintln(os.Stderr, "writer:", err)
		return 2
	}
	owner = strings.TrimPrefix(owner, "=") // "=" stands for the empty owner
	s, err := OpenDSN(context.Background(), path, Limits{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "writer:", err)
		return 1
	}
	paras := allParagraphs(loadLibrary(nopTB{}, nil))
	out := bufio.NewWriter(os.Stdout)
	for n := first; n < first+count; n++ {
		p := paras[n%len(paras)]
		h, err := s.Annotate(context.Background(), streamOwner(owner, n, len(paras)), p.article, p.section, p.index, "change "+strconv.Itoa(n))
		if err != nil {
			fmt.Fprintln(os.Stderr, "writer:", err)
			return 1
		}
		fmt.Fprintf(out, "%d %d\n", h.ID, n)
		out.Flush() // the parent sees each change as soon as it is committed
	}
	return 0
}

// writer starts this test binary as a writer process.
func writer(t *testing.T, path, owner string, first, count int) *exec.Cmd {
	t.Helper()
	if owner == "" {
		owner = "="
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%s %s %d %d", envWriter, path, owner, first, count))
	cmd.Stderr = os.Stderr
	return cmd
}

// nopTB is a testing.TB for helpers run outside a test: it panics on
// failure, which ends the writer process with a message.
type nopTB struct{ testing.TB }

func (nopTB) Helper()                        {}
func (nopTB) Fatal(args ...any)              { panic(fmt.Sprint(args...)) }
func (nopTB) Fatalf(format string, a ...any) { panic(fmt.Sprintf(format, a...)) }

// streamOwner is the owner of a stream's change n, of a library of p
// paragraphs.
func streamOwner(owner string, n, p int) string { return owner + "#" + strconv.Itoa(n/p) }

// para is a paragraph of a loaded library.
type para struct {
	article *content.Article
	section string
	index   int
}

// allParagraphs lists every paragraph of the library, in reading order.
func allParagraphs(lib *content.Library) []para {
	var out []para
	for _, a := range lib.Articles() {
		for _, sec := range a.Sections {
			for i := range sec.Paragraphs {
				out = append(out, para{a, sec.Slug, i})
			}
		}
	}
	return out
}
