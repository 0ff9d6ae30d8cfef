package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Forgotten is what Forget deleted.
type Forgotten struct {
	Places     int  // articles whose place was kept
	ReadMarks  int  // of them, articles read some way into, or finished
	Highlights int  // highlights, with or without a note
	Notes      int  // of them, highlights that had a note
	LastRead   bool // the article read last was kept
}

// Empty reports whether nothing was kept.
func (f Forgotten) Empty() bool { return f == Forgotten{} }

// String says what was deleted, for the reader: "3 places (2 read),
// 10 highlights (4 with notes) and the article read last", or "nothing
// was kept".
func (f Forgotten) String() string {
	if f.Empty() {
		return "nothing was kept"
	}
	var parts []string
	if f.Places > 0 {
		parts = append(parts, count(f.Places, "place", "places")+within(f.ReadMarks, "%s read", "1 read"))
	}
	if f.Highlights > 0 {
		parts = append(parts, count(f.Highlights, "highlight", "highlights")+within(f.Notes, "%s with notes", "1 with a note"))
	}
	if f.LastRead {
		parts = append(parts, "the article read last")
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// within is " (2 read)", for part of what was counted; "" for none.
func within(n int, many, one string) string {
	switch n {
	case 0:
		return ""
	case 1:
		return " (" + one + ")"
	}
	return " (" + fmt.Sprintf(many, thousands(int64(n))) + ")"
}

// count is "1 place", "3 places".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(int64(n)) + " " + many
}

// Forget deletes everything the store keeps for the owner (places, read
// marks, the article read last, highlights and their notes) in one
// transaction, and returns what it deleted: all of it, or, on an error,
// none. No limit applies: a reader can always delete what is theirs.
func (s *Store) Forget(ctx context.Context, owner string) (Forgotten, error) {
	var f Forgotten
	err := s.write(ctx, "the deletion", owner, func(tx *sql.Tx) error {
		f = Forgotten{}
		if err := tx.QueryRowContext(ctx, s.d.sql(`SELECT COUNT(*),
			COALESCE(SUM(CASE WHEN furthest > 0 OR finished = 1 THEN 1 ELSE 0 END), 0)
			FROM places WHERE owner = ?`), owner).Scan(&f.Places, &f.ReadMarks); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, s.d.sql(`SELECT COUNT(*),
			COALESCE(SUM(CASE WHEN note <> '' THEN 1 ELSE 0 END), 0)
			FROM highlights WHERE owner = ?`), owner).Scan(&f.Highlights, &f.Notes); err != nil {
			return err
		}
		for _, table := range []string{"places", "highlights", "readers"} {
			res, err := tx.ExecContext(ctx, s.d.sql("DELETE FROM "+table+" WHERE owner = ?"), owner)
			if err != nil {
				return err
			}
			if table == "readers" {
				n, err := res.RowsAffected()
				if err != nil {
					return err
				}
				f.LastRead = n > 0
			}
		}
		return nil
	})
	if err != nil {
		return Forgotten{}, err
	}
	return f, nil
}
