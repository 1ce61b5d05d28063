package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"chronicle/extract"
)

// quoteColumns are read by scanQuote, in this order.
const quoteColumns = `q.id, q.speaker_id, q.article_id, a.input_id, q.source, a.url, a.title, a.published,
	q.dkey, q.text, q.start, q.end, q.kind, q.speaker, q.speaker_type, q.speaker_role,
	q.mention_text, q.mention_start, q.mention_end, q.cue_text, q.cue_start, q.cue_end,
	q.said_on, q.said_on_from`

func scanQuote(r rowScanner) (Quote, error) {
	var q Quote
	var dkey string
	var mt, ct sql.NullString
	var ms, me, cs, ce, sid sql.NullInt64
	err := r.Scan(&q.ID, &sid, &q.ArticleID, &q.Article, &q.Source, &q.URL, &q.Title, &q.Published,
		&dkey, &q.Text, &q.Start, &q.End, &q.Kind, &q.Speaker, &q.SpeakerType, &q.SpeakerRole,
		&mt, &ms, &me, &ct, &cs, &ce, &q.SaidOn, &q.SaidOnFrom)
	if err != nil {
		return q, err
	}
	if dkey != undated {
		q.Date = &dkey
	}
	if sid.Valid && sid.Int64 != 0 { // 0: a name that is no identity
		q.SpeakerID = &sid.Int64
	}
	if mt.Valid {
		q.SpeakerMention = &extract.Mention{Text: mt.String, Start: int(ms.Int64), End: int(me.Int64)}
	}
	if ct.Valid {
		q.Cue = &extract.Mention{Text: ct.String, Start: int(cs.Int64), End: int(ce.Int64)}
	}
	return q, nil
}

// quoteWhere turns a filter into SQL conditions over quotes q.
func (db *DB) quoteWhere(ctx context.Context, f QuoteFilter) ([]string, []any, error) {
	var where []string
	var args []any
	if !f.Duplicates {
		where = append(where, "q.dup = 0")
	}
	if f.Speaker != "" {
		ids, err := db.speakerIDsFor(ctx, f.Speaker)
		if err != nil {
			return nil, nil, err
		}
		if len(ids) == 1 {
			where = append(where, "q.speaker_id = ?")
			args = append(args, ids[0])
		} else {
			where = append(where, "q.speaker_id IN (?"+strings.Repeat(", ?", len(ids)-1)+")")
			for _, id := range ids {
				args = append(args, id)
			}
		}
	}
	if f.About != "" {
		where = append(where, "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
		args = append(args, f.About)
	}
	for _, d := range []struct{ name, v, cond string }{
		{"since", f.Since, "q.dkey >= ? AND q.dkey < '" + undated + "'"},
		{"until", f.Until, "q.dkey <= ?"},
	} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", d.v); err != nil {
			return nil, nil, fmt.Errorf("%s %q: want YYYY-MM-DD", d.name, d.v)
		}
		where = append(where, d.cond)
		args = append(args, d.v)
	}
	if f.Source != "" {
		where = append(where, "q.source = ?")
		args = append(args, f.Source)
	}
	if len(where) == 0 {
		where = append(where, "1")
	}
	return where, args, nil
}

// Quotes returns one page of the quotations f selects, in date order, and
// the cursor of the next page ("" on the last).
func (db *DB) Quotes(ctx context.Context, f QuoteFilter) ([]Quote, string, error) {
	var out []Quote
	limit := f.Limit
	if limit > 0 {
		f.Limit = limit + 1 // one more, to know whether there is a next page
	}
	err := db.EachQuote(ctx, f, func(q Quote) error {
		out = append(out, q)
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	next := ""
	if limit > 0 && len(out) > limit {
		out = out[:limit]
		last := out[limit-1]
		key := undated
		if last.Date != nil {
			key = *last.Date
		}
		next = encodeCursor(cursor{key, last.ID})
	}
	return out, next, nil
}

// EachQuote streams every quotation f selects (from f.Cursor on, at most
// f.Limit when set), in date order, to fn. An error from fn stops it.
func (db *DB) EachQuote(ctx context.Context, f QuoteFilter, fn func(Quote) error) error {
	where, args, err := db.quoteWhere(ctx, f)
	if err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	if f.Cursor != "" {
		c, err := decodeCursor(f.Cursor)
		if err != nil {
			return fmt.Errorf("quotes: %w", err)
		}
		where = append(where, "(q.dkey, q.id) > (?, ?)")
		args = append(args, c.key, c.id)
	}
	q := `SELECT ` + quoteColumns + ` FROM quotes q JOIN articles a ON a.id = q.article_id
		WHERE ` + strings.Join(where, " AND ") + ` ORDER BY q.dkey, q.id`
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		qt, err := scanQuote(rows)
		if err != nil {
			return fmt.Errorf("quotes: %w", err)
		}
		if err := fn(qt); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	return nil
}

// Facets summarises the quotations f selects (f.Cursor and f.Limit are
// ignored): the ten most quoted speakers and outlets, counts per month, the
// date range and the total.
func (db *DB) Facets(ctx context.Context, f QuoteFilter) (Facets, error) {
	fc := Facets{Speakers: []Count{}, Sources: []Count{}, Months: []Count{}}
	where, args, err := db.quoteWhere(ctx, f)
	if err != nil {
		return fc, fmt.Errorf("facets: %w", err)
	}
	w := " WHERE " + strings.Join(where, " AND ")
	err = db.sql.QueryRowContext(ctx, `SELECT COUNT(*), MIN(NULLIF(q.dkey, '~')), MAX(NULLIF(q.dkey, '~'))
		FROM quotes q`+w, args...).Scan(&fc.Total, &fc.First, &fc.Last)
	if err != nil {
		return fc, fmt.Errorf("facets: %w", err)
	}
	for _, part := range []struct {
		dst *[]Count
		sql string
	}{
		{&fc.Speakers, `SELECT s.name, q.speaker_id, COUNT(*) AS n FROM quotes q JOIN speakers s ON s.id = q.speaker_id` +
			w + ` GROUP BY q.speaker_id ORDER BY n DESC, q.speaker_id LIMIT 10`},
		{&fc.Sources, `SELECT q.source, NULL, COUNT(*) AS n FROM quotes q` + w +
			` GROUP BY q.source ORDER BY n DESC, q.source LIMIT 10`},
		{&fc.Months, `SELECT substr(q.dkey, 1, 7) AS m, NULL, COUNT(*) FROM quotes q` + w +
			` AND q.dkey < '~' GROUP BY m ORDER BY m`},
	} {
		rows, err := db.sql.QueryContext(ctx, part.sql, args...)
		if err != nil {
			return fc, fmt.Errorf("facets: %w", err)
		}
		for rows.Next() {
			var c Count
			if err := rows.Scan(&c.Key, &c.ID, &c.N); err != nil {
				rows.Close()
				return fc, fmt.Errorf("facets: %w", err)
			}
			*part.dst = append(*part.dst, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fc, fmt.Errorf("facets: %w", err)
		}
	}
	return fc, nil
}

// Timeline counts the quotations f selects per week (starting Monday) or
// month, in date order, and how many are undated.
func (db *DB) Timeline(ctx context.Context, f QuoteFilter, bucket string) ([]Bucket, int, error) {
	if bucket != "week" && bucket != "month" {
		return nil, 0, fmt.Errorf("timeline: bucket %q: want week or month", bucket)
	}
	f.Cursor, f.Limit = "", 0
	var out []Bucket
	undatedN := 0
	err := db.EachQuote(ctx, f, func(q Quote) error {
		if q.Date == nil {
			undatedN++
			return nil
		}
		start, ok := bucketStart(*q.Date, bucket)
		if !ok {
			undatedN++ // a year or month only: too vague for the bucket
			return nil
		}
		if n := len(out); n == 0 || out[n-1].Start != start {
			out = append(out, Bucket{Start: start})
		}
		b := &out[len(out)-1]
		b.Count++
		b.QuoteIDs = append(b.QuoteIDs, q.ID)
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("timeline: %w", err)
	}
	return out, undatedN, nil
}

func bucketStart(day, bucket string) (string, bool) {
	if bucket == "month" {
		if len(day) < 7 {
			return "", false
		}
		return day[:7] + "-01", true
	}
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return "", false
	}
	back := (int(t.Weekday()) + 6) % 7 // days since Monday
	return t.AddDate(0, 0, -back).Format("2006-01-02"), true
}
