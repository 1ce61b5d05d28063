package store

import "strings"

// A row's date key (fkey) packs its sort day and its ID into one integer,
// day*2^30 + id, so that ordering by fkey is ordering by (dkey, id). The
// full-text tables use it as their rowid: FTS5 walks its matches in rowid
// order, so the first page of a query in date order reads only that page,
// however many rows match. IDs must stay under 2^30 (a billion quotations).
//
// The day of a key YYYY, YYYY-MM or YYYY-MM-DD is y*416 + m*32 + d (month
// and day 0 when absent), which orders like the strings do ("2016" before
// "2016-03" before "2016-03-01"); undated ("~") is after every date.

const (
	idBits     = 30
	undatedDay = 1<<22 - 1 // above 9999*416 + 12*32 + 31
)

// dayOrdSQL is the SQL of the day of the date key x (a column or "?").
func dayOrdSQL(x string) string {
	return strings.NewReplacer("X", x).Replace(`(CASE WHEN X = '~' THEN 4194303 ELSE ` +
		`CAST(substr(X, 1, 4) AS INTEGER) * 416 + CAST(substr(X, 6, 2) AS INTEGER) * 32 + ` +
		`CAST(substr(X, 9, 2) AS INTEGER) END)`)
}

// fkeySQL is the SQL of the fkey of a row with date key x and ID column id.
func fkeySQL(x, id string) string {
	return "(" + dayOrdSQL(x) + " * 1073741824 + " + id + ")"
}

// dayOrd is dayOrdSQL in Go, for date keys we bind: cursors and filters.
func dayOrd(dkey string) int64 {
	if dkey == undated {
		return undatedDay
	}
	part := func(from, n int) int64 {
		var v int64
		for i := from; i < from+n && i < len(dkey); i++ {
			c := dkey[i]
			if c < '0' || c > '9' {
				break // CAST reads the leading digits
			}
			v = v*10 + int64(c-'0')
		}
		return v
	}
	return part(0, 4)*416 + part(5, 2)*32 + part(8, 2)
}

// fkeyOf is the fkey of a row with date key dkey and ID id.
func fkeyOf(dkey string, id int64) int64 { return dayOrd(dkey)<<idBits + id }

// articleDay is an article's date key as the schema computes it: the first
// ten characters of its publication date, "~" when it has none.
func articleDay(published *string) string {
	if published == nil {
		return undated
	}
	return (*published)[:min(10, len(*published))]
}
