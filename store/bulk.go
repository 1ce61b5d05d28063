package store

import (
	"context"
	"database/sql"
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
// missing, in one transaction: a killed build leaves them all to the next
// ingest.
func (db *DB) buildIndexes(ctx context.Context) error {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("build indexes: %w", err)
	}
	defer tx.Rollback()
	kept, deferred, err := keptDefinitions(ctx, tx)
	if err != nil {
		return fmt.Errorf("build indexes: %w", err)
	}
	if !deferred {
		return nil
	}
	defs := map[string]string{}
	if err := json.Unmarshal([]byte(kept), &defs); err != nil {
		return fmt.Errorf("build indexes: %w", err)
	}
	for _, name := range deferredIndexes {
		def, ok := defs[name]
		if !ok || !strings.HasPrefix(def, "CREATE INDEX") {
			return fmt.Errorf("build indexes: no definition of %s kept", name)
		}
		slog.Info("building index", "index", name)
		if _, err := tx.ExecContext(ctx, strings.Replace(def, "CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1)); err != nil {
			return fmt.Errorf("build index %s: %w", name, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM meta WHERE key = 'deferred_indexes'`); err != nil {
		return fmt.Errorf("build indexes: %w", err)
	}
	return tx.Commit()
}

// keptDefinitions reads the definitions deferIndexes kept, and whether
// there are any.
func keptDefinitions(ctx context.Context, tx *sql.Tx) (string, bool, error) {
	kept, ok, err := metaValue(ctx, tx, "deferred_indexes")
	if err != nil {
		return "", false, fmt.Errorf("read deferred indexes: %w", err)
	}
	return kept, ok, nil
}
