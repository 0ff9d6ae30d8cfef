package content

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with a library file, located by file and line
// so that a person can go and fix it.
type Problem struct {
	File string // path as shown to the person, e.g. "articles/2026-01/01-x.md"
	Line int    // 1-based; 0 when the problem is with the file as a whole
	Msg  string
}

// Error formats the problem as compilers do: "file:line: message".
func (p Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// Problems is every problem a load found. As an error it lists them all,
// one a line.
type Problems []Problem

// Error lists the problems one a line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// problemList collects problems for one file.
type problemList struct {
	file string
	list *Problems
}

func (pl problemList) add(line int, format string, args ...any) {
	*pl.list = append(*pl.list, Problem{File: pl.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}
