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

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
)

// ErrNotFound is wrapped by lookups of IDs that are not in the database.
var ErrNotFound = errors.New("not found")

// DB is a chronicle database. Reads may run from any goroutine while one
// ingest or re-extraction writes: SQLite's write-ahead log lets readers see
// the last committed batch.
type DB struct {
	sql  *sql.DB
	path string
}

// Open opens the database at path, creating it and its schema if needed.
func Open(ctx context.Context, path string) (*DB, error) {
	sdb, err := openPool(path, 32000, 8) // 32 MB of page cache per connection
	if err != nil {
		return nil, err
	}
	db := &DB{sql: sdb, path: path}
	if err := db.migrate(ctx); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return db, nil
}

// openPool opens a pool of at most conns connections, each with a page
// cache of cacheKB.
func openPool(path string, cacheKB, conns int) (*sql.DB, error) {
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
	sdb, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	sdb.SetMaxOpenConns(conns)
	sdb.SetMaxIdleConns(conns)
	return sdb, nil
}

// Close closes the database.
func (db *DB) Close() error { return db.sql.Close() }

func (db *DB) migrate(ctx context.Context) error {
	// A current database needs no write: readers open it while an ingest
	// holds the write lock.
	var v string
	if db.sql.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'schema'`).Scan(&v) == nil && v == strconv.Itoa(schemaVersion) {
		return nil
	}
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	// The version is read again inside the transaction: another process
	// may have migrated meanwhile.
	v = ""
	err = tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'schema'`).Scan(&v)
	if err != nil && !errors.Is(err, sql.ErrNoRows) && !strings.Contains(err.Error(), "no such table") {
		return fmt.Errorf("read schema version: %w", err)
	}
	if n, _ := strconv.Atoi(v); n > schemaVersion {
		return fmt.Errorf("database schema %s is newer than this chronicle's (%d)", v, schemaVersion)
	}
	if v == "1" {
		slog.Info("migrating the database to schema 4: rebuilding the full-text index and counts", "path", db.path)
		for _, q := range migrateV1 {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("migrate from schema 1: %w", err)
			}
		}
	}
	if _, err := tx.ExecContext(ctx, schema); err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	switch v {
	case "1":
		for _, q := range rebuildV1 {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("migrate from schema 1: %w", err)
			}
		}
	case "3":
		slog.Info("migrated the database to schema 4: near-duplicates indexed by original", "path", db.path)
	case "2":
		slog.Info("migrating the database to schema 4: counting quotations per speaker", "path", db.path)
		if _, err := tx.ExecContext(ctx, fillSpeakerCounts); err != nil {
			return fmt.Errorf("migrate from schema 2: %w", err)
		}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('schema', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, strconv.Itoa(schemaVersion))
	if err != nil {
		return fmt.Errorf("record schema version: %w", err)
	}
	return tx.Commit()
}
