package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"

	"modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
)

// ErrNotFound is wrapped by lookups of IDs that are not in the database.
var ErrNotFound = errors.New("not found")

// DB is a chronicle database: the corpus file and, beside it, its
// full-text index (index.go). Reads may run from any goroutine while one
// ingest or re-extraction writes: SQLite's write-ahead log lets readers see
// the last committed batch.
type DB struct {
	sql  *sql.DB // reads, with the index attached as "search"
	w    *sql.DB // writes of the corpus: without the index, so that they lock only the corpus file
	idx  *sql.DB // the index alone
	path string
}

// Open opens the database at path, creating it and its schema if needed,
// and its index. A new index (the corpus was just made, or migrated from a
// schema that kept the index inside, or copied without it) is filled from
// the corpus before Open returns.
func Open(ctx context.Context, path string) (*DB, error) {
	w, err := openPool(path, 32000, 2) // 32 MB of page cache per connection
	if err != nil {
		return nil, err
	}
	db := &DB{w: w, path: path}
	fail := func(err error) (*DB, error) {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := db.migrate(ctx); err != nil {
		return fail(err)
	}
	created, err := db.openIndex(ctx)
	if err != nil {
		return fail(err)
	}
	c, err := sqlite.NewConnector(dsn(path, 32000))
	if err != nil {
		return fail(err)
	}
	db.sql = sql.OpenDB(attaching{c, indexPath(path)})
	db.sql.SetMaxOpenConns(8)
	db.sql.SetMaxIdleConns(8)
	if created {
		if err := db.catchUp(ctx); err != nil {
			return fail(err)
		}
	}
	return db, nil
}

// openPool opens a pool of at most conns connections, each with a page
// cache of cacheKB.
func openPool(path string, cacheKB, conns int) (*sql.DB, error) {
	sdb, err := sql.Open("sqlite", dsn(path, cacheKB))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	sdb.SetMaxOpenConns(conns)
	sdb.SetMaxIdleConns(conns)
	return sdb, nil
}

// dsn is the data source name of the database file at path.
func dsn(path string, cacheKB int) string {
	q := url.Values{}
	for _, p := range []string{
		"journal_mode(WAL)",
		"synchronous(NORMAL)", // durable at checkpoints, consistent always
		"busy_timeout(10000)",
		"foreign_keys(0)",
		fmt.Sprintf("cache_size(-%d)", cacheKB),
	} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate") // writers take the lock up front: no upgrade deadlocks
	return "file:" + path + "?" + q.Encode()
}

// Close closes the database.
func (db *DB) Close() error {
	var errs []error
	for _, p := range []*sql.DB{db.sql, db.idx, db.w} {
		if p != nil {
			errs = append(errs, p.Close())
		}
	}
	return errors.Join(errs...)
}

// rowQuerier is a pool, connection or transaction, to read a row with.
type rowQuerier interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}

// metaValue reads a key of a database's meta table (the corpus's or the
// index's); ok is false when the key, or the table (a new file), is not
// there.
func metaValue(ctx context.Context, q rowQuerier, key string) (v string, ok bool, err error) {
	err = q.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) || err != nil && strings.Contains(err.Error(), "no such table") {
		return "", false, nil
	}
	return v, err == nil, err
}

func (db *DB) migrate(ctx context.Context) error {
	// A current database needs no write: readers open it while an ingest
	// holds the write lock.
	if v, _, err := metaValue(ctx, db.w, "schema"); err == nil && v == strconv.Itoa(schemaVersion) {
		return nil
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	// The version is read again inside the transaction: another process
	// may have migrated meanwhile.
	v, _, err := metaValue(ctx, tx, "schema")
	if err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if n, _ := strconv.Atoi(v); n > schemaVersion {
		return fmt.Errorf("database schema %s is newer than this chronicle's (%d)", v, schemaVersion)
	}
	if v != "" {
		slog.Info("migrating the database to schema "+strconv.Itoa(schemaVersion), "path", db.path, "from", v)
	}
	if v == "1" {
		for _, q := range migrateV1 {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("migrate from schema 1: %w", err)
			}
		}
	}
	// Schema 9 added the role to quotes_speaker: the schema makes it anew.
	if n, _ := strconv.Atoi(v); v != "" && n < 9 {
		if _, err := tx.ExecContext(ctx, `DROP INDEX IF EXISTS quotes_speaker`); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
	}
	// Schemas 1 to 4 kept the full-text index in the corpus; it moves to
	// its own file, built from the articles when Open finds it new.
	for _, q := range []string{`DROP TABLE IF EXISTS articles_fts`, `DROP TABLE IF EXISTS quotes_fts`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, schema); err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	if v != "" {
		if err := foldOldBands(ctx, tx); err != nil {
			return fmt.Errorf("migrate from schema %s: %w", v, err)
		}
	}
	var fill []string
	switch v {
	case "1":
		fill = rebuildV1
	case "2":
		fill = []string{fillSpeakerCounts}
	}
	for _, q := range fill {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("migrate from schema %s: %w", v, err)
		}
	}
	// The corpus's identity, which its index records (index.go).
	if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO meta (key, value) VALUES ('corpus', lower(hex(randomblob(16))))`); err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('schema', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, strconv.Itoa(schemaVersion))
	if err != nil {
		return fmt.Errorf("record schema version: %w", err)
	}
	return tx.Commit()
}

// foldOldBands moves the band keys schema 6 kept in lsh_new into lsh, and
// marks every stored article's keys as folded (schemas 1 to 5 kept them all
// in lsh).
func foldOldBands(ctx context.Context, tx *sql.Tx) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'lsh_new'`).Scan(&n); err != nil {
		return err
	}
	var qs []string
	if n > 0 {
		qs = append(qs, `INSERT OR IGNORE INTO lsh (band_key, article_id) SELECT band_key, article_id FROM lsh_new ORDER BY band_key, article_id`,
			`DROP TABLE lsh_new`, `DELETE FROM meta WHERE key = 'lsh_new'`)
	}
	qs = append(qs, `INSERT INTO meta (key, value) SELECT 'lsh_folded', COALESCE(MAX(id), 0) FROM articles WHERE true
		ON CONFLICT (key) DO NOTHING`)
	for _, q := range qs {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}
