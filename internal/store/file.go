package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// sqliteMagic is how every SQLite database file starts.
const sqliteMagic = "SQLite format 3\x00"

// prepareFile makes sure path is a file SQLite may open: it creates the
// folder (0700) and an empty file (0600) when there is none, and refuses,
// without touching it, a directory, a device or a file that does not start
// as an SQLite database does. An empty file is a new database. wal reports
// a database already in WAL mode.
func prepareFile(path string) (wal bool, err error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, create(path)
	}
	if err != nil {
		return false, statError(path, err)
	}
	return checkFile(path, fi)
}

// checkFile refuses, without touching it, a file that SQLite must not be
// given: a directory, a device, a file that does not start as an SQLite
// database does or ends within a page. wal reports a database in WAL mode.
func checkFile(path string, fi fs.FileInfo) (wal bool, err error) {
	if fi.IsDir() {
		return false, &Error{Op: opOpen, Path: path, Problem: Unreadable,
			Reason: fmt.Sprintf("%s is a directory, not a database file (it is left as it is)", path)}
	}
	if !fi.Mode().IsRegular() {
		return false, &Error{Op: opOpen, Path: path, Problem: Unreadable,
			Reason: fmt.Sprintf("%s is not a regular file (it is left as it is)", path)}
	}
	if fi.Size() == 0 {
		return false, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return false, fail(opOpen, path, err)
	}
	defer f.Close()
	head := make([]byte, 100) // the database header
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return false, fail(opOpen, path, err)
	}
	if n < len(sqliteMagic) || string(head[:len(sqliteMagic)]) != sqliteMagic {
		return false, &Error{Op: opOpen, Path: path, Problem: Broken,
			Reason: leftAsIs(fmt.Sprintf("%s is not an SQLite database", path))}
	}
	// SQLite writes whole pages: a file that ends within one was cut short.
	page := int64(binary.BigEndian.Uint16(head[16:18]))
	if page == 1 {
		page = 65536
	}
	if n < len(head) || page < 512 || page&(page-1) != 0 || fi.Size()%page != 0 {
		return false, &Error{Op: opOpen, Path: path, Problem: Broken,
			Reason: leftAsIs(fmt.Sprintf("%s is damaged (it ends within a page: cut short?)", path))}
	}
	// The header's read and write versions are 2 in WAL mode.
	return head[18] == 2 && head[19] == 2, nil
}

// statError is the error for a database file that could not be looked
// at. When one of its folders is a file (ENOTDIR), it names that file:
// "…/analyst.db: not a directory" would send the reader looking at a
// file that is not there.
func statError(path string, err error) *Error {
	if errors.Is(err, syscall.ENOTDIR) {
		for d := filepath.Dir(path); d != filepath.Dir(d); d = filepath.Dir(d) {
			if fi, serr := os.Stat(d); serr == nil && !fi.IsDir() {
				return &Error{Op: opOpen, Path: path, Problem: Unreadable, Err: err,
					Reason: fmt.Sprintf("%s is a file, not a folder, so %s cannot be in it (the file is left as it is)", d, filepath.Base(path))}
			}
		}
	}
	return fail(opOpen, path, err)
}

// create makes the folder and an empty database file, private to the
// reader. Two processes creating it at once both succeed. The new names
// are synced into their folders, so that a power cut after the first
// commit does not lose the file's name (SQLite syncs its journal's).
func create(path string) error {
	dir := filepath.Dir(path)
	var made []string // the folders MkdirAll makes, innermost first
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil || filepath.Dir(d) == d {
			break
		}
		made = append(made, d)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		e := fail(opOpen, path, err)
		e.Reason = fmt.Sprintf("cannot create the folder %s (%s)", dir, short(err))
		return e
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		e := fail(opOpen, path, err)
		if e.Problem != Full {
			e.Reason = fmt.Sprintf("cannot create %s (%s)", path, short(err))
		}
		return e
	}
	if err := f.Close(); err != nil {
		return fail(opOpen, path, err)
	}
	syncDir(dir)
	for _, d := range made {
		syncDir(filepath.Dir(d))
	}
	return nil
}

// syncDir syncs a folder's entries to the disk, where the system can.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
