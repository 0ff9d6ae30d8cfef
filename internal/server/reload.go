package server

import (
	"errors"
	"io/fs"

	"analyst/internal/content"
	"analyst/internal/glossary"
)

// servedLibrary is a library as the server serves it, with its glossaries,
// which are built from it (on first need) and change with it.
type servedLibrary struct {
	lib        *content.Library
	glossaries *glossary.Library
}

// Library returns the library that new sessions read.
func (s *Server) Library() *content.Library { return s.lib.Load().lib }

// Reload loads the library again from fsys (named root in messages) and
// serves it to the sessions that begin from now on. Sessions under way
// keep the library they began with, so a reader in the middle of an
// article keeps its text. The render cache needs no clearing: it keeps
// renderings by article, and a reloaded article is a new one.
//
// A library that loads with any problem, or with no article, is refused
// as a whole: the server keeps the one it has, logs every problem with
// its file and line, and Reload returns the problems. A library taken is
// logged with what changed.
func (s *Server) Reload(fsys fs.FS, root string) error {
	s.reloading.Lock()
	defer s.reloading.Unlock()
	lib, err := content.Load(fsys, root)
	if err == nil && len(lib.Articles()) == 0 {
		err = content.Problems{{File: root, Msg: "the library has no articles"}}
	}
	if err != nil {
		var problems content.Problems
		if !errors.As(err, &problems) {
			problems = content.Problems{{File: root, Msg: err.Error()}}
		}
		for _, p := range problems {
			s.log.Warn("reload: problem", "problem", p.Error())
		}
		s.log.Error("reload refused: still serving the library loaded before", "root", root, "problems", len(problems))
		s.metrics.reloaded(false)
		return problems
	}
	old := s.lib.Swap(&servedLibrary{lib: lib, glossaries: glossary.NewLibrary(lib)})
	s.log.Info("library reloaded", diffLibraries(old.lib, lib).logFields()...)
	s.metrics.reloaded(true)
	return nil
}
