package store

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"chronicle/extract"
)

// Reextract runs the current extractor (extract.Version) on every article
// stored by another version, replacing its record and quotations, a batch
// per transaction, so the database stays usable throughout and a killed run
// resumes where it stopped. Only opt.Workers, opt.Extract, opt.Batch, opt.CacheMiB and
// opt.OnItem (with the article's input id) and opt.OnStep are used. Speakers are merged
// again at the end, with the user's corrections.
func (db *DB) Reextract(ctx context.Context, opt IngestOptions) (IngestStats, error) {
	var stats IngestStats
	if err := db.buildIndexes(ctx, stepper(opt.OnStep)); err != nil { // left by a killed first ingest
		return stats, fmt.Errorf("reextract: %w", err)
	}
	if err := db.catchUp(ctx); err != nil { // after a killed run
		return stats, fmt.Errorf("reextract: %w", err)
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	xopt := opt.Extract
	xopt.WithText = false
	jobs := make(chan item, 2*workers)
	done := make(chan item, 2*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for it := range jobs {
				done <- extracted(it, xopt)
			}
		})
	}
	readErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		readErr <- db.oldArticles(ctx, jobs)
	}()
	go func() {
		wg.Wait()
		close(done)
	}()

	w := db.startWriter(ctx, opt.Batch, opt.CacheMiB)
	var addErr error
	for it := range done {
		if addErr != nil {
			continue
		}
		if it.err != nil {
			stats.Failed++
		}
		if opt.OnItem != nil {
			opt.OnItem(it.where, it.err)
		}
		addErr = w.add(it)
	}
	ws, err := w.close()
	stats.Stored = ws.stored
	for _, e := range []error{<-readErr, addErr} {
		if err == nil {
			err = e
		}
	}
	if err == nil {
		err = db.mergeIfStale(ctx, stepper(opt.OnStep))
	}
	if ierr := w.closeIndex(); err == nil {
		err = ierr
	}
	if err != nil {
		return stats, fmt.Errorf("reextract: %w", err)
	}
	return stats, nil
}

// oldArticles sends every article of an older extractor to jobs, reading a
// page at a time so that no read stays open while the writer commits.
func (db *DB) oldArticles(ctx context.Context, jobs chan<- item) error {
	var last int64
	for {
		rows, err := db.sql.QueryContext(ctx, `SELECT id, duplicate_of, input_id, title, source, url, text,
			input_published, input_pub_from, format FROM articles
			WHERE id > ? AND extractor_version != ? ORDER BY id LIMIT 200`, last, extract.Version)
		if err != nil {
			return fmt.Errorf("read old articles: %w", err)
		}
		var page []item
		for rows.Next() {
			id, dup, a, err := sourceArticle(rows)
			if err != nil {
				rows.Close()
				return fmt.Errorf("read old articles: %w", err)
			}
			page = append(page, item{where: a.ID, art: a, replace: id, dup: dup})
			last = id
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read old articles: %w", err)
		}
		if len(page) == 0 {
			return nil
		}
		for _, it := range page {
			select {
			case jobs <- it:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	}
}
