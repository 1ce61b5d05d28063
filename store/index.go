package store

import (
	"cmp"
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"slices"
	"strconv"
	"strings"
)

// The full-text index lives in a database file of its own beside the
// corpus (chronicle.db.fts beside chronicle.db), so that an ingest writes
// it on a second core: SQLite lets one connection write a file at a time,
// and tokenising and merging the index took as long as everything else the
// writer does. Readers attach it as "search" and query it as before.
//
// The corpus is the truth and the index is derived from it. The index
// records the highest article and quotation IDs it holds, and the last
// entry of the corpus's search_log (articles whose row moved to another
// date key) it has applied; an ingest that finds it behind (a killed run
// committed a batch to the corpus, not yet to the index) indexes the rest
// from the corpus before it starts. IDs of new rows only grow (articles are
// never deleted; a re-extraction inserts an article's new quotations
// before it deletes the old ones), so "above the mark" is exactly what is
// missing. A deletion lost that way leaves an entry whose date key no row
// has any more, which every query's join drops.

// indexSchema is the schema of the index database. The tables are
// contentless: the text is in the corpus, and snippets are made from it.
const indexSchema = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- The rowids are date keys (datekey.go), so matches come in date order.
-- columnsize=0: no per-row size table to write; it only serves bm25
-- ranking, which we do not use.
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text, content='', columnsize=0);
` + quotesFTS + `
-- Merge index segments 8 at a time rather than 4: about half the merge
-- work during ingest, for a few more segments per query.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 8);
`

// quotesFTS makes the quotations' table of the index: their text, and the
// token of their speaker's name (who.go).
const quotesFTS = `CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(text, who, content='', columnsize=0);
INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('automerge', 8);`

// indexLayout is the version of the index's tables, in its meta as
// "layout": 2 added the who column of quotes_fts. Open rebuilds the
// quotations' table of an older index from the corpus.
const indexLayout = "2"

// indexPath is the file of the full-text index of the corpus at path.
func indexPath(path string) string { return path + ".fts" }

// attaching opens corpus connections with the index attached as "search".
type attaching struct {
	driver.Connector
	index string
}

func (a attaching) Connect(ctx context.Context) (driver.Conn, error) {
	c, err := a.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	ex, ok := c.(driver.ExecerContext)
	if !ok {
		c.Close()
		return nil, errors.New("attach index: driver connection cannot execute")
	}
	_, err = ex.ExecContext(ctx, `ATTACH DATABASE ? AS search`, []driver.NamedValue{{Ordinal: 1, Value: a.index}})
	if err == nil {
		_, err = ex.ExecContext(ctx, `PRAGMA search.cache_size = -16000`, nil)
	}
	if err != nil {
		c.Close()
		return nil, fmt.Errorf("attach index %s: %w", a.index, err)
	}
	return c, nil
}

// openIndex opens the index database, creating its schema, and makes sure
// it belongs to this corpus: an index made for another database file (a
// corpus copied without its index, or restored from a backup) is emptied,
// to be filled again from the corpus, and one of an older layout has its
// quotations' table made anew. created reports that the index lacks rows
// the corpus has.
func (db *DB) openIndex(ctx context.Context) (created bool, err error) {
	path := indexPath(db.path)
	idx, err := openPool(path, 64000, 4)
	if err != nil {
		return false, err
	}
	db.idx = idx
	corpus, err := db.corpusID(ctx)
	if err != nil {
		return false, err
	}
	if mine, layout, err := indexOwner(ctx, idx); err != nil || mine == corpus && layout == indexLayout {
		return false, err
	}
	tx, err := idx.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("open index %s: %w", path, err)
	}
	defer tx.Rollback()
	// Again under the write lock: another process (an ingest starting
	// while a query opens the corpus) may have made the index meanwhile.
	mine, layout, err := indexOwner(ctx, tx)
	if err != nil || mine == corpus && layout == indexLayout {
		return false, err
	}
	var qs []string
	if mine == corpus {
		slog.Warn("rebuilding the full-text index of quotations in a new layout: once, minutes on a large corpus", "index", path)
		qs = []string{`DROP TABLE IF EXISTS quotes_fts`, quotesFTS, `UPDATE meta SET value = '0' WHERE key = 'quotes'`}
	} else {
		if mine != "" {
			slog.Warn("the full-text index belongs to another corpus: rebuilding it", "index", path)
		}
		qs = []string{`DROP TABLE IF EXISTS articles_fts`, `DROP TABLE IF EXISTS quotes_fts`, `DROP TABLE IF EXISTS meta`, indexSchema}
	}
	for _, q := range qs {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return false, fmt.Errorf("create index %s: %w", path, err)
		}
	}
	// A new index gets every key; one of an older layout keeps its marks
	// (quotes reset above) and gets the layout.
	_, err = tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('corpus', ?), ('articles', '0'), ('quotes', '0'), ('log', '0'), ('layout', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE key = 'layout'`, corpus, indexLayout)
	if err != nil {
		return false, fmt.Errorf("create index %s: %w", path, err)
	}
	return true, tx.Commit()
}

// indexOwner is the identity of the corpus the index was made for, ""
// for a new file, and the index's layout.
func indexOwner(ctx context.Context, q rowQuerier) (corpus, layout string, err error) {
	if corpus, _, err = metaValue(ctx, q, "corpus"); err == nil {
		layout, _, err = metaValue(ctx, q, "layout")
	}
	if err != nil {
		return "", "", fmt.Errorf("read index owner: %w", err)
	}
	return corpus, layout, nil
}

// corpusID is the corpus's random identity, made with its schema.
func (db *DB) corpusID(ctx context.Context) (string, error) {
	id, ok, err := metaValue(ctx, db.w, "corpus")
	if err == nil && !ok {
		err = errors.New("none recorded")
	}
	if err != nil {
		return "", fmt.Errorf("read corpus identity: %w", err)
	}
	return id, nil
}

// marks are how far the index has got: the highest article and quotation
// IDs indexed and the last search_log entry applied.
type marks struct{ articles, quotes, log int64 }

func readMarks(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) (marks, error) {
	var m marks
	rows, err := q.QueryContext(ctx, `SELECT key, value FROM meta WHERE key IN ('articles', 'quotes', 'log')`)
	if err != nil {
		return m, fmt.Errorf("read index marks: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return m, fmt.Errorf("read index marks: %w", err)
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return m, fmt.Errorf("read index marks: %s = %q", k, v)
		}
		switch k {
		case "articles":
			m.articles = n
		case "quotes":
			m.quotes = n
		case "log":
			m.log = n
		}
	}
	return m, rows.Err()
}

// corpusMarks are the marks the index reaches once it holds every row the
// corpus has committed.
func corpusMarks(ctx context.Context, q rowQuerier) (marks, error) {
	var m marks
	err := q.QueryRowContext(ctx, `SELECT (SELECT COALESCE(MAX(id), 0) FROM articles), (SELECT COALESCE(MAX(id), 0) FROM quotes),
		(SELECT COALESCE(MAX(seq), 0) FROM search_log)`).Scan(&m.articles, &m.quotes, &m.log)
	if err != nil {
		return m, fmt.Errorf("read corpus marks: %w", err)
	}
	return m, nil
}

// indexBatch is what one committed batch of the corpus adds to the index,
// with the marks the index reaches with it.
type indexBatch struct {
	articles, quotes []ftsRow
	marks            marks
}

// below reports that the index, at marks m, lacks some of what the corpus
// has at want.
func (m marks) below(want marks) bool {
	return m.articles < want.articles || m.quotes < want.quotes || m.log < want.log
}

// writeIndex adds one batch to the index in one transaction, with its
// marks, so that a killed run leaves the index at a batch's end.
func writeIndex(ctx context.Context, conn *sql.Conn, b indexBatch) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("index batch: %w", err)
	}
	defer tx.Rollback()
	if err := putIndex(ctx, tx, b); err != nil {
		return err
	}
	return tx.Commit()
}

// putIndex adds a batch to the index and records its marks.
func putIndex(ctx context.Context, tx *sql.Tx, b indexBatch) error {
	for _, t := range []struct {
		table string
		cols  []string
		rows  []ftsRow
	}{
		{"articles_fts", articleCols, b.articles},
		{"quotes_fts", quoteCols, b.quotes},
	} {
		if err := indexRows(ctx, tx, t.table, t.cols, t.rows); err != nil {
			return fmt.Errorf("index batch: %s: %w", t.table, err)
		}
	}
	_, err := tx.ExecContext(ctx, `UPDATE meta SET value = CASE key WHEN 'articles' THEN ?1 WHEN 'quotes' THEN ?2 ELSE ?3 END
		WHERE key IN ('articles', 'quotes', 'log')`, b.marks.articles, b.marks.quotes, b.marks.log)
	if err != nil {
		return fmt.Errorf("index batch: %w", err)
	}
	return nil
}

// The columns of the index's tables, as indexRows writes them.
var (
	articleCols = []string{"title", "text"}
	quoteCols   = []string{"text", "who"}
)

// maxVariables is SQLite's limit on the parameters of one statement.
const maxVariables = 32766

// maxInsertBytes bounds the text of one INSERT into the index. FTS5 holds
// a statement's postings in memory, each word's list in one buffer that
// doubles as it grows; past a megabyte or so of text those buffers are
// large enough that the allocator maps and unmaps memory for them, and
// the system time that cost outweighed the merging it saved (an ingest
// of 20,000 articles took 8 s of system time instead of 5.5).
const maxInsertBytes = 1 << 20

// indexRows adds rows to (and deletes them from) one full-text table, in
// rowid order, deletions of a rowid before additions: FTS5 starts a new
// segment whenever a rowid is lower than the last.
//
// Additions go in as few INSERTs as the parameter limit and
// maxInsertBytes allow, because FTS5 also writes what it holds as a new
// segment at the start of every statement that adds several rows (SQLite
// opens a savepoint for it). At 32 rows per INSERT, the index of 100,000
// articles was made of thousands of small segments, and merging them cost
// more than tokenising.
func indexRows(ctx context.Context, tx *sql.Tx, table string, cols []string, rows []ftsRow) error {
	if len(rows) == 0 {
		return nil
	}
	slices.SortFunc(rows, func(a, b ftsRow) int {
		if c := cmp.Compare(a.rowid, b.rowid); c != 0 {
			return c
		}
		if a.del == b.del {
			return 0
		}
		if a.del {
			return -1
		}
		return 1
	})
	names, values := strings.Join(cols, ", "), "(?"+strings.Repeat(", ?", len(cols))+")"
	del, err := tx.PrepareContext(ctx, `INSERT INTO `+table+` (`+table+`, rowid, `+names+`) VALUES ('delete', `+values[1:])
	if err != nil {
		return err
	}
	inserts := map[int]*sql.Stmt{} // by number of rows
	exec := func(rs []ftsRow) error {
		args := make([]any, 0, len(rs)*(1+len(cols)))
		for _, r := range rs {
			args = append(args, r.rowid)
			for _, c := range cols {
				switch c {
				case "title":
					args = append(args, r.title)
				case "text":
					args = append(args, r.text)
				case "who":
					args = append(args, r.who)
				}
			}
		}
		if rs[0].del {
			_, err := del.ExecContext(ctx, args...)
			return err
		}
		st, ok := inserts[len(rs)]
		if !ok {
			st, err = tx.PrepareContext(ctx, `INSERT INTO `+table+` (rowid, `+names+`) VALUES `+
				values+strings.Repeat(", "+values, len(rs)-1))
			if err != nil {
				return err
			}
			inserts[len(rs)] = st
		}
		_, err := st.ExecContext(ctx, args...)
		return err
	}
	perInsert := maxVariables / (1 + len(cols))
	for i := 0; i < len(rows); {
		j := i + 1 // a deletion alone, or a run of additions
		size := len(rows[i].title) + len(rows[i].text)
		for !rows[i].del && j < len(rows) && j-i < perInsert && size < maxInsertBytes && !rows[j].del {
			size += len(rows[j].title) + len(rows[j].text)
			j++
		}
		if err := exec(rows[i:j]); err != nil {
			return err
		}
		i = j
	}
	return nil
}

// indexer is the goroutine that writes the index during an ingest or a
// re-extraction, a batch behind the corpus writer.
type indexer struct {
	batches chan indexBatch
	done    chan struct{}
	err     error
}

// ftsHashBytes is how much of a batch's full-text postings FTS5 keeps in
// memory before writing an index segment. Its default (1 MB) writes a
// dozen small segments per batch and then spends more time merging them
// than tokenising; this holds a whole batch (maxBatchBytes of text).
const ftsHashBytes = 32 << 20

func (db *DB) startIndexer(ctx context.Context) *indexer {
	x := &indexer{batches: make(chan indexBatch, 1), done: make(chan struct{})}
	go func() {
		defer close(x.done)
		conn, err := db.indexConn(ctx)
		if err != nil {
			x.err = err
		} else {
			defer conn.Close()
		}
		// The statements run under a context that is never cancelled
		// (see writeBatch); a cancelled ingest stops between batches.
		run := context.WithoutCancel(ctx)
		for b := range x.batches {
			if x.err != nil {
				continue // drain: the corpus writer must not block
			}
			if err := ctx.Err(); err != nil {
				x.err = err
				continue
			}
			x.err = writeIndex(run, conn, b)
		}
	}()
	return x
}

// add hands a committed batch to the indexer, waiting while it is busy
// with the one before: the index keeps pace, and memory stays bounded.
func (x *indexer) add(b indexBatch) { x.batches <- b }

// close waits for the indexer to finish what it was given.
func (x *indexer) close() error {
	close(x.batches)
	<-x.done
	if x.err != nil {
		return fmt.Errorf("full-text index: %w", x.err)
	}
	return nil
}

// indexConn is a connection to the index with the write settings of FTS5.
func (db *DB) indexConn(ctx context.Context) (*sql.Conn, error) {
	conn, err := db.idx.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	for _, q := range []string{
		fmt.Sprintf("INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', %d)", ftsHashBytes),
		fmt.Sprintf("INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('hashsize', %d)", ftsHashBytes),
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			conn.Close()
			return nil, fmt.Errorf("index: %s: %w", q, err)
		}
	}
	return conn, nil
}

// catchUp indexes what the corpus has committed and the index has not:
// after a killed run, for a new index, or once after the migration that
// moved the index out of the corpus. Only a writer of the corpus (ingest,
// re-extraction) calls it, before its own indexer starts. It then drops the
// search_log entries the index has applied.
func (db *DB) catchUp(ctx context.Context) error {
	want, err := corpusMarks(ctx, db.w)
	if err != nil {
		return err
	}
	have, err := readMarks(ctx, db.idx)
	if err != nil {
		return err
	}
	if have.below(want) {
		slog.Info("bringing the full-text index up to date", "articles", want.articles-have.articles,
			"quotations", want.quotes-have.quotes)
		conn, err := db.indexConn(ctx)
		if err != nil {
			return err
		}
		defer conn.Close()
		if err := db.indexUpTo(ctx, conn, want, have.articles); err != nil {
			return err
		}
		if have, err = readMarks(ctx, conn); err != nil {
			return err
		}
	}
	// Pruned only when there is something to prune: a query that opens a
	// corpus takes no write lock.
	var applied bool
	err = db.w.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM search_log WHERE seq <= ?)`, have.log).Scan(&applied)
	if err == nil && applied {
		_, err = db.w.ExecContext(ctx, `DELETE FROM search_log WHERE seq <= ?`, have.log)
	}
	if err != nil {
		return fmt.Errorf("prune search log: %w", err)
	}
	return nil
}

// indexUpTo indexes, a page at a time, what the index lacks of the corpus
// at want; indexed is the index's article mark before it starts. Each
// page is read and written under the index's write lock, with the index's
// marks read again under it: another process may have moved them
// meanwhile (a query whose Open builds a new index while an ingest
// starts), and a row indexed twice costs a segment of the index (it is
// found once: the newer entry of a rowid hides the older).
func (db *DB) indexUpTo(ctx context.Context, conn *sql.Conn, want marks, indexed int64) error {
	for {
		more, err := db.indexPage(ctx, conn, want, indexed)
		if err != nil || !more {
			return err
		}
	}
}

// indexPage indexes the next page of what the index lacks, up to want,
// in one transaction, and reports whether more is missing.
func (db *DB) indexPage(ctx context.Context, conn *sql.Conn, want marks, indexed int64) (more bool, err error) {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("index: %w", err)
	}
	defer tx.Rollback()
	have, err := readMarks(ctx, tx)
	if err != nil || !have.below(want) {
		return false, err
	}
	b, err := db.missing(ctx, have, want, indexed)
	if err != nil {
		return false, err
	}
	if err := putIndex(ctx, tx, b); err != nil {
		return false, err
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("index: %w", err)
	}
	return b.marks.below(want), nil
}

// missing reads the next page of rows the index lacks, up to want: about
// maxBatchBytes of text, the most a batch of the writer holds, so that an
// index one batch behind catches up in one transaction (one new segment
// per table). The articles above indexed (the mark when the catch-up
// began) are read at the date key they have now, so the search log's
// moves are only of those at or below it.
func (db *DB) missing(ctx context.Context, have, want marks, indexed int64) (indexBatch, error) {
	b := indexBatch{marks: have}
	size, limit := 0, maxBatchBytes // of the texts read, and of the page
	// read scans rows until the page is full, and reports whether it read
	// them all.
	read := func(q string, args []any, scan func(*sql.Rows) (int, error)) (bool, error) {
		rows, err := db.w.QueryContext(ctx, q, args...)
		if err != nil {
			return false, fmt.Errorf("read rows to index: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			if size >= limit {
				return false, nil
			}
			n, err := scan(rows)
			if err != nil {
				return false, fmt.Errorf("read rows to index: %w", err)
			}
			size += n
		}
		return true, rows.Err()
	}
	all, err := read(`SELECT id, fkey, title, text FROM articles WHERE id > ? AND id <= ? ORDER BY id`,
		[]any{have.articles, want.articles}, func(rows *sql.Rows) (int, error) {
			var r ftsRow
			err := rows.Scan(&b.marks.articles, &r.rowid, &r.title, &r.text)
			b.articles = append(b.articles, r)
			return len(r.title) + len(r.text), err
		})
	if err == nil && all {
		b.marks.articles = want.articles
		all, err = read(`SELECT id, fkey, text, speaker FROM quotes WHERE id > ? AND id <= ? ORDER BY id`,
			[]any{have.quotes, want.quotes}, func(rows *sql.Rows) (int, error) {
				var r ftsRow
				var speaker *string
				err := rows.Scan(&b.marks.quotes, &r.rowid, &r.text, &speaker)
				r.who = whoOf(speaker)
				b.quotes = append(b.quotes, r)
				return len(r.text), err
			})
		if err == nil && all {
			b.marks.quotes = want.quotes
		}
	}
	if err == nil && b.marks.quotes == want.quotes {
		// Articles that moved to another date key: indexed again at the
		// key they have now (their old entry, if any, is dropped by joins).
		// An article that moved twice is indexed once. They are read
		// whatever the page holds already: the log's mark moves at once.
		limit = math.MaxInt
		_, err = read(`SELECT a.fkey, a.title, a.text FROM articles a WHERE a.id <= ? AND a.id IN
			(SELECT article_id FROM search_log WHERE seq > ? AND seq <= ?)`, []any{indexed, have.log, want.log}, func(rows *sql.Rows) (int, error) {
			var r ftsRow
			err := rows.Scan(&r.rowid, &r.title, &r.text)
			b.articles = append(b.articles, r)
			return 0, err
		})
		if err == nil {
			b.marks.log = want.log
		}
	}
	return b, err
}
