package store

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
)

// The date keys computed in Go (for the full-text rows and the bounds of a
// query) must be the ones SQLite computes for the rows, and must order like
// (dkey, id).
func TestDateKeys(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "k.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	keys := []string{"2016", "2016-03", "2016-03-01", "2016-03-31", "2016-04", "2016-12-31", "2017", "1999-01-02", "0001", "9999-12-31", "", "~"}
	type row struct {
		dkey string
		id   int64
	}
	var rows []row
	for i, k := range keys {
		for _, id := range []int64{1, 7, 1<<idBits - 1} {
			var got int64
			if err := db.sql.QueryRowContext(ctx, `SELECT `+fkeySQL("?1", "?2"), k, id).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if want := fkeyOf(k, id); got != want {
				t.Errorf("fkey(%q, %d): SQL %d, Go %d", k, id, got, want)
			}
			rows = append(rows, row{k, id + int64(i)})
		}
	}
	slices.SortFunc(rows, func(a, b row) int {
		if a.dkey != b.dkey {
			if a.dkey < b.dkey {
				return -1
			}
			return 1
		}
		return int(a.id - b.id)
	})
	for i := 1; i < len(rows); i++ {
		a, b := rows[i-1], rows[i]
		if a.dkey == "" || b.dkey == "" {
			continue // never a key: only its Go and SQL values must agree
		}
		if fkeyOf(a.dkey, a.id) >= fkeyOf(b.dkey, b.id) {
			t.Errorf("fkey(%q, %d) >= fkey(%q, %d), want <", a.dkey, a.id, b.dkey, b.id)
		}
	}
	if got, want := articleDay(nil), undated; got != want {
		t.Errorf("articleDay(nil) = %q, want %q", got, want)
	}
	p := "2016-09-12T10:00:00"
	if got := articleDay(&p); got != "2016-09-12" {
		t.Errorf("articleDay(%q) = %q", p, got)
	}
}
