package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// testdata/schema1.db is news.jsonl and school.jsonl ingested by the
// chronicle of schema 1 (before date keys and quotation counts). Opened
// now, it migrates, and after re-extraction answers as a database made by
// this chronicle does.
func TestMigrateSchema1(t *testing.T) {
	ctx := context.Background()
	b, err := os.ReadFile("testdata/schema1.db")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old.db")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	old, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if n := count(t, old, `SELECT COUNT(*) FROM meta WHERE key = 'schema' AND value = '4'`); n != 1 {
		t.Fatal("schema version not 4 after migration")
	}
	for _, q := range []string{`INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)`,
		`INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)`} {
		if _, err := old.sql.Exec(q); err != nil {
			t.Errorf("%s: %v", q, err)
		}
	}
	checkCounts(t, old, "after migration")
	// The schema-1 database was made by an older extractor; once its
	// articles are re-extracted it must answer as a fresh one does.
	if _, err := old.Reextract(ctx, IngestOptions{}); err != nil {
		t.Fatal(err)
	}

	fresh := openTest(t)
	ingest(t, fresh, "testdata/news.jsonl", "testdata/school.jsonl")
	for _, f := range []QuoteFilter{{}, {About: "quotas"}, {About: "ferry", Since: "2024-03-01"}, {Speaker: "Elin Sandberg"}} {
		a, _, err1 := old.Quotes(ctx, f)
		b, _, err2 := fresh.Quotes(ctx, f)
		if err1 != nil || err2 != nil || len(a) != len(b) || len(a) == 0 {
			t.Errorf("quotes %+v: %d migrated (%v), %d fresh (%v)", f, len(a), err1, len(b), err2)
		}
	}
	for _, q := range []string{"ferry", "quotas"} {
		a, _, err1 := old.Search(ctx, q, 0, "")
		b, _, err2 := fresh.Search(ctx, q, 0, "")
		if err1 != nil || err2 != nil || len(a) != len(b) || len(a) == 0 {
			t.Errorf("search %q: %d migrated (%v), %d fresh (%v)", q, len(a), err1, len(b), err2)
		}
	}
	fa, err1 := old.Facets(ctx, QuoteFilter{})
	fb, err2 := fresh.Facets(ctx, QuoteFilter{})
	if err1 != nil || err2 != nil || fa.Total != fb.Total || len(fa.Months) != len(fb.Months) {
		t.Errorf("facets: migrated %+v (%v), fresh %+v (%v)", fa, err1, fb, err2)
	}
}

// A database of schema 2 (one of today's without speaker_counts) gets the
// table, filled from its quotations, and its triggers when opened.
func TestMigrateSchema2(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v2.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	ingest(t, db, fixtures...)
	for _, q := range []string{`DROP TRIGGER speaker_counts_delete`, `DROP TRIGGER speaker_counts_update`,
		`DROP TABLE speaker_counts`, `UPDATE meta SET value = '2' WHERE key = 'schema'`} {
		if _, err := db.sql.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n := count(t, db, `SELECT COUNT(*) FROM meta WHERE key = 'schema' AND value = '4'`); n != 1 {
		t.Fatal("schema version not 4 after migration")
	}
	checkCounts(t, db, "after migration from schema 2")
	// The triggers are back: a merge moves counts.
	if err := db.MergeSpeakers(ctx, speakerNamed(t, db, "Elin Sandberg").ID, speakerNamed(t, db, "Jonas Sandberg").ID); err != nil {
		t.Fatal(err)
	}
	checkCounts(t, db, "after a merge on a migrated database")
}
