// Command glamourbaseline is the floor under any Glamour program's start-up.
// With no argument it does nothing but link Glamour: its time is mostly the
// package initialisation of the syntax highlighter Glamour brings (chroma).
// Given a Markdown file, it also renders it as `analyst read` does in a
// pipe (notty style, 80 columns) to stdout: what any Glamour program pays
// to print that text. The process benchmarks in the analyst package
// compare against both.
package main

import (
	"fmt"
	"os"

	"charm.land/glamour/v2"
)

func main() {
	if len(os.Args) < 2 {
		return
	}
	if err := render(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "glamourbaseline:", err)
		os.Exit(1)
	}
}

func render(path string) error {
	md, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("notty"), glamour.WithWordWrap(80))
	if err != nil {
		return err
	}
	out, err := r.RenderBytes(md)
	if err != nil {
		return err
	}
	_, err = os.Stdout.Write(out)
	return err
}
