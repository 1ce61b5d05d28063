package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"runtime"

	"chronicle/article"
	"chronicle/dedup"
	"chronicle/extract"
)

// IngestOptions tune an ingest. The zero value reads with a default Reader,
// extracts on every core and commits a few hundred articles at a time.
type IngestOptions struct {
	Reader  *article.Reader // nil means a zero Reader (default fetcher, os.Stdin)
	Workers int             // articles extracted at once; 0 means GOMAXPROCS
	Extract extract.Options // WithText is ignored: the store always keeps the text
	// Batch is the most articles committed in one transaction (default 2000);
	// a batch is also committed when a second has passed since the last.
	Batch int
	// CacheMiB is the writer's page cache (default 128): a larger one keeps
	// more of the indexes an ingest inserts into at random places (content
	// hashes, band keys) in memory as the corpus grows.
	CacheMiB int
	// OnItem, when set, is called once per input item, in input order, with
	// nil when the item is stored (or was already) and its error otherwise.
	OnItem func(where string, err error)
	// OnStep, when set, is told of each step of the work after the last
	// item (the speaker merge, the index builds of a first ingest), minutes
	// at a million articles, for a progress display. The steps are also
	// logged.
	OnStep func(step string)
}

// stepper tells of the steps of an ingest's end: IngestOptions.OnStep.
type stepper func(string)

// step logs a step and tells of it.
func (s stepper) step(msg string, args ...any) {
	slog.Info(msg, args...)
	s.show(msg)
}

// show tells of a step without logging it (a chunk of one).
func (s stepper) show(msg string) {
	if s != nil {
		s(msg)
	}
}

// IngestStats count what an ingest did with its items.
type IngestStats struct {
	Stored         int // new articles, near-duplicates included
	NearDuplicates int // new articles linked to an earlier original
	Unchanged      int // articles already in the database (same text)
	Failed         int // items that could not be read or stored
}

// item is one input item made ready for the writer: extracted, hashed and
// signed in a worker, or failed.
type item struct {
	where string
	err   error
	known bool // the text is already stored
	art   article.Article
	hash  string
	rec   extract.Record
	sig   dedup.Signature // nil for a text too short to sign
	tjson []byte          // the record's timexes and entities, encoded
	ejson []byte

	replace int64 // re-extraction: the stored article this record replaces
	dup     bool  // re-extraction: that article is a near-duplicate
}

// Ingest reads inputs (files, directories, URLs, feeds, "-"), extracts every
// article on opt.Workers cores and stores it. One writer goroutine commits
// batches of articles, each batch in one transaction, so a killed ingest
// leaves whole batches only, and the same ingest run again skips what is
// stored (by content hash) and finishes the rest. Failed items are recorded
// in the failures table and do not stop the batch. The first ingest into an
// empty database builds some quotation indexes at the end instead of row by
// row (deferIndexes). At the end, speakers are merged again across the
// corpus.
func (db *DB) Ingest(ctx context.Context, inputs []string, opt IngestOptions) (IngestStats, error) {
	var stats IngestStats
	r := opt.Reader
	if r == nil {
		r = &article.Reader{}
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	xopt := opt.Extract
	xopt.WithText = false
	// The workers' look-ups of content hashes read one index: connections of
	// their own with a small page cache, so that ingest memory stays flat
	// however large the database (a page cache per worker would not).
	lookups, err := openPool(db.path, 2000, workers)
	if err != nil {
		return stats, fmt.Errorf("ingest: %w", err)
	}
	defer lookups.Close()
	known, err := lookups.PrepareContext(ctx, `SELECT 1 FROM articles WHERE content_hash = ?`)
	if err != nil {
		return stats, fmt.Errorf("ingest: %w", err)
	}
	defer known.Close()

	if _, err := db.deferIndexes(ctx); err != nil {
		return stats, fmt.Errorf("ingest: %w", err)
	}
	if err := db.catchUp(ctx); err != nil { // after a killed run
		return stats, fmt.Errorf("ingest: %w", err)
	}
	w := db.startWriter(ctx, opt.Batch, opt.CacheMiB)
	err = article.Process(ctx, r, inputs, workers,
		func(it article.Item) item {
			a, err := it.Load()
			if err != nil {
				return item{where: it.Where, err: err}
			}
			return prepare(ctx, known, it.Where, a, xopt)
		},
		func(it item) error {
			switch {
			case it.err != nil:
				stats.Failed++
			case it.known:
				stats.Unchanged++
			}
			if opt.OnItem != nil {
				opt.OnItem(it.where, it.err)
			}
			return w.add(it)
		})
	ws, werr := w.close()
	stats.Stored += ws.stored
	stats.NearDuplicates += ws.near
	stats.Unchanged += ws.unchanged
	if err == nil {
		err = werr
	}
	if err != nil {
		w.closeIndex()
		return stats, fmt.Errorf("ingest: %w", err)
	}
	// The speaker merge and the index builds write the corpus while the
	// indexer finishes the full-text index of the last batches.
	err = db.mergeIfStale(ctx, stepper(opt.OnStep))
	if err == nil {
		err = db.buildIndexes(ctx, stepper(opt.OnStep)) // when no merge was needed
	}
	if ierr := w.closeIndex(); err == nil {
		err = ierr
	}
	if err != nil {
		return stats, fmt.Errorf("ingest: %w", err)
	}
	// Refresh the planner's statistics when the tables have grown.
	if _, err := db.w.ExecContext(ctx, `PRAGMA optimize`); err != nil {
		return stats, fmt.Errorf("ingest: optimize: %w", err)
	}
	return stats, nil
}

// prepare does a worker's share of one article: the content hash, and
// unless the text is stored already, extraction and the MinHash signature.
func prepare(ctx context.Context, known *sql.Stmt, where string, a article.Article, opt extract.Options) item {
	it := item{where: where, art: a, hash: dedup.ContentHash(a.Text)}
	// Under a context that is never cancelled: the driver would start a
	// goroutine per query to interrupt it. Process stops between items.
	var one int
	switch err := known.QueryRowContext(context.WithoutCancel(ctx), it.hash).Scan(&one); {
	case err == nil:
		it.known = true
		return it
	case !errors.Is(err, sql.ErrNoRows):
		it.err = fmt.Errorf("look up content hash: %w", err)
		return it
	}
	return extracted(it, opt)
}

// extracted fills in the record of an item and what the writer needs of it.
func extracted(it item, opt extract.Options) item {
	it.rec = extract.Article(it.art, opt)
	it.sig = dedup.Sign(it.art.Text)
	var err error
	if it.tjson, err = encodeTimexes(it.rec.Timexes); err == nil {
		it.ejson, err = encodeEntities(it.rec.Entities)
	}
	if err != nil {
		it.err = fmt.Errorf("encode record: %w", err)
	}
	return it
}
