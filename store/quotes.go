package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
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
		// "+": a test of each row against the set of matches, never a walk
		// over the matches (the speaker's or outlet's index leads).
		where = append(where, "+q.fkey IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
		args = append(args, quoteText(f.About))
	}
	for _, d := range []struct{ name, v, cond string }{
		{"since", f.Since, "q.dkey >= ? AND q.dkey < '" + undated + "'"},
		{"until", f.Until, "q.dkey <= ?"},
	} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", d.v); err != nil {
			return nil, nil, fmt.Errorf("%w: %s %q: want YYYY-MM-DD", ErrBadQuery, d.name, d.v)
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
	err := db.eachQuote(ctx, f, fn)
	// Nothing was passed to fn yet: the query fails before its first row.
	if retryPlain(ctx, &f, err) {
		if f.About == "" {
			return nil
		}
		err = db.eachQuote(ctx, f, fn)
	}
	return err
}

// eachQuote picks one of three plans. With a text query, rows come from
// the full-text index in date-key order (datekey.go), read only as far as
// the page goes, the other conditions filtering them (a speaker's names,
// in the full-text query: quoteMatch). Else without a speaker or an
// outlet, from the date-key index; with one, from its own index, in
// (dkey, id) order, which is the same order. An unpaged text query of a
// speaker of too many names to query for (an export) walks the speaker's
// index, testing each quotation against the set of the query's matches.
func (db *DB) eachQuote(ctx context.Context, f QuoteFilter, fn func(Quote) error) error {
	// A name may be several speakers'; an ID is one (quoteWhere checks it).
	_, notID := strconv.ParseInt(f.Speaker, 10, 64)
	if f.Speaker != "" && f.Limit > 0 && notID != nil {
		ids, err := db.speakerIDsFor(ctx, f.Speaker)
		if err != nil {
			return fmt.Errorf("quotes: %w", err)
		}
		if len(ids) > 1 {
			return db.mergeSpeakers(ctx, f, ids, fn)
		}
	}
	fullText := f.About != ""
	if fullText && f.Speaker != "" && f.Limit == 0 {
		// An export reads every match: of the speaker's names when they go
		// into the query, else the speaker's quotations (the set of them
		// would be tested against every match of the query).
		m, err := db.speakerMatch(ctx, f.About, f.Speaker)
		if err != nil {
			return fmt.Errorf("quotes: %w", err)
		}
		fullText = m != ""
	}
	return db.quotesBy(ctx, f, fullText, fn)
}

// quoteMatch is the full-text query of quotes_fts for f's text query, and
// where with the conditions it needs beside it. With a speaker, the
// speaker's names go into the query (speakerMatch); for a speaker of too
// many names, the set of its quotations goes into the conditions, tested
// before a match is joined to its row ("+": never a look-up of the index
// per member of the set).
func (db *DB) quoteMatch(ctx context.Context, f QuoteFilter, where []string, args []any) (string, []string, []any, error) {
	if f.Speaker == "" {
		return quoteText(f.About), where, args, nil
	}
	m, err := db.speakerMatch(ctx, f.About, f.Speaker)
	if err != nil || m != "" {
		return m, where, args, err
	}
	sw, sargs, err := db.quoteWhere(ctx, QuoteFilter{Speaker: f.Speaker, Duplicates: f.Duplicates})
	if err != nil {
		return "", nil, nil, err
	}
	return quoteText(f.About), append(where, "+quotes_fts.rowid IN (SELECT q.fkey FROM quotes q WHERE "+strings.Join(sw, " AND ")+")"),
		append(args, sargs...), nil
}

// quotesBy runs one plan of eachQuote: with fullText, the rows come from
// the full-text index in date-key order.
func (db *DB) quotesBy(ctx context.Context, f QuoteFilter, fullText bool, fn func(Quote) error) error {
	byKey := f.Speaker == "" && f.Source == ""
	g := f
	if fullText {
		g.About = ""
	}
	where, args, err := db.quoteWhere(ctx, g)
	if err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	from := "quotes q JOIN articles a ON a.id = q.article_id"
	key := "q.fkey"
	if fullText {
		// CROSS JOIN: SQLite keeps the full-text index as the outer loop.
		from = "quotes_fts CROSS JOIN quotes q ON q.fkey = quotes_fts.rowid JOIN articles a ON a.id = q.article_id"
		key = "quotes_fts.rowid"
		var m string
		if m, where, args, err = db.quoteMatch(ctx, f, where, args); err != nil {
			return fmt.Errorf("quotes: %w", err)
		}
		where = append(where, "quotes_fts MATCH ?")
		args = append(args, m)
	}
	var c cursor
	if f.Cursor != "" {
		if c, err = decodeCursor(f.Cursor); err != nil {
			return fmt.Errorf("quotes: %w", err)
		}
	}
	order := "q.dkey, q.id"
	if byKey || fullText {
		// The bounds on the date key that the filter's dates and the cursor
		// give, as one range the index can seek.
		lo, hi := int64(0), int64(undatedDay+1)<<idBits
		if f.Since != "" {
			lo, hi = fkeyOf(f.Since, 0), undatedDay<<idBits
		}
		if f.Until != "" {
			hi = min(hi, (dayOrd(f.Until)+1)<<idBits)
		}
		if f.Cursor != "" {
			lo = max(lo, fkeyOf(c.key, c.id)+1)
		}
		where = append(where, key+" >= ?", key+" < ?")
		args = append(args, lo, hi)
		order = key
	} else if f.Cursor != "" {
		where = append(where, "(q.dkey, q.id) > (?, ?)")
		args = append(args, c.key, c.id)
	}
	q := `SELECT ` + quoteColumns + ` FROM ` + from + `
		WHERE ` + strings.Join(where, " AND ") + ` ORDER BY ` + order
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

// mergeSpeakers answers a page of f for a name that several speakers
// share: a page from each speaker's index, merged in date order. One query
// with the speakers in an IN list would sort all of their quotations before
// it returned the first (93 ms for a common name at 200,000 articles).
func (db *DB) mergeSpeakers(ctx context.Context, f QuoteFilter, ids []int64, fn func(Quote) error) error {
	var all []Quote
	for _, id := range ids {
		g := f
		g.Speaker = strconv.FormatInt(id, 10)
		if err := db.eachQuote(ctx, g, func(q Quote) error {
			all = append(all, q)
			return nil
		}); err != nil {
			return err
		}
	}
	slices.SortFunc(all, func(a, b Quote) int {
		return cmp.Or(cmp.Compare(dateKey(a), dateKey(b)), cmp.Compare(a.ID, b.ID))
	})
	for _, q := range all[:min(f.Limit, len(all))] {
		if err := fn(q); err != nil {
			return err
		}
	}
	return nil
}

// dateKey is the date a quotation sorts by (its dkey).
func dateKey(q Quote) string {
	if q.Date == nil {
		return undated
	}
	return *q.Date
}

// counted says whether quote_counts (or, with a speaker, speaker_counts)
// answers for f: no text query, near-duplicates left out (speaker, outlet
// and dates are their columns).
func counted(f QuoteFilter) bool {
	return f.About == "" && !f.Duplicates
}

// whole says whether f selects every quotation of an original article:
// day_counts and source_counts answer for it, and the speakers' counts.
func whole(f QuoteFilter) bool {
	return counted(f) && f.Speaker == "" && f.Source == "" && f.Since == "" && f.Until == ""
}

// countsWhere is the table of counts for a counted filter and quoteWhere
// over it (as q).
func (db *DB) countsWhere(ctx context.Context, f QuoteFilter) (table, where string, args []any, err error) {
	table = "quote_counts"
	if f.Speaker != "" {
		table = "speaker_counts"
	}
	f.Duplicates = true // the counts have originals only: no dup column
	w, args, err := db.quoteWhere(ctx, f)
	return table, " WHERE " + strings.Join(w, " AND "), args, err
}

// Facets summarises the quotations f selects (f.Cursor and f.Limit are
// ignored): the ten most quoted speakers and outlets, counts per month, the
// date range and the total. Without a text query, all but the speakers come
// from quote_counts, or speaker_counts for a speaker (and its speakers as
// well); with no filter at all, the speakers come from their counts in the
// speakers table (as of the last merge, that is the end of the last
// ingest).
func (db *DB) Facets(ctx context.Context, f QuoteFilter) (Facets, error) {
	fc, err := db.facets(ctx, f)
	if retryPlain(ctx, &f, err) {
		if f.About == "" {
			return Facets{Speakers: []Count{}, Sources: []Count{}, Months: []Count{}}, nil
		}
		fc, err = db.facets(ctx, f)
	}
	return fc, err
}

func (db *DB) facets(ctx context.Context, f QuoteFilter) (Facets, error) {
	if f.About != "" {
		return db.textFacets(ctx, f)
	}
	return db.queryFacets(ctx, f)
}

// textFacets are the facets of a text query, in one pass over its matches
// in the full-text index (with a speaker, those said under its names, see
// quoteMatch). queryFacets would test every
// quotation of the corpus (or the speaker's) against the set of matches,
// once per facet: at a million articles, a minute for a common word
// instead of a second and a half.
func (db *DB) textFacets(ctx context.Context, f QuoteFilter) (Facets, error) {
	fc := Facets{Speakers: []Count{}, Sources: []Count{}, Months: []Count{}}
	g := f
	g.About = ""
	where, args, err := db.quoteWhere(ctx, g)
	if err != nil {
		return fc, fmt.Errorf("facets: %w", err)
	}
	m, where, args, err := db.quoteMatch(ctx, f, where, args)
	if err != nil {
		return fc, fmt.Errorf("facets: %w", err)
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT q.speaker_id, q.source, q.dkey
		FROM quotes_fts CROSS JOIN quotes q ON q.fkey = quotes_fts.rowid
		WHERE quotes_fts MATCH ? AND `+strings.Join(where, " AND "), append([]any{m}, args...)...)
	if err != nil {
		return fc, fmt.Errorf("facets: %w", err)
	}
	defer rows.Close()
	t := newTally()
	speakers := map[int64]int{}
	for rows.Next() {
		var speaker sql.NullInt64
		var source, dkey string
		if err := rows.Scan(&speaker, &source, &dkey); err != nil {
			return fc, fmt.Errorf("facets: %w", err)
		}
		t.sources[source]++
		t.add(dkey, 1)
		if speaker.Int64 > 0 {
			speakers[speaker.Int64]++
		}
	}
	if err := rows.Err(); err != nil {
		return fc, fmt.Errorf("facets: %w", err)
	}
	t.fill(&fc)
	fc.Speakers, err = db.topSpeakers(ctx, speakers)
	return fc, err
}

// topSpeakers are the ten speakers with the most of counts (by ID), the
// lowest ID first on a tie, with their names.
func (db *DB) topSpeakers(ctx context.Context, counts map[int64]int) ([]Count, error) {
	ids := make([]int64, 0, len(counts))
	for id := range counts {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b int64) int { return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b)) })
	out := []Count{}
	for len(ids) > 0 && len(out) < 10 {
		page := ids[:min(10-len(out), len(ids))]
		ids = ids[len(page):]
		args := make([]any, len(page))
		for i, id := range page {
			args[i] = id
		}
		names := map[int64]string{}
		rows, err := db.sql.QueryContext(ctx, `SELECT id, name FROM speakers WHERE id IN (?`+strings.Repeat(", ?", len(page)-1)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("facets: %w", err)
		}
		for rows.Next() {
			var id int64
			var name string
			if err := rows.Scan(&id, &name); err != nil {
				rows.Close()
				return nil, fmt.Errorf("facets: %w", err)
			}
			names[id] = name
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("facets: %w", err)
		}
		for _, id := range page {
			if name, ok := names[id]; ok {
				out = append(out, Count{Key: name, ID: &id, N: counts[id]})
			}
		}
	}
	return out, nil
}

// queryFacets are the facets of any filter, a query per facet.
func (db *DB) queryFacets(ctx context.Context, f QuoteFilter) (Facets, error) {
	fc := Facets{Speakers: []Count{}, Sources: []Count{}, Months: []Count{}}
	where, args, err := db.quoteWhere(ctx, f)
	if err != nil {
		return fc, fmt.Errorf("facets: %w", err)
	}
	w := " WHERE " + strings.Join(where, " AND ")
	speakers := part{&fc.Speakers, `SELECT s.name, q.speaker_id, COUNT(*) AS n FROM quotes q JOIN speakers s ON s.id = q.speaker_id` +
		w + ` GROUP BY q.speaker_id ORDER BY n DESC, q.speaker_id LIMIT 10`, args}
	switch {
	case whole(f):
		speakers = part{&fc.Speakers, `SELECT name, id, quotes FROM speakers WHERE live = 1 AND quotes > 0
			ORDER BY quotes DESC, id LIMIT 10`, nil}
	case counted(f) && f.Speaker != "":
		table, cw, cargs, err := db.countsWhere(ctx, f)
		if err != nil {
			return fc, fmt.Errorf("facets: %w", err)
		}
		speakers = part{&fc.Speakers, `SELECT s.name, q.speaker_id, SUM(q.n) AS n FROM ` + table +
			` q JOIN speakers s ON s.id = q.speaker_id` + cw +
			` GROUP BY q.speaker_id HAVING n > 0 ORDER BY n DESC, q.speaker_id LIMIT 10`, cargs}
	}
	if err := db.counts(ctx, speakers); err != nil {
		return fc, fmt.Errorf("facets: %w", err)
	}
	if counted(f) {
		if err := db.countedFacets(ctx, f, &fc); err != nil {
			return fc, fmt.Errorf("facets: %w", err)
		}
		return fc, nil
	}
	err = db.sql.QueryRowContext(ctx, `SELECT COUNT(*), MIN(NULLIF(q.dkey, '~')), MAX(NULLIF(q.dkey, '~'))
		FROM quotes q`+w, args...).Scan(&fc.Total, &fc.First, &fc.Last)
	if err != nil {
		return fc, fmt.Errorf("facets: %w", err)
	}
	for _, p := range []part{
		{&fc.Sources, `SELECT q.source, NULL, COUNT(*) AS n FROM quotes q` + w +
			` GROUP BY q.source ORDER BY n DESC, q.source LIMIT 10`, args},
		{&fc.Months, `SELECT substr(q.dkey, 1, 7) AS m, NULL, COUNT(*) FROM quotes q` + w +
			` AND q.dkey < '~' GROUP BY m ORDER BY m`, args},
	} {
		if err := db.counts(ctx, p); err != nil {
			return fc, fmt.Errorf("facets: %w", err)
		}
	}
	return fc, nil
}

// countedFacets fills in all but the speakers from quote_counts, in one
// pass over its rows (outlets times days, however many quotations).
func (db *DB) countedFacets(ctx context.Context, f QuoteFilter, fc *Facets) error {
	table, cw, cargs, err := db.countsWhere(ctx, f)
	if err != nil {
		return err
	}
	q := `SELECT q.source, q.dkey, q.n FROM ` + table + ` q` + cw + ` AND q.n > 0`
	if whole(f) { // a row per day, then one per outlet
		q, cargs = `SELECT NULL, dkey, n FROM day_counts WHERE n > 0
			UNION ALL SELECT source, NULL, n FROM source_counts WHERE n > 0`, nil
	}
	rows, err := db.sql.QueryContext(ctx, q, cargs...)
	if err != nil {
		return err
	}
	defer rows.Close()
	t := newTally()
	for rows.Next() {
		var src, day sql.NullString
		var n int
		if err := rows.Scan(&src, &day, &n); err != nil {
			return err
		}
		if src.Valid {
			t.sources[src.String] += n
		}
		if day.Valid { // else an outlet's row of source_counts
			t.add(day.String, n)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	t.fill(fc)
	return nil
}

// tally counts quotations per outlet and month, and their total and dates.
type tally struct {
	sources, months map[string]int
	total           int
	first, last     string
}

func newTally() *tally { return &tally{sources: map[string]int{}, months: map[string]int{}} }

// add counts n quotations on a date key; callers count their outlets.
func (t *tally) add(dkey string, n int) {
	t.total += n
	if dkey == undated {
		return
	}
	t.months[dkey[:min(7, len(dkey))]] += n
	if t.first == "" || dkey < t.first {
		t.first = dkey
	}
	if dkey > t.last {
		t.last = dkey
	}
}

// fill sets the facets' total, dates, ten most quoted outlets and months.
func (t *tally) fill(fc *Facets) {
	fc.Total = t.total
	if t.first != "" {
		first, last := t.first, t.last
		fc.First, fc.Last = &first, &last
	}
	for k, n := range t.sources {
		fc.Sources = append(fc.Sources, Count{Key: k, N: n})
	}
	slices.SortFunc(fc.Sources, func(a, b Count) int { return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Key, b.Key)) })
	fc.Sources = fc.Sources[:min(10, len(fc.Sources))]
	for k, n := range t.months {
		fc.Months = append(fc.Months, Count{Key: k, N: n})
	}
	slices.SortFunc(fc.Months, func(a, b Count) int { return cmp.Compare(a.Key, b.Key) })
}

// part is one list of counts of a facet and its query.
type part struct {
	dst  *[]Count
	sql  string
	args []any
}

func (db *DB) counts(ctx context.Context, p part) error {
	rows, err := db.sql.QueryContext(ctx, p.sql, p.args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var c Count
		if err := rows.Scan(&c.Key, &c.ID, &c.N); err != nil {
			return err
		}
		*p.dst = append(*p.dst, c)
	}
	return rows.Err()
}

// MaxBucketIDs is the most quotation IDs a timeline bucket lists: a bucket
// with more has its count only (QuoteIDs nil), so a timeline of a million
// quotations stays a few kilobytes. Charts draw one dot per quotation only
// for buckets far smaller than this.
const MaxBucketIDs = 100

// Timeline counts the quotations f selects per week (starting Monday) or
// month, in date order, and how many are undated. Buckets of at most
// MaxBucketIDs quotations list their IDs, in date order.
func (db *DB) Timeline(ctx context.Context, f QuoteFilter, bucket string) ([]Bucket, int, error) {
	if bucket != "week" && bucket != "month" {
		return nil, 0, fmt.Errorf("%w: timeline: bucket %q: want week or month", ErrBadQuery, bucket)
	}
	f.Cursor, f.Limit = "", 0
	out, undatedN, err := db.timeline(ctx, f, bucket)
	if retryPlain(ctx, &f, err) {
		if f.About == "" {
			return nil, 0, nil
		}
		out, undatedN, err = db.timeline(ctx, f, bucket)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("timeline: %w", err)
	}
	return out, undatedN, nil
}

func (db *DB) timeline(ctx context.Context, f QuoteFilter, bucket string) ([]Bucket, int, error) {
	where, args, err := db.quoteWhere(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	q := `SELECT q.dkey, COUNT(*) FROM quotes q WHERE ` + strings.Join(where, " AND ") + ` GROUP BY q.dkey ORDER BY q.dkey`
	qargs := args
	if counted(f) {
		table, cw, cargs, err := db.countsWhere(ctx, f)
		if err != nil {
			return nil, 0, err
		}
		q, qargs = `SELECT q.dkey, SUM(q.n) FROM `+table+` q`+cw+` GROUP BY q.dkey HAVING SUM(q.n) > 0 ORDER BY q.dkey`, cargs
		if whole(f) {
			q, qargs = `SELECT dkey, n FROM day_counts WHERE n > 0 ORDER BY dkey`, nil
		}
	}
	rows, err := db.sql.QueryContext(ctx, q, qargs...)
	if err != nil {
		return nil, 0, err
	}
	var out []Bucket
	var keys [][]string  // the date keys of each bucket
	var gapBefore []bool // whether too vague keys come between a bucket and the last
	gap := false
	undatedN := 0
	for rows.Next() {
		var dkey string
		var n int
		if err := rows.Scan(&dkey, &n); err != nil {
			rows.Close()
			return nil, 0, err
		}
		start, ok := bucketStart(dkey, bucket)
		if dkey == undated || !ok {
			undatedN += n // undated, or a year or month only: too vague for the bucket
			gap = true
			continue
		}
		// Keys sort as their days do, so a bucket's keys are consecutive
		// (a month-only key sorts before its days, within its month).
		if len(out) == 0 || out[len(out)-1].Start != start {
			out, keys = append(out, Bucket{Start: start}), append(keys, nil)
			gapBefore, gap = append(gapBefore, gap), false
		}
		out[len(out)-1].Count += n
		keys[len(keys)-1] = append(keys[len(keys)-1], dkey)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	return out, undatedN, db.bucketIDs(ctx, f, where, args, out, keys, gapBefore)
}

// bucketIDs fills in the IDs of the quotations of the buckets small enough
// to list them, reading each run of consecutive such buckets' range of date
// keys in one query (one query per bucket costs more than the bucket's rows
// do). A run stops before too vague keys, whose quotations it would read for
// nothing; keys within a bucket's range that belong to no bucket are left
// out.
func (db *DB) bucketIDs(ctx context.Context, f QuoteFilter, where []string, args []any, out []Bucket, keys [][]string, gapBefore []bool) error {
	// A speaker's or an outlet's index has the date keys; else the
	// date-key index.
	q := `SELECT q.id, q.dkey FROM quotes q WHERE ` + strings.Join(where, " AND ")
	byKey := f.Speaker == "" && f.Source == ""
	if byKey {
		q += ` AND q.fkey >= ? AND q.fkey < ? ORDER BY q.fkey`
	} else {
		q += ` AND q.dkey >= ? AND q.dkey <= ? ORDER BY q.dkey, q.id`
	}
	for i := 0; i < len(out); i++ {
		if out[i].Count > MaxBucketIDs {
			continue
		}
		bucketOf := map[string]int{} // the run's date keys and their buckets
		j := i
		for ; j < len(out) && out[j].Count <= MaxBucketIDs && (j == i || !gapBefore[j]); j++ {
			for _, k := range keys[j] {
				bucketOf[k] = j
			}
		}
		first, last := keys[i][0], keys[j-1][len(keys[j-1])-1]
		a := append(append([]any{}, args...), fkeyOf(first, 0), (dayOrd(last)+1)<<idBits)
		if !byKey {
			a = append(a[:len(args):len(args)], first, last)
		}
		if err := db.listIDs(ctx, q, a, bucketOf, out); err != nil {
			return err
		}
		i = j - 1
	}
	return nil
}

// listIDs adds the quotation IDs q reads to the buckets of their date keys.
func (db *DB) listIDs(ctx context.Context, q string, args []any, bucketOf map[string]int, out []Bucket) error {
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var k string
		if err := rows.Scan(&id, &k); err != nil {
			return err
		}
		if b, ok := bucketOf[k]; ok {
			out[b].QuoteIDs = append(out[b].QuoteIDs, id)
		}
	}
	return rows.Err()
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
