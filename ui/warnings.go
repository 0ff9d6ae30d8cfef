package ui

import (
	"fmt"

	"analyst/internal/content"
)

// warningNotice is the notice line for warnings from the start, such as
// a broken article in the library or a state that cannot be saved: the
// first, with how many there are (the command line prints them all when
// the reader ends).
func warningNotice(warnings []string) string {
	switch len(warnings) {
	case 0:
		return ""
	case 1:
		return "warning: " + warnings[0]
	}
	// The count first: a narrow line cuts the end.
	return fmt.Sprintf("warning 1 of %d (all printed when you quit): %s", len(warnings), warnings[0])
}

// warnAbout puts on the notice line, until the next key, the problems of
// the library not shown yet: those of an issue read since the start (an
// older issue of --dir the list switched to, or all of them for a
// search). The command line prints them all when the reader ends.
func (m *Model) warnAbout(problems content.Problems) {
	var fresh []string
	for _, p := range problems {
		if s := p.Error(); !m.warned[s] {
			m.warned[s] = true
			fresh = append(fresh, s)
		}
	}
	if len(fresh) > 0 {
		m.warning = warningNotice(fresh)
	}
}

// warnAboutIssue shows the problems of an issue the reader came to, the
// first time.
func (m *Model) warnAboutIssue(is *content.Issue) {
	if is != nil && !m.warnedIssues[is] {
		m.warnedIssues[is] = true
		m.warnAbout(m.c.lib.IssueProblems(is))
	}
}

// libraryReadMsg says that every issue of the library has been read.
type libraryReadMsg struct{}
