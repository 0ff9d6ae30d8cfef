package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
)

// LocalOwner is the owner of the local reader's data.
const LocalOwner = ""

// stateFile is the state.json that analyst kept before the store: the
// reading places and the article read last.
type stateFile struct {
	Version  int                   `json:"version"`
	LastRead string                `json:"last_read"`
	Places   map[string]statePlace `json:"places"`
}

type statePlace struct {
	Section  string  `json:"section"`
	Fraction float64 `json:"fraction"`
	End      bool    `json:"end"`
}

// Imported is what ImportState did.
type Imported struct {
	Places  int    // places added; a place the store already had is kept as it is
	Skipped int    // keys of the file that name no article ("issue/slug")
	Renamed string // the file's new name; "" when there was no file to import
}

// ImportState imports the state.json at path (the places kept before the
// store) into the local reader's data, once: in one transaction, adding
// what the store does not have yet (the store's own places are newer), and
// then renames the file with a ".imported" suffix (".imported.2", ... when
// that name is taken). No file is no import and no error. A file that
// cannot be read or parsed is reported and left as it is. Run twice, or by
// two processes at once, it imports once: the second finds no file, or
// adds nothing.
func (s *Store) ImportState(ctx context.Context, path string) (Imported, error) {
	op := "import " + path
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Imported{}, nil
	}
	if err != nil {
		e := fail(op, path, err)
		e.Reason = fmt.Sprintf("%s (the file is left as it is)", short(err))
		return Imported{}, e
	}
	var st stateFile
	if err := json.Unmarshal(data, &st); err != nil || st.Version != 1 {
		why := "its version is not 1"
		if err != nil {
			why = "it is not valid: " + err.Error()
		}
		return Imported{}, &Error{Op: op, Path: path, Problem: Invalid, Err: err,
			Reason: why + " (the file is left as it is)"}
	}
	var done Imported
	err = s.write(ctx, op, LocalOwner, func(tx *sql.Tx) error {
		done = Imported{}
		now := s.now().UnixMilli()
		for key, p := range st.Places {
			ref, ok := ParseKey(key)
			if !ok {
				done.Skipped++
				continue
			}
			furthest := 0.0 // the file kept no read marks: only a place at the end says how far
			if p.End {
				furthest = 1
			}
			res, err := tx.ExecContext(ctx, s.d.sql(`
				INSERT INTO places (owner, issue, article, section, fraction, at_end, furthest, finished, updated_ms)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (owner, issue, article) DO NOTHING`),
				LocalOwner, ref.Issue, ref.Article, p.Section, unit(p.Fraction), flag(p.End),
				furthest, flag(p.End), now)
			if err != nil {
				return err
			}
			if n, err := res.RowsAffected(); err == nil {
				done.Places += int(n)
			}
		}
		if ref, ok := ParseKey(st.LastRead); ok {
			_, err := tx.ExecContext(ctx, s.d.sql(`
				INSERT INTO readers (owner, last_issue, last_article, updated_ms) VALUES (?, ?, ?, ?)
				ON CONFLICT (owner) DO NOTHING`), LocalOwner, ref.Issue, ref.Article, now)
			return err
		}
		return nil
	})
	if err != nil {
		return Imported{}, err
	}
	done.Renamed, err = renameImported(path)
	if err != nil {
		return done, &Error{Op: op, Path: path, Problem: classify(err), Err: err,
			Reason: fmt.Sprintf("its places were imported, but it could not be renamed (%s); importing it again adds nothing", short(err))}
	}
	return done, nil
}

// renameImported gives an imported file the first free name of path
// ".imported", ".imported.2", ... and returns it. A file already gone was
// renamed by another process importing it at the same time.
func renameImported(path string) (string, error) {
	for n := 1; n <= 100; n++ {
		to := path + ".imported"
		if n > 1 {
			to += "." + strconv.Itoa(n)
		}
		if _, err := os.Lstat(to); err == nil {
			continue
		}
		err := os.Rename(path, to)
		if errors.Is(err, fs.ErrNotExist) {
			return "", nil
		}
		return to, err
	}
	return "", fmt.Errorf("%s.imported to %s.imported.100 are all taken", path, path)
}
