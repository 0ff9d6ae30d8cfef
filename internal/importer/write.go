package importer

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Problems lists what keeps an imported issue from being written: text that
// could not be placed and articles of an unknown shape. Dropped lines (image
// names, menus) are not problems.
func Problems(is *Issue, opt Options) []Note {
	probs := is.Unplaced()
	if len(is.Articles) == 0 {
		probs = append(probs, Note{Kind: Unplaced, Line: 1, What: "no articles found: an article starts with a line \"By Author Name\""})
	}
	for _, a := range is.Articles {
		if len(a.Sections[0].Paragraphs) == 0 {
			probs = append(probs, Note{Kind: Unplaced, Line: a.Line, What: "article by " + a.Author + " has no lead paragraph"})
		}
		labelled := 0
		for _, s := range a.Sections[1:] {
			if !s.Bio {
				labelled++
			}
			if len(s.Paragraphs) == 0 {
				probs = append(probs, Note{Kind: Unplaced, Line: s.Line, What: "section " + s.Name + " has no text"})
			}
		}
		if labelled == 0 {
			probs = append(probs, Note{Kind: Unplaced, Line: a.Line, What: "article by " + a.Author + " has no labelled sections (lines such as \"BACKGROUND: ...\")"})
		}
	}
	if is.Publication == "" && opt.Publication == "" {
		probs = append(probs, Note{Kind: Unplaced, Line: 1, What: "no \"The ... is a ... publication\" paragraph names the publication: pass --publication"})
	}
	return probs
}

// ErrExists is returned when the issue folder is already there and the
// caller did not ask to replace it.
var ErrExists = errors.New("already exists")

// Write puts the issue's files in outDir/<date>/, all at once: the files are
// written to a temporary folder beside it and renamed into place, so a
// reader never sees half an issue. With replace, an existing folder is
// swapped out; without it, Write returns ErrExists.
func Write(is *Issue, opt Options, outDir string, replace bool) (string, error) {
	files, err := Files(is, opt)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return "", err
	}
	final := filepath.Join(outDir, opt.Date)
	if _, err := os.Stat(final); err == nil && !replace {
		return final, fmt.Errorf("%s %w (use --force to replace it)", final, ErrExists)
	}
	tmp, err := os.MkdirTemp(outDir, "."+opt.Date+".import-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp) // a no-op once renamed
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(tmp, f.Name), f.Data, 0o644); err != nil {
			return "", err
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return "", err
	}
	old := ""
	if _, err := os.Stat(final); err == nil {
		old = tmp + ".old"
		if err := os.Rename(final, old); err != nil {
			return "", err
		}
	}
	if err := os.Rename(tmp, final); err != nil {
		if old != "" {
			_ = os.Rename(old, final)
		}
		return "", err
	}
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return final, fmt.Errorf("imported, but the replaced folder %s is left over: %w", old, err)
		}
	}
	return final, nil
}

// Describe words a note for a person: "seed.txt:12: image file name: IMG_5493.jpg".
func Describe(file string, n Note) string {
	text := n.Text
	if len([]rune(text)) > 70 {
		text = string([]rune(text)[:70]) + "…"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d: %s", file, n.Line, n.What)
	if text != "" {
		fmt.Fprintf(&b, ": %q", text)
	}
	return b.String()
}
