// Command genlibrary writes a large library for measuring: N issues made
// from one issue of the repository's articles (by default the newest under
// articles/), one a month going back from it. It is for benchmarks only and
// is never shipped; the benchmarks call its package, generate, directly.
//
//	go run ./tools/genlibrary -n 300 -out /tmp/lib300
package main

import (
	"flag"
	"fmt"
	"os"

	"analyst/tools/genlibrary/generate"
)

func main() {
	n := flag.Int("n", 300, "how many issues to write")
	from := flag.String("from", "", "the issue folder to copy (default: the newest in articles/)")
	out := flag.String("out", "", "the folder to write the library to (must not exist, or be empty)")
	flag.Parse()
	if *from == "" {
		var err error
		if *from, err = generate.NewestIssue("articles"); err != nil {
			fmt.Fprintln(os.Stderr, "genlibrary:", err)
			os.Exit(1)
		}
	}
	if err := generate.Write(*out, *from, *n); err != nil {
		fmt.Fprintln(os.Stderr, "genlibrary:", err)
		os.Exit(1)
	}
}
