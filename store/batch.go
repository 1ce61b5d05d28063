package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"chronicle/dedup"
	"chronicle/extract"
)

// batchStmts are the statements of one batch's transaction.
type batchStmts struct {
	byHash, lshArticles, candidate, insArticle,
	insQuote, delQuotes, updArticle, articleKey, logMove,
	failure, clearFailure, staleSpeaker *sql.Stmt
	demote, demoteQuotes, demoteSpeakers, demoteLSH *sql.Stmt

	recent *recentBands // band keys not yet in lsh
	filter *bandFilter  // of the band keys in lsh and recent; nil for none
	looked int          // articles whose band keys were looked up in lsh without a filter

	names                                   *speakerNames
	lookName                                *sql.Stmt
	touched                                 map[int64]bool // speakers given quotations in this batch
	counts                                  map[countKey]int
	addCount, addDay, addSource, addSpeaker *sql.Stmt
	// The batch's full-text rows, for the indexer (index.go). Full-text
	// rowids are the rows' date keys (datekey.go).
	quoteFTS, articleFTS []ftsRow
	quoteKeys            *sql.Stmt
}

// ftsRow is a full-text row to add, or to delete (with the text it was
// indexed with).
type ftsRow struct {
	rowid int64
	del   bool
	text  string
	title string // an article's
	who   string // a quotation's speaker token (who.go)
}

// countKey is a row of speaker_counts; with speaker 0, of quote_counts.
type countKey struct {
	speaker      int64
	source, dkey string
}

func prepareBatch(ctx context.Context, tx *sql.Tx) (*batchStmts, error) {
	var s batchStmts
	// Band keys are parameters ?1 to ?Bands; an article's ID follows them.
	var keys []string
	for i := range dedup.Bands {
		keys = append(keys, fmt.Sprintf("?%d", i+1))
	}
	inBands, article := strings.Join(keys, ","), fmt.Sprintf("?%d", dedup.Bands+1)
	for _, p := range []struct {
		dst *(*sql.Stmt)
		sql string
	}{
		{&s.byHash, `SELECT id FROM articles WHERE content_hash = ?`},
		{&s.lshArticles, `SELECT article_id FROM lsh WHERE band_key IN (` + inBands + `) LIMIT ` + strconv.Itoa(maxCandidates)},
		{&s.candidate, `SELECT signature, COALESCE(substr(published, 1, 10), '~'), content_hash FROM articles WHERE id = ?`},
		{&s.demote, `UPDATE articles SET duplicate_of = ?1, similarity = ?3 WHERE id = ?2 OR duplicate_of = ?2`},
		{&s.demoteQuotes, `UPDATE quotes SET dup = 1 WHERE article_id = ?`},
		{&s.demoteSpeakers, `INSERT OR IGNORE INTO stale_speakers (id)
			SELECT DISTINCT speaker_id FROM quotes WHERE article_id = ? AND speaker_id > 0`},
		// By band key and article: lsh's key, never a scan of the table.
		{&s.demoteLSH, `DELETE FROM lsh WHERE article_id = ` + article + ` AND band_key IN (` + inBands + `)`},
		{&s.insArticle, `INSERT INTO articles (input_id, source, url, title, published, published_from,
			language, format, input_published, input_pub_from, content_hash, duplicate_of, similarity,
			signature, extractor_version, timexes, entities, text)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&s.articleKey, `SELECT fkey FROM articles WHERE id = ?`},
		{&s.insQuote, `INSERT INTO quotes (article_id, seq, dup, dkey, source, speaker_id, text, start, end, kind,
			speaker, speaker_type, speaker_role, mention_text, mention_start, mention_end,
			cue_text, cue_start, cue_end, said_on, said_on_from)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&s.quoteKeys, `SELECT id, fkey, text, speaker FROM quotes WHERE article_id = ?`},
		// The quotations a re-extraction replaces: those before its new ones.
		{&s.delQuotes, `DELETE FROM quotes WHERE article_id = ? AND id <= ?`},
		{&s.logMove, `INSERT INTO search_log (article_id) VALUES (?)`},
		{&s.updArticle, `UPDATE articles SET published = ?, published_from = ?, language = ?,
			extractor_version = ?, timexes = ?, entities = ? WHERE id = ?`},
		{&s.failure, `INSERT INTO failures (item, error, at) VALUES (?, ?, ?)
			ON CONFLICT (item) DO UPDATE SET error = excluded.error, at = excluded.at`},
		{&s.clearFailure, `DELETE FROM failures WHERE item = ?`},
		{&s.lookName, `SELECT speaker_id FROM names WHERE name = ? AND type = ? AND role = ?`},
		{&s.staleSpeaker, `INSERT OR IGNORE INTO stale_speakers (id) VALUES (?)`},
		{&s.addCount, `INSERT INTO quote_counts (source, dkey, n) VALUES (?, ?, ?)
			ON CONFLICT (source, dkey) DO UPDATE SET n = n + excluded.n`},
		{&s.addDay, `INSERT INTO day_counts (dkey, n) VALUES (?, ?) ON CONFLICT (dkey) DO UPDATE SET n = n + excluded.n`},
		{&s.addSource, `INSERT INTO source_counts (source, n) VALUES (?, ?) ON CONFLICT (source) DO UPDATE SET n = n + excluded.n`},
		{&s.addSpeaker, `INSERT INTO speaker_counts (speaker_id, source, dkey, n) VALUES (?, ?, ?, ?)
			ON CONFLICT (speaker_id, dkey, source) DO UPDATE SET n = n + excluded.n`},
	} {
		st, err := tx.PrepareContext(ctx, p.sql)
		if err != nil {
			return nil, fmt.Errorf("prepare: %w", err)
		}
		*p.dst = st
	}
	return &s, nil
}

// writeBatch stores one batch in one transaction. It returns what the
// batch adds to the full-text index, for the indexer.
func (db *DB) writeBatch(ctx context.Context, conn *sql.Conn, items []item, names *speakerNames, bands *bandMemo) (writerStats, indexBatch, error) {
	var stats writerStats
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return stats, indexBatch{}, fmt.Errorf("begin batch: %w", err)
	}
	defer tx.Rollback()
	// The statements run under a context that is never cancelled: under a
	// cancellable one the driver starts a goroutine per statement, to
	// interrupt it, which cost a twentieth of the writer's time. The batch
	// looks at ctx itself, between articles and before it commits.
	cancel := ctx
	ctx = context.WithoutCancel(ctx)
	st, err := prepareBatch(ctx, tx)
	if err != nil {
		return stats, indexBatch{}, err
	}
	if v, err := namesVersion(ctx, tx); err != nil {
		return stats, indexBatch{}, fmt.Errorf("speaker names: %w", err)
	} else if v != names.version {
		names.ids, names.version = map[nameKey]int64{}, v
		// Until the first merge (a first ingest), no name has a speaker:
		// looking each one up found nothing, a sixtieth of the writer's time.
		if err := tx.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM names)`).Scan(&names.none); err != nil {
			return stats, indexBatch{}, fmt.Errorf("speaker names: %w", err)
		}
	}
	st.names, st.touched, st.counts = names, map[int64]bool{}, map[countKey]int{}
	// Under the cancellable context: at a million articles reading the
	// band keys back takes half a minute.
	if st.filter, st.recent, err = bands.sync(cancel, tx); err != nil {
		return stats, indexBatch{}, err
	}
	// An item stored now clears its failure of an earlier run, if there
	// are any: most ingests have none to clear.
	var failures bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM failures)`).Scan(&failures); err != nil {
		return stats, indexBatch{}, fmt.Errorf("read failures: %w", err)
	}
	now := time.Now().UTC().Format(time.RFC3339)
	for _, it := range items {
		if err := cancel.Err(); err != nil {
			return stats, indexBatch{}, err
		}
		if it.err != nil {
			failures = true
			if _, err := st.failure.ExecContext(ctx, it.where, it.err.Error(), now); err != nil {
				return stats, indexBatch{}, fmt.Errorf("record failure of %s: %w", it.where, err)
			}
			continue
		}
		if it.replace != 0 {
			if err := st.replace(ctx, it); err != nil {
				return stats, indexBatch{}, fmt.Errorf("re-extract article %d: %w", it.replace, err)
			}
			stats.stored++
			continue
		}
		if !it.known {
			near, stored, err := st.insert(ctx, it)
			if err != nil {
				return stats, indexBatch{}, fmt.Errorf("store %s: %w", it.where, err)
			}
			if !stored {
				stats.unchanged++ // the same text earlier in this batch
			} else {
				stats.stored++
				if near {
					stats.near++
				}
			}
		}
		if !failures {
			continue
		}
		if _, err := st.clearFailure.ExecContext(ctx, it.where); err != nil {
			return stats, indexBatch{}, fmt.Errorf("clear failure of %s: %w", it.where, err)
		}
	}
	if err := st.flushCounts(ctx); err != nil {
		return stats, indexBatch{}, err
	}
	for id := range st.touched {
		if _, err := st.staleSpeaker.ExecContext(ctx, id); err != nil {
			return stats, indexBatch{}, fmt.Errorf("mark speaker stale: %w", err)
		}
	}
	// Only a batch that stored something calls for a merge: one of known
	// articles (an ingest run again, a feed fetched again) merged every
	// name of the corpus anew for nothing.
	if stats.stored > 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('speakers_stale', '1')
			ON CONFLICT (key) DO UPDATE SET value = '1'`); err != nil {
			return stats, indexBatch{}, fmt.Errorf("mark speakers stale: %w", err)
		}
	}
	// What the index holds once it has this batch: every row the corpus
	// has now. Its largest article ID is also what the writer's band keys
	// in memory match once the batch is committed.
	m, err := corpusMarks(ctx, tx)
	if err != nil {
		return stats, indexBatch{}, err
	}
	if err := foldBands(ctx, tx, st.recent, m.articles); err != nil {
		return stats, indexBatch{}, err
	}
	if err := cancel.Err(); err != nil {
		return stats, indexBatch{}, err
	}
	if err := tx.Commit(); err != nil {
		return stats, indexBatch{}, fmt.Errorf("commit batch: %w", err)
	}
	bands.committed(st.looked, m.articles)
	return stats, indexBatch{articles: st.articleFTS, quotes: st.quoteFTS, marks: m}, nil
}

// insert stores a new article, unless its text is already stored, linking
// it to its original when it is a near-duplicate.
func (st *batchStmts) insert(ctx context.Context, it item) (near, stored bool, err error) {
	var id int64
	switch err := st.byHash.QueryRowContext(ctx, it.hash).Scan(&id); {
	case err == nil:
		return false, false, nil
	case !errors.Is(err, sql.ErrNoRows):
		return false, false, fmt.Errorf("look up content hash: %w", err)
	}
	keys := it.sig.Bands()
	var dupOf, sim any
	var demote *match
	if len(keys) > 0 {
		m, err := st.original(ctx, it.sig, keys)
		if err != nil {
			return false, false, err
		}
		// The original of a story is its earliest publication (then the
		// smaller hash), whatever order the copies arrive in.
		if m != nil && (m.day < day(it.rec.Published) || m.day == day(it.rec.Published) && m.hash < it.hash) {
			dupOf, sim = m.id, m.sim
		} else {
			demote = m
		}
	}
	a, r := it.art, it.rec
	res, err := st.insArticle.ExecContext(ctx, a.ID, a.Source, a.URL, a.Title, r.Published, r.PublishedFrom,
		r.Language, a.Format, a.Published, a.PublishedFrom, it.hash, dupOf, sim,
		it.sig.Marshal(), r.Version, it.tjson, it.ejson, a.Text)
	if err != nil {
		return false, false, fmt.Errorf("insert article: %w", err)
	}
	if id, err = res.LastInsertId(); err != nil {
		return false, false, fmt.Errorf("insert article: %w", err)
	}
	st.articleFTS = append(st.articleFTS, ftsRow{rowid: fkeyOf(articleDay(r.Published), id), title: a.Title, text: a.Text})
	if demote != nil {
		if err := st.demoteTo(ctx, *demote, id); err != nil {
			return false, false, err
		}
	}
	if dupOf == nil {
		// Only originals are candidates: a copy of a copy links to the first.
		st.recent.add(keys, id)
		if st.filter != nil {
			st.filter.add(keys)
		}
	}
	if err := st.insertQuotes(ctx, id, dupOf != nil, a.Source, r); err != nil {
		return false, false, err
	}
	return dupOf != nil || demote != nil, true, nil
}

// flushCounts adds the counts of the quotations inserted so far to
// quote_counts, its sums and speaker_counts. It runs before any statement
// that changes stored quotations, whose triggers must find the counts of
// this batch's quotations there.
func (st *batchStmts) flushCounts(ctx context.Context) error {
	pairs, days, sources := map[countKey]int{}, map[string]int{}, map[string]int{}
	for k, n := range st.counts {
		if k.speaker > 0 {
			if _, err := st.addSpeaker.ExecContext(ctx, k.speaker, k.source, k.dkey, n); err != nil {
				return fmt.Errorf("count quotations per speaker: %w", err)
			}
		}
		pairs[countKey{source: k.source, dkey: k.dkey}] += n
	}
	for k, n := range pairs {
		if _, err := st.addCount.ExecContext(ctx, k.source, k.dkey, n); err != nil {
			return fmt.Errorf("count quotations: %w", err)
		}
		days[k.dkey] += n
		sources[k.source] += n
	}
	for k, n := range days {
		if _, err := st.addDay.ExecContext(ctx, k, n); err != nil {
			return fmt.Errorf("count quotations: %w", err)
		}
	}
	for k, n := range sources {
		if _, err := st.addSource.ExecContext(ctx, k, n); err != nil {
			return fmt.Errorf("count quotations: %w", err)
		}
	}
	clear(st.counts)
	return nil
}

// demoteTo makes a stored original, and its copies, copies of a new
// article found to be published earlier.
func (st *batchStmts) demoteTo(ctx context.Context, m match, id int64) error {
	if err := st.flushCounts(ctx); err != nil {
		return err
	}
	byArticle := bandArgs(m.keys, m.id) // band keys, then the article
	for _, s := range []struct {
		stmt *sql.Stmt
		args []any
	}{
		{st.demote, []any{id, m.id, m.sim}},
		{st.demoteQuotes, []any{m.id}},
		{st.demoteSpeakers, []any{m.id}},
		{st.demoteLSH, byArticle}, // if they were folded into lsh
	} {
		if _, err := s.stmt.ExecContext(ctx, s.args...); err != nil {
			return fmt.Errorf("make article %d a copy of %d: %w", m.id, id, err)
		}
	}
	st.recent.remove(m.keys, m.id)
	return nil
}

// day is the sort key of a publication date: its day, "~" when unknown.
func day(published *string) string {
	return sortKey(nil, published)
}

// match is a stored original that a new article is a near-duplicate of.
type match struct {
	keys      []uint64 // its band keys
	id        int64
	sim       float64
	day, hash string
}

// maxCandidates bounds the stored articles a new one is compared with.
const maxCandidates = 200

// original finds the stored original this signature copies: the most
// similar candidate above the threshold, the earliest stored on a tie; nil
// when there is none. Candidates share a band key with it: in memory
// (recent originals), or in lsh, which is read only when the filter cannot
// tell that none of the keys is there.
func (st *batchStmts) original(ctx context.Context, sig dedup.Signature, keys []uint64) (*match, error) {
	ids := st.recent.articles(keys, nil)
	if st.filter == nil || st.filter.mayHave(keys) {
		if st.filter == nil {
			st.looked++
		}
		var err error
		if ids, err = st.inLSH(ctx, keys, ids); err != nil {
			return nil, err
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	var best *match
	for _, id := range ids[:min(len(ids), maxCandidates)] {
		m := match{id: id}
		var b []byte
		if err := st.candidate.QueryRowContext(ctx, id).Scan(&b, &m.day, &m.hash); err != nil {
			return nil, fmt.Errorf("near-duplicate candidate %d: %w", id, err)
		}
		other, err := dedup.Unmarshal(b)
		if err != nil {
			continue // from another version of dedup: not comparable
		}
		if m.sim = sig.Similarity(other); m.sim >= dedup.Threshold && (best == nil || m.sim > best.sim) {
			if m.keys = other.Bands(); len(m.keys) == dedup.Bands {
				best = &m
			}
		}
	}
	return best, nil
}

// inLSH appends the articles in lsh with any of keys to ids.
func (st *batchStmts) inLSH(ctx context.Context, keys []uint64, ids []int64) ([]int64, error) {
	rows, err := st.lshArticles.QueryContext(ctx, bandArgs(keys)...)
	if err != nil {
		return nil, fmt.Errorf("near-duplicate candidates: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("near-duplicate candidates: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// bandArgs are band keys as statement arguments, as lsh stores them
// (signed: the bits are what matter), followed by more.
func bandArgs(keys []uint64, more ...any) []any {
	args := make([]any, 0, len(keys)+len(more))
	for _, k := range keys {
		args = append(args, int64(k))
	}
	return append(args, more...)
}

func (st *batchStmts) insertQuotes(ctx context.Context, articleID int64, dup bool, source string, r extract.Record) error {
	for i, q := range r.Quotes {
		m, c := q.SpeakerMention, q.Cue
		var speakerID any
		counted := int64(0) // the speaker of speaker_counts, 0 for none
		if q.Speaker != nil {
			k := nameKey{*q.Speaker, q.SpeakerType, ""}
			if q.SpeakerRole != nil {
				k.role = *q.SpeakerRole
			}
			id, err := st.speakerOf(ctx, k)
			if err != nil {
				return fmt.Errorf("quotation %d: %w", i, err)
			}
			if id >= 0 {
				speakerID = id
				if id != 0 {
					st.touched[id] = true
					counted = id
				}
			}
		}
		dkey := sortKey(q.SaidOn, r.Published)
		res, err := st.insQuote.ExecContext(ctx, articleID, i, dup, dkey, source, speakerID,
			q.Text, q.Start, q.End, q.Kind, q.Speaker, q.SpeakerType, q.SpeakerRole,
			mentionText(m), mentionStart(m), mentionEnd(m), mentionText(c), mentionStart(c), mentionEnd(c),
			q.SaidOn, q.SaidOnFrom)
		if err != nil {
			return fmt.Errorf("insert quotation %d: %w", i, err)
		}
		id, err := res.LastInsertId()
		if err != nil {
			return fmt.Errorf("insert quotation %d: %w", i, err)
		}
		st.quoteFTS = append(st.quoteFTS, ftsRow{rowid: fkeyOf(dkey, id), text: q.Text, who: whoOf(q.Speaker)})
		if !dup {
			st.counts[countKey{counted, source, dkey}]++
		}
	}
	return nil
}

// speakerOf is the speaker the last merge gave a name: 0 for a name that
// is no identity, -1 for a name it has not seen.
func (st *batchStmts) speakerOf(ctx context.Context, k nameKey) (int64, error) {
	if st.names.none {
		return -1, nil
	}
	if id, ok := st.names.ids[k]; ok {
		return id, nil
	}
	var id int64
	switch err := st.lookName.QueryRowContext(ctx, k.name, k.typ, k.role).Scan(&id); {
	case errors.Is(err, sql.ErrNoRows):
		id = -1
	case err != nil:
		return 0, fmt.Errorf("speaker name: %w", err)
	}
	if len(st.names.ids) >= maxCachedNames {
		clear(st.names.ids)
	}
	st.names.ids[k] = id
	return id, nil
}

// replace swaps a stored article's record for a new extraction of it.
func (st *batchStmts) replace(ctx context.Context, it item) error {
	r := it.rec
	if err := st.flushCounts(ctx); err != nil {
		return err
	}
	rows, err := st.quoteKeys.QueryContext(ctx, it.replace)
	if err != nil {
		return fmt.Errorf("unindex quotations: %w", err)
	}
	var last int64 // the highest ID of the old quotations
	for rows.Next() {
		d := ftsRow{del: true}
		var id int64
		var speaker *string
		if err := rows.Scan(&id, &d.rowid, &d.text, &speaker); err != nil {
			rows.Close()
			return fmt.Errorf("unindex quotations: %w", err)
		}
		d.who = whoOf(speaker)
		st.quoteFTS = append(st.quoteFTS, d)
		last = max(last, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("unindex quotations: %w", err)
	}
	var before, after int64
	if err := st.articleKey.QueryRowContext(ctx, it.replace).Scan(&before); err != nil {
		return fmt.Errorf("update article: %w", err)
	}
	if _, err := st.updArticle.ExecContext(ctx, r.Published, r.PublishedFrom, r.Language, r.Version,
		it.tjson, it.ejson, it.replace); err != nil {
		return fmt.Errorf("update article: %w", err)
	}
	if err := st.articleKey.QueryRowContext(ctx, it.replace).Scan(&after); err != nil {
		return fmt.Errorf("update article: %w", err)
	}
	if after != before { // a new publication day: the full-text row moves
		st.articleFTS = append(st.articleFTS, ftsRow{rowid: before, del: true, title: it.art.Title, text: it.art.Text},
			ftsRow{rowid: after, title: it.art.Title, text: it.art.Text})
		if _, err := st.logMove.ExecContext(ctx, it.replace); err != nil {
			return fmt.Errorf("log the move of article %d: %w", it.replace, err)
		}
	}
	// The new quotations go in before the old ones go, so that no
	// quotation ID is ever used twice (index.go).
	if err := st.insertQuotes(ctx, it.replace, it.dup, it.art.Source, r); err != nil {
		return err
	}
	if _, err := st.delQuotes.ExecContext(ctx, it.replace, last); err != nil {
		return fmt.Errorf("delete quotations: %w", err)
	}
	return nil
}

// sortKey is a quotation's date for ordering: said_on, else the day of
// publication, else "~", which sorts after every date.
func sortKey(saidOn, published *string) string {
	for _, d := range []*string{saidOn, published} {
		if d != nil && *d != "" {
			if len(*d) > 10 {
				return (*d)[:10]
			}
			return *d
		}
	}
	return undated
}

const undated = "~"

func mentionText(m *extract.Mention) any {
	if m == nil {
		return nil
	}
	return m.Text
}

func mentionStart(m *extract.Mention) any {
	if m == nil {
		return nil
	}
	return m.Start
}

func mentionEnd(m *extract.Mention) any {
	if m == nil {
		return nil
	}
	return m.End
}
