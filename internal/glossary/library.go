package glossary

import (
	"sync"

	"analyst/internal/content"
)

// Library gives each issue of a library its glossary, built the first
// time it is asked for and then shared: safe for many readers at once,
// and holding at most one glossary per issue of the library.
type Library struct {
	lib   *content.Library
	once  []sync.Once
	built []*Glossary
}

// NewLibrary prepares the glossaries of a library's issues; it builds none.
func NewLibrary(lib *content.Library) *Library {
	n := 0
	if lib != nil {
		n = len(lib.Issues)
	}
	return &Library{lib: lib, once: make([]sync.Once, n), built: make([]*Glossary, n)}
}

// Issue is the glossary of one of the library's issues, built on first
// need. An issue from elsewhere gets a glossary of its own, not kept.
func (l *Library) Issue(is *content.Issue) *Glossary {
	if l.lib != nil {
		for i, have := range l.lib.Issues {
			if have == is {
				l.once[i].Do(func() { l.built[i] = Build(is) })
				return l.built[i]
			}
		}
	}
	return Build(is)
}

// Article is the glossary of an article's issue.
func (l *Library) Article(a *content.Article) *Glossary { return l.Issue(a.Issue) }
