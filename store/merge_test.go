package store

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// speakerState is every table the merge writes, as text.
func speakerState(t *testing.T, db *DB) map[string]string {
	t.Helper()
	out := map[string]string{}
	for table, q := range map[string]string{
		"names":    `SELECT name || '|' || type || '|' || role || '|' || speaker_id FROM names ORDER BY 1`,
		"speakers": `SELECT id || '|' || key || '|' || name || '|' || quotes || '|' || COALESCE(first, '') || '|' || COALESCE(last, '') || '|' || sources || '|' || live FROM speakers ORDER BY id`,
		"aliases":  `SELECT speaker_id || '|' || alias FROM speaker_aliases ORDER BY 1`,
		"roles":    `SELECT speaker_id || '|' || role || '|' || COALESCE(first, '') || '|' || count FROM speaker_roles ORDER BY 1`,
		"counts":   `SELECT speaker_id || '|' || source || '|' || dkey || '|' || n FROM speaker_counts WHERE n != 0 ORDER BY 1`,
		"quotes":   `SELECT id || '|' || COALESCE(speaker_id, 'null') FROM quotes ORDER BY id`,
	} {
		rows, err := db.sql.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			lines = append(lines, s)
		}
		rows.Close()
		out[table] = strings.Join(lines, "\n")
	}
	return out
}

// A merge stopped between its transactions (names recorded, some
// quotations assigned, the per-speaker counting set aside) is finished by
// the next one, with the result of a merge that ran through; and a batch
// stored while it ran leaves the corpus marked for another merge.
func TestMergeResumes(t *testing.T) {
	ctx := context.Background()
	whole := openTest(t)
	ingest(t, whole, "testdata/news.jsonl")
	want := speakerState(t, whole)

	defer func(n int64) { assignChunk, afterAssign = n, nil }(assignChunk)
	assignChunk = 3
	chunks := 0
	stop := errors.New("stopped")
	afterAssign = func(int64) error {
		if chunks++; chunks == 4 {
			return stop
		}
		return nil
	}
	db := openTest(t)
	if _, err := db.Ingest(ctx, []string{"testdata/news.jsonl"}, IngestOptions{Workers: 1, Batch: 1}); !errors.Is(err, stop) {
		t.Fatalf("ingest: %v, want the merge stopped", err)
	}
	assigned := count(t, db, `SELECT COUNT(*) FROM quotes WHERE speaker_id IS NOT NULL`)
	unassigned := count(t, db, `SELECT COUNT(*) FROM quotes WHERE speaker IS NOT NULL AND speaker_id IS NULL`)
	if assigned == 0 || unassigned == 0 {
		t.Fatalf("stopped merge: %d quotations assigned, %d not: want some of each", assigned, unassigned)
	}
	if v, _, _ := metaValue(ctx, db.w, "speakers_stale"); v != "merging" {
		t.Errorf("stopped merge: speakers_stale %q, want merging", v)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM meta WHERE key = 'speaker_counts_aside'`); n != 1 {
		t.Errorf("stopped merge: the counting set aside is not recorded")
	}

	afterAssign = func(int64) error { // a writer's batch meanwhile
		_, err := db.w.Exec(`UPDATE meta SET value = '1' WHERE key = 'speakers_stale'`)
		return err
	}
	if err := db.MergeIfStale(ctx); err != nil {
		t.Fatal(err)
	}
	got := speakerState(t, db)
	for table := range want {
		if got[table] != want[table] {
			t.Errorf("%s after a resumed merge:\n%s\nwant\n%s", table, got[table], want[table])
		}
	}
	checkCounts(t, db, "after a resumed merge")
	if v, _, _ := metaValue(ctx, db.w, "speakers_stale"); v != "1" {
		t.Errorf("a batch stored during the merge: speakers_stale %q, want 1", v)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'speaker_counts_update'`); n != 1 {
		t.Errorf("after the resumed merge the trigger speaker_counts_update is missing")
	}
	if n := indexesPresent(t, db); n != len(deferredIndexes) {
		t.Errorf("after the resumed merge %d of %d deferred indexes exist", n, len(deferredIndexes))
	}
}
