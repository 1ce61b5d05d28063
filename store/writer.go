package store

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"os"
	"time"
)

// writer is the single goroutine that writes to the database during an
// ingest or a re-extraction. Items reach it in batches; each batch is one
// transaction, so many articles share the cost of a commit, and a crash
// loses at most the batch in flight.
type writer struct {
	db      *DB
	ctx     context.Context
	size    int
	pending []item
	bytes   int // of the pending articles' texts
	last    time.Time
	batches chan []item
	done    chan struct{}
	stats   writerStats
	err     error // set by the goroutine before done closes, or seen through failed
	failed  chan struct{}
	index   *indexer // a batch behind, on its own file and core
}

// speakerNames caches the names table for the writer, so that quotations
// under a name the merge knows get their speaker as they are stored. It
// holds at most maxCachedNames names (then starts afresh): the names of a
// corpus grow with it, the writer's memory must not. A merge changes the
// table's version and empties the cache.
type speakerNames struct {
	version string
	ids     map[nameKey]int64 // speaker_id, or -1 for a name not in the table
	none    bool              // the table is empty
}

const maxCachedNames = 20000

type writerStats struct{ stored, near, unchanged int }

const defaultBatch = 2000

// maxBatchBytes bounds a batch by the size of its texts too, so that the
// writer's memory (a batch pending, one queued, one being written) stays
// flat whatever the articles' sizes: 2,000 articles of 16 MiB would not.
const maxBatchBytes = 16 << 20

// defaultWriterCacheMiB is the page cache of the writer's connection. The indexes
// an ingest inserts into at random places (content hashes, band keys,
// speakers, date keys) outgrow the readers' 32 MB early: with 32 MB, an
// ingest of 100,000 articles spent 8% of its CPU reading back pages it had
// just written, with this 6%. A fixed size, so memory stays flat.
const defaultWriterCacheMiB = 128

// writerConn is the connection the writer holds for its whole run, with
// its own page cache.
func (db *DB) writerConn(ctx context.Context, cacheMiB int) (*sql.Conn, error) {
	conn, err := db.w.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("writer: %w", err)
	}
	for _, q := range []string{
		fmt.Sprintf("PRAGMA cache_size = -%d", cacheMiB<<10),
		"PRAGMA wal_autocheckpoint = 0", // the checkpointer's job
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			conn.Close()
			return nil, fmt.Errorf("writer: %s: %w", q, err)
		}
	}
	return conn, nil
}

func (db *DB) startWriter(ctx context.Context, size, cacheMiB int) *writer {
	if size <= 0 {
		size = defaultBatch
	}
	if cacheMiB <= 0 {
		cacheMiB = defaultWriterCacheMiB
	}
	w := &writer{db: db, ctx: ctx, size: size, last: time.Now(),
		batches: make(chan []item, 1), done: make(chan struct{}), failed: make(chan struct{}),
		index: db.startIndexer(ctx)}
	go func() {
		defer close(w.done)
		names := &speakerNames{version: "none"}
		bands := &bandMemo{}
		conn, err := db.writerConn(ctx, cacheMiB)
		if err != nil {
			w.err = err
			close(w.failed)
		} else {
			defer conn.Close()
		}
		ckpt := db.startCheckpointer(ctx)
		defer ckpt.close()
		for b := range w.batches {
			if w.err != nil {
				continue // drain
			}
			s, ib, err := db.writeBatch(ctx, conn, b, names, bands)
			if err != nil {
				w.err = err
				close(w.failed)
				continue
			}
			w.index.add(ib)
			db.checkpoint(ctx, conn, ckpt)
			w.stats.stored += s.stored
			w.stats.near += s.near
			w.stats.unchanged += s.unchanged
		}
	}()
	return w
}

// add queues an item and hands a full (or a second old) batch to the
// writer goroutine. It returns an error once the writer has failed.
func (w *writer) add(it item) error {
	w.pending = append(w.pending, it)
	w.bytes += len(it.art.Text)
	if len(w.pending) < w.size && w.bytes < maxBatchBytes && time.Since(w.last) < time.Second {
		return nil
	}
	return w.flush()
}

func (w *writer) flush() error {
	if len(w.pending) > 0 {
		select {
		case w.batches <- w.pending:
		case <-w.failed:
		}
		w.pending, w.bytes = nil, 0
	}
	w.last = time.Now()
	select {
	case <-w.failed:
		return w.firstErr()
	default:
		return nil
	}
}

func (w *writer) firstErr() error {
	<-w.failed
	return w.err
}

// close writes what is pending and waits for the writer goroutine. The
// indexer may still be at work: closeIndex waits for it.
func (w *writer) close() (writerStats, error) {
	err := w.flush()
	close(w.batches)
	<-w.done
	if err == nil {
		err = w.err
	}
	return w.stats, err
}

// closeIndex waits for the indexer to index every committed batch.
func (w *writer) closeIndex() error { return w.index.close() }

// checkpointer copies the write-ahead log back into the database file after
// each of the writer's commits, on a connection of its own, so that the
// writer goes on with its next batch meanwhile: inside the writer's commit
// (SQLite's automatic checkpoint) it took a tenth of the writer's time. A
// checkpoint that cannot finish (a reader holds an older snapshot) is
// simply tried again after the next commit; the log grows meanwhile.
type checkpointer struct {
	wake chan struct{}
	done chan struct{}
}

func (db *DB) startCheckpointer(ctx context.Context) *checkpointer {
	c := &checkpointer{wake: make(chan struct{}, 1), done: make(chan struct{})}
	go func() {
		defer close(c.done)
		for range c.wake {
			if _, err := db.w.ExecContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`); err != nil && ctx.Err() == nil {
				slog.Warn("checkpoint", "err", err)
			}
		}
	}()
	return c
}

// walRestartBytes bounds the write-ahead log. The checkpointer's copies
// alone never let SQLite start the log afresh (the writer has begun its next
// batch before a copy ends), so past this size the writer, between batches,
// waits for a last copy and restarts the log.
const walRestartBytes = 256 << 20

// checkpoint runs after each of the writer's commits: in the background,
// or, with the log past walRestartBytes, in the writer.
func (db *DB) checkpoint(ctx context.Context, conn *sql.Conn, c *checkpointer) {
	if fi, err := os.Stat(db.path + "-wal"); err != nil || fi.Size() < walRestartBytes {
		c.poke()
		return
	}
	if _, err := conn.ExecContext(ctx, `PRAGMA wal_checkpoint(RESTART)`); err != nil && ctx.Err() == nil {
		slog.Warn("checkpoint", "err", err)
	}
}

// poke asks for a checkpoint; one already asked for and not begun is enough.
func (c *checkpointer) poke() {
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

func (c *checkpointer) close() {
	close(c.wake)
	<-c.done
}
