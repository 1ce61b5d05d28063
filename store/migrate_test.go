package store

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"chronicle/dedup"
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
	checkVersion(t, old)
	for _, q := range []string{`INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)`,
		`INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)`} {
		if _, err := old.idx.Exec(q); err != nil {
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
	db := migrated(t, fixtures, `DROP TRIGGER speaker_counts_delete`, `DROP TRIGGER speaker_counts_update`,
		`DROP TABLE speaker_counts`, `UPDATE meta SET value = '2' WHERE key = 'schema'`)
	checkCounts(t, db, "after migration from schema 2")
	// The triggers are back: a merge moves counts.
	if err := db.MergeSpeakers(ctx, speakerNamed(t, db, "Elin Sandberg").ID, speakerNamed(t, db, "Jonas Sandberg").ID); err != nil {
		t.Fatal(err)
	}
	checkCounts(t, db, "after a merge on a migrated database")
}

func checkVersion(t *testing.T, db *DB) {
	t.Helper()
	if n := count(t, db, `SELECT COUNT(*) FROM meta WHERE key = 'schema' AND value = ?`, strconv.Itoa(schemaVersion)); n != 1 {
		t.Fatalf("schema version not %d after migration", schemaVersion)
	}
}

// A database of schema 4 kept its full-text index inside; opened now, the
// index moves to its own file, built from the articles, and searches find
// what they found before.
func TestMigrateSchema4(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v4.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	ingest(t, db, fixtures...)
	before, _, err := db.Search(ctx, "ferry", 0, "")
	if err != nil || len(before) == 0 {
		t.Fatalf("search ferry before: %d hits, %v", len(before), err)
	}
	for _, q := range []string{
		`CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='fkey', columnsize=0)`,
		`CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='fkey', columnsize=0)`,
		`INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')`,
		`DROP TABLE search_log`,
		`DELETE FROM meta WHERE key = 'corpus'`,
		`UPDATE meta SET value = '4' WHERE key = 'schema'`} {
		if _, err := db.w.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	if err := removeIndex(path); err != nil {
		t.Fatal(err)
	}
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checkVersion(t, db)
	if n := count(t, db, `SELECT COUNT(*) FROM main.sqlite_master WHERE name LIKE '%_fts%'`); n != 0 {
		t.Errorf("%d full-text tables left in the corpus", n)
	}
	after, _, err := db.Search(ctx, "ferry", 0, "")
	if err != nil || len(after) != len(before) {
		t.Errorf("search ferry after migration: %d hits (%v), want %d", len(after), err, len(before))
	}
	for i := range min(len(before), len(after)) {
		if before[i].Snippet != after[i].Snippet || before[i].ArticleID != after[i].ArticleID {
			t.Errorf("hit %d: %+v after, %+v before", i, after[i], before[i])
		}
	}
}

// Databases of schemas 5 and 6 kept every band key in tables: in lsh, and
// from schema 6 the newer ones in lsh_new. Opened now, lsh has them all,
// none is read back as recent, and an original finds its copy's keys.
func TestMigrateBandKeys(t *testing.T) {
	defer func(n int) { lshFoldRows = n }(lshFoldRows)
	for _, c := range []struct {
		schema     string
		statements []string
	}{
		{"5", nil},
		{"6", []string{`CREATE TABLE lsh_new (band_key INTEGER NOT NULL, article_id INTEGER NOT NULL,
			PRIMARY KEY (band_key, article_id)) WITHOUT ROWID`, `INSERT INTO lsh_new SELECT * FROM lsh`, `DELETE FROM lsh`}},
	} {
		t.Run("schema "+c.schema, func(t *testing.T) {
			copyPath, originalPath := copyAndOriginal(t)
			lshFoldRows = 1 // the copy's keys go to lsh, as the old schemas kept them
			db := migrated(t, []string{copyPath}, append(c.statements, `DELETE FROM meta WHERE key = 'lsh_folded'`,
				`UPDATE meta SET value = '`+c.schema+`' WHERE key = 'schema'`)...)
			lshFoldRows = 1 << 20
			if n, r := count(t, db, `SELECT COUNT(*) FROM lsh`), recentOf(t, db).keys; n != dedup.Bands || r != 0 {
				t.Errorf("after migration: %d band keys in lsh, %d recent; want %d and 0", n, r, dedup.Bands)
			}
			if n := count(t, db, `SELECT COUNT(*) FROM sqlite_master WHERE name = 'lsh_new'`); n != 0 {
				t.Error("lsh_new is still there")
			}
			if st := ingest(t, db, originalPath); st.NearDuplicates != 1 {
				t.Errorf("ingest of the original after migration: %+v, want one near-duplicate", st)
			}
			if n := bandKeys(t, db, "wire-0312"); n != 0 {
				t.Errorf("the demoted copy keeps %d band keys", n)
			}
		})
	}
}

// migrated makes a database of inputs, turns it into one of an older
// schema with statements, and opens it again, which migrates it.
func migrated(t *testing.T, inputs []string, statements ...string) *DB {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	ingest(t, db, inputs...)
	for _, q := range statements {
		if _, err := db.w.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	checkVersion(t, db)
	return db
}

// A database of schema 8 has quotes_speaker without the role; opened now,
// the index is made anew with it, and the merge reads the stale speakers'
// roles from the index alone.
func TestMigrateSchema8(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v8.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	ingest(t, db, fixtures...)
	for _, q := range []string{`DROP INDEX quotes_speaker`,
		`CREATE INDEX quotes_speaker ON quotes(speaker_id, dkey, id) WHERE dup = 0`,
		`UPDATE meta SET value = '8' WHERE key = 'schema'`} {
		if _, err := db.w.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checkVersion(t, db)
	if n := count(t, db, `SELECT COUNT(*) FROM sqlite_master WHERE name = 'quotes_speaker' AND sql LIKE '%speaker_role%'`); n != 1 {
		t.Error("quotes_speaker has no role after the migration")
	}
	if plan := queryPlan(t, db.w, staleRoles); !strings.Contains(plan, "COVERING INDEX quotes_speaker") {
		t.Errorf("the stale speakers' roles are read by %q, want the covering quotes_speaker", plan)
	}
}
