package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// queryPlan is SQLite's plan of q, its steps joined by "; ".
func queryPlan(t *testing.T, db interface {
	Query(string, ...any) (*sql.Rows, error)
}, q string) string {
	t.Helper()
	rows, err := db.Query(`EXPLAIN QUERY PLAN ` + q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var steps []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		steps = append(steps, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(steps, "; ")
}

// indexesPresent counts the deferred indexes in the schema.
func indexesPresent(t *testing.T, db *DB) int {
	t.Helper()
	return count(t, db, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN ('`+
		strings.Join(deferredIndexes, "', '")+`')`)
}

// TestFirstIngestDefersIndexes watches the quotation indexes during two
// ingests: the first, into an empty database, goes without them and builds
// them at the end; the second, into a database with quotations, keeps them.
func TestFirstIngestDefersIndexes(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	watch := func(inputs ...string) (lo, hi int) {
		lo = len(deferredIndexes)
		_, err := db.Ingest(ctx, inputs, IngestOptions{Workers: 1, Batch: 1, OnItem: func(string, error) {
			n := indexesPresent(t, db)
			lo, hi = min(lo, n), max(hi, n)
		}})
		if err != nil {
			t.Fatal(err)
		}
		return lo, hi
	}
	if lo, hi := watch("testdata/news.jsonl"); lo != 0 || hi != 0 {
		t.Errorf("first ingest: %d to %d of the deferred indexes present while it ran, want none", lo, hi)
	}
	if n := indexesPresent(t, db); n != len(deferredIndexes) {
		t.Errorf("after the first ingest %d of %d deferred indexes exist", n, len(deferredIndexes))
	}
	// The merge after a first ingest sets the per-speaker counting trigger
	// aside (merge.go); it must be back.
	if n := count(t, db, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'speaker_counts_update'`); n != 1 {
		t.Errorf("after the first ingest the trigger speaker_counts_update is missing")
	}
	if n := count(t, db, `SELECT COUNT(*) FROM meta WHERE key = 'deferred_indexes'`); n != 0 {
		t.Errorf("the deferral is still recorded after the ingest")
	}
	if lo, _ := watch("testdata/notes.txt"); lo != len(deferredIndexes) {
		t.Errorf("second ingest: only %d of the indexes present while it ran, want all %d", lo, len(deferredIndexes))
	}
	// The rebuilt indexes serve the queries that need them.
	plan := queryPlan(t, db.sql, `SELECT id FROM quotes q WHERE q.speaker_id = 1 AND q.dup = 0 ORDER BY q.dkey, q.id`)
	if !strings.Contains(plan, "quotes_speaker") {
		t.Errorf("a speaker's quotations are read by %q, want quotes_speaker", plan)
	}
}

// An ingest tells of the steps of its end (OnStep), in order: the merge,
// the assignment chunk by chunk, the recount, the index builds of a first
// ingest, each index once and all of them; a later ingest with nothing new
// has no steps.
func TestIngestSteps(t *testing.T) {
	defer func(n int64) { assignChunk = n }(assignChunk)
	assignChunk = 8
	db := openTest(t)
	ctx := context.Background()
	var steps []string
	run := func() {
		steps = nil
		_, err := db.Ingest(ctx, fixtures, IngestOptions{Workers: 2, OnStep: func(s string) { steps = append(steps, s) }})
		if err != nil {
			t.Fatal(err)
		}
	}
	run()
	chunks := (count(t, db, `SELECT MAX(id) - MIN(id) FROM quotes`) + 8) / 8
	if chunks < 3 {
		t.Fatalf("%d chunks of assignment: the case tests little", chunks)
	}
	want := []string{"merging speakers", "assigning quotations to speakers"}
	for k := 1; k <= chunks; k++ {
		want = append(want, fmt.Sprintf("assigning quotations to speakers (%d of %d)", k, chunks))
	}
	want = append(want, "recomputing speakers")
	for i, name := range deferredIndexes {
		want = append(want, fmt.Sprintf("building index %s (%d of %d)", name, i+1, len(deferredIndexes)))
	}
	if !slices.Equal(steps, want) {
		t.Errorf("steps of a first ingest:\n%s\nwant\n%s", strings.Join(steps, "\n"), strings.Join(want, "\n"))
	}
	run()
	if len(steps) != 0 {
		t.Errorf("an ingest of nothing new told of steps %q", steps)
	}
}

// The merge reads the names of unassigned quotations through their index
// once it exists (SQLite would pick the name index and read every
// quotation's row), and in one pass over the table before.
func TestNewNamesPlan(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	plan := func() string {
		tx, err := db.w.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		q, err := newNamesQuery(ctx, tx)
		if err != nil {
			t.Fatal(err)
		}
		return queryPlan(t, tx, q)
	}
	if _, err := db.deferIndexes(ctx); err != nil {
		t.Fatal(err)
	}
	if p := plan(); !strings.Contains(p, "SCAN quotes") || strings.Contains(p, "INDEX") {
		t.Errorf("plan without the deferred indexes: %q, want a scan of the table", p)
	}
	ingest(t, db, fixtures...)
	if p := plan(); !strings.Contains(p, "USING INDEX quotes_unassigned") {
		t.Errorf("plan with the indexes: %q, want quotes_unassigned", p)
	}
}
