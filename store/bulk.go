package store

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
)

// deferredIndexes are the quotation indexes whose keys arrive in random
// order (dates, speakers, outlets, names): every stored quotation touches a
// page of each at a random place, so once they outgrow the page cache each
// commit writes back thousands of pages. The first ingest into an empty
// database drops them and builds them once at the end, by sorting. So it
// does the index of unassigned quotations: until the merge at the end of a
// first ingest every quotation is unassigned, the merge reads them all
// anyway, and the index cost an entry per quotation, removed again as the
// merge assigned it. Every index the writer itself reads stays.
var deferredIndexes = []string{"quotes_fkey", "quotes_speaker", "quotes_source", "quotes_speaker_name", "quotes_unassigned"}

// deferIndexes drops the deferred indexes if the database holds no
// quotations yet, or reports that an earlier ingest dropped them and did
// not live to build them. Their definitions are kept in meta, in the same
// transaction, so that buildIndexes restores exactly what was there.
func (db *DB) deferIndexes(ctx context.Context) (bool, error) {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("defer indexes: %w", err)
	}
	defer tx.Rollback()
	if _, deferred, err := keptDefinitions(ctx, tx); err != nil {
		return false, fmt.Errorf("defer indexes: %w", err)
	} else if deferred {
		return true, nil // by an ingest that did not live to build them
	}
	var some bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM quotes)`).Scan(&some); err != nil {
		return false, fmt.Errorf("defer indexes: %w", err)
	}
	if some {
		return false, nil
	}
	defs := map[string]string{}
	for _, name := range deferredIndexes {
		var def string
		if err := tx.QueryRowContext(ctx, `SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`, name).Scan(&def); err != nil {
			return false, fmt.Errorf("defer index %s: %w", name, err)
		}
		if _, err := tx.ExecContext(ctx, `DROP INDEX `+name); err != nil {
			return false, fmt.Errorf("defer index %s: %w", name, err)
		}
		defs[name] = def
	}
	b, err := json.Marshal(defs)
	if err != nil {
		return false, fmt.Errorf("defer indexes: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('deferred_indexes', ?)`, string(b)); err != nil {
		return false, fmt.Errorf("defer indexes: %w", err)
	}
	return true, tx.Commit()
}

// buildIndexes creates the indexes deferIndexes dropped, if any are
// missing, each in a transaction of its own, with the write-ahead log
// emptied before each: while a transaction writes, every page it reads is
// first looked for in the log, at a cost that grows with the log, and
// after the merge of a first ingest the log holds every quotation page
// (4.6 GB at a million articles, where the lookups took 41% of the
// builds' time). A killed build leaves the rest to the next ingest: the
// definitions stay in meta until the last index is built.
func (db *DB) buildIndexes(ctx context.Context, s stepper) error {
	kept, deferred, err := keptDefinitions(ctx, db.w)
	if err != nil || !deferred {
		return err
	}
	defs := map[string]string{}
	if err := json.Unmarshal([]byte(kept), &defs); err != nil {
		return fmt.Errorf("build indexes: %w", err)
	}
	for i, name := range deferredIndexes {
		def, ok := defs[name]
		if !ok || !strings.HasPrefix(def, "CREATE INDEX") {
			return fmt.Errorf("build indexes: no definition of %s kept", name)
		}
		if err := db.emptyLog(ctx, true); err != nil {
			return fmt.Errorf("build index %s: %w", name, err)
		}
		s.step(fmt.Sprintf("building index %s (%d of %d)", name, i+1, len(deferredIndexes)), "index", name)
		if _, err := db.w.ExecContext(ctx, strings.Replace(def, "CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1)); err != nil {
			return fmt.Errorf("build index %s: %w", name, err)
		}
	}
	if _, err := db.w.ExecContext(ctx, `DELETE FROM meta WHERE key = 'deferred_indexes'`); err != nil {
		return fmt.Errorf("build indexes: %w", err)
	}
	return nil
}

// emptyLog copies the write-ahead log into the database and starts it
// afresh. A reader's older snapshot can keep it from finishing; the log
// then stays as it is, which costs time, not correctness. With wait, it
// waits for such readers (up to the busy timeout) and truncates the log;
// without, the next write transaction starts the log afresh if the copy
// was whole.
func (db *DB) emptyLog(ctx context.Context, wait bool) error {
	mode := "PASSIVE"
	if wait {
		mode = "TRUNCATE"
	}
	var busy, frames, copied int
	if err := db.w.QueryRowContext(ctx, `PRAGMA wal_checkpoint(`+mode+`)`).Scan(&busy, &frames, &copied); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	if busy != 0 || copied < frames {
		slog.Debug("checkpoint blocked by a reader", "frames", frames, "copied", copied)
	}
	return nil
}

// keptDefinitions reads the definitions deferIndexes kept, and whether
// there are any.
func keptDefinitions(ctx context.Context, q rowQuerier) (string, bool, error) {
	kept, ok, err := metaValue(ctx, q, "deferred_indexes")
	if err != nil {
		return "", false, fmt.Errorf("read deferred indexes: %w", err)
	}
	return kept, ok, nil
}
