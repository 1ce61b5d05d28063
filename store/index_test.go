package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// indexState counts the rows the index finds for a few words, in both
// tables. A row indexed twice is found once (the newer entry of a rowid
// hides the older): segments shows that.
func indexState(t *testing.T, db *DB) string {
	t.Helper()
	var out []string
	for _, table := range []string{"articles_fts", "quotes_fts"} {
		for _, w := range []string{"the", "said", "ferry", "school"} {
			n := count(t, db, fmt.Sprintf(`SELECT COUNT(*) FROM %s WHERE %[1]s MATCH ?`, table), w)
			out = append(out, fmt.Sprintf("%s:%s=%d", table, w, n))
		}
	}
	// The quotations with a speaker token, and with Elin Sandberg's: a
	// deletion with the wrong token would leave the right one behind.
	for _, who := range []string{"w*", whoToken("Elin Sandberg")} {
		n := count(t, db, `SELECT COUNT(*) FROM quotes_fts WHERE quotes_fts MATCH ?`, "who : "+who)
		out = append(out, fmt.Sprintf("quotes_fts:who:%s=%d", who, n))
	}
	return strings.Join(out, " ")
}

// copyIndex copies the index files of the corpus at path from or to dir.
func copyIndex(t *testing.T, from, to string) {
	t.Helper()
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(from + suffix)
		if os.IsNotExist(err) {
			os.Remove(to + suffix)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to+suffix, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.Remove(to + "-shm")
}

// indexBehind makes a corpus of the fixtures whose index holds the first
// only, as an ingest killed after the corpus committed a batch and before
// the index did leaves it, and returns its path.
func indexBehind(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "c.db")
	for i, inputs := range [][]string{fixtures[:1], fixtures[1:]} {
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		ingest(t, db, inputs...)
		db.Close()
		if i == 0 {
			copyIndex(t, indexPath(path), filepath.Join(dir, "early.fts"))
		}
	}
	copyIndex(t, filepath.Join(dir, "early.fts"), indexPath(path))
	return path
}

// An ingest killed after the corpus committed a batch and before the index
// did leaves the index behind; the next ingest indexes what is missing,
// once. The index of an earlier state stands in for that: it is copied
// aside after one ingest and put back after a second.
func TestIndexCatchesUp(t *testing.T) {
	ctx := context.Background()
	clean := openTest(t)
	ingest(t, clean, fixtures...)
	want := indexState(t, clean)
	path := indexBehind(t)

	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := indexState(t, db); got == want {
		t.Fatalf("the restored index is not behind: %s", got)
	}
	if st := ingest(t, db, fixtures...); st.Stored != 0 {
		t.Errorf("the second run stored %d articles again", st.Stored)
	}
	if got := indexState(t, db); got != want {
		t.Errorf("index after catching up:\n%s\nclean ingest:\n%s", got, want)
	}
	hits, _, err := db.Search(ctx, "school", 0, "")
	if err != nil || len(hits) == 0 {
		t.Errorf("search school after catching up: %d hits, %v", len(hits), err)
	}
}

// A corpus opened without its index (copied alone), or with the index of
// another corpus, gets its own, built from its articles.
func TestIndexRebuilt(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	clean := openTest(t)
	ingest(t, clean, fixtures...)
	want := indexState(t, clean)

	path := filepath.Join(dir, "c.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	ingest(t, db, fixtures...)
	db.Close()
	for _, c := range []struct {
		name  string
		spoil func()
	}{
		{"missing", func() {
			if err := removeIndex(path); err != nil {
				t.Fatal(err)
			}
		}},
		{"another corpus's", func() {
			other := filepath.Join(dir, "other.db")
			o, err := Open(ctx, other)
			if err != nil {
				t.Fatal(err)
			}
			ingest(t, o, fixtures[0])
			o.Close()
			copyIndex(t, indexPath(other), indexPath(path))
		}},
	} {
		c.spoil()
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if got := indexState(t, db); got != want {
			t.Errorf("%s index, after Open:\n%s\nclean ingest:\n%s", c.name, got, want)
		}
		db.Close()
	}
}

// A re-extraction replaces quotations and moves an article whose day
// changed; the indexer deletes the old entries and adds the new, so the
// index ends as a clean ingest's, and the moved article is found.
func TestReextractKeepsIndex(t *testing.T) {
	ctx := context.Background()
	clean := openTest(t)
	ingest(t, clean, fixtures...)
	want := indexState(t, clean)

	db := openTest(t)
	ingest(t, db, fixtures...)
	// "Budget talks resume" as if an older extractor had dated it a year
	// early: the corpus and its index entry both on that day.
	var id, fkey int64
	var title, text string
	if err := db.w.QueryRow(`SELECT id, fkey, title, text FROM articles WHERE input_id = 'ledger-0320'`).Scan(&id, &fkey, &title, &text); err != nil {
		t.Fatal(err)
	}
	if _, err := db.w.Exec(`UPDATE articles SET published = '2023-03-20' WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
	var early int64
	if err := db.w.QueryRow(`SELECT fkey FROM articles WHERE id = ?`, id).Scan(&early); err != nil {
		t.Fatal(err)
	}
	conn, err := db.indexConn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	m, err := readMarks(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	err = writeIndex(ctx, conn, indexBatch{marks: m, articles: []ftsRow{
		{rowid: fkey, del: true, title: title, text: text}, {rowid: early, title: title, text: text}}})
	conn.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.w.Exec(`UPDATE articles SET extractor_version = '0.0.0'`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Reextract(ctx, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	if got := indexState(t, db); got != want {
		t.Errorf("index after re-extraction:\n%s\nclean ingest:\n%s", got, want)
	}
	hits, _, err := db.Search(ctx, `"budget talks"`, 0, "")
	if err != nil || len(hits) == 0 || hits[len(hits)-1].Published == nil || *hits[len(hits)-1].Published != "2024-03-20" {
		t.Errorf("search for the moved article: %+v, %v", hits, err)
	}
	checkIndex(t, db)
	// Rebuilt from the corpus, whose search log still lists the move, the
	// index holds the moved article once: the catch-up reads it once.
	want2, err := corpusMarks(ctx, db.w)
	if err != nil {
		t.Fatal(err)
	}
	b, err := db.missing(ctx, marks{}, want2, 0)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int64]bool{}
	for _, r := range b.articles {
		if seen[r.rowid] {
			t.Errorf("a rebuild reads the article of date key %d twice", r.rowid)
		}
		seen[r.rowid] = true
	}
	if n := count(t, db, `SELECT COUNT(*) FROM search_log`); n == 0 {
		t.Error("the search log is empty: the rebuild tests nothing")
	}
	db.Close()
	if err := removeIndex(db.path); err != nil {
		t.Fatal(err)
	}
	if db, err = Open(ctx, db.path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := indexState(t, db); got != want {
		t.Errorf("index rebuilt after the re-extraction:\n%s\nclean ingest:\n%s", got, want)
	}
	checkIndex(t, db)
}

// checkIndex runs FTS5's integrity check on both tables of the index, and
// checks that no row was indexed twice (FTS5 does not see that in a
// contentless table: its queries show the row once).
func checkIndex(t *testing.T, db *DB) {
	t.Helper()
	conn, err := db.idx.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, table := range []string{"articles_fts", "quotes_fts"} {
		var twice int
		_, err := conn.ExecContext(context.Background(), `CREATE VIRTUAL TABLE IF NOT EXISTS temp.`+table+`_terms USING fts5vocab(main, `+table+`, 'instance')`)
		if err == nil {
			err = conn.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM (SELECT 1 FROM temp.`+table+`_terms
				GROUP BY term, doc, col, offset HAVING COUNT(*) > 1)`).Scan(&twice)
		}
		if err != nil {
			t.Fatal(err)
		}
		if twice > 0 {
			t.Errorf("%s: %d term positions indexed twice", table, twice)
		}
	}
	for _, q := range []string{`INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 0)`,
		`INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 0)`} {
		if _, err := db.idx.Exec(q); err != nil {
			t.Errorf("%s: %v", q, err)
		}
	}
}

// removeIndex deletes the index files of the corpus at path.
func removeIndex(path string) error {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(indexPath(path) + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

// writeRows adds rows to a table of db's index in one transaction.
func writeRows(t *testing.T, db *DB, table string, cols []string, rows []ftsRow) {
	t.Helper()
	ctx := context.Background()
	conn, err := db.indexConn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if err := indexRows(ctx, tx, table, cols, rows); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// A batch goes into the index as one segment per table, however many rows
// it has, up to the parameter limit per INSERT; a deletion among the rows
// (a re-extracted quotation) is applied in rowid order.
func TestIndexRowsFewSegments(t *testing.T) {
	db := openTest(t)
	cols := []string{"text"}
	writeRows(t, db, "quotes_fts", cols, []ftsRow{{rowid: 500, text: "an old ferry timetable"}})
	perInsert := maxVariables / 2
	var rows []ftsRow
	for i := range perInsert + 100 {
		rows = append(rows, ftsRow{rowid: int64(1000 + 2*i), text: fmt.Sprintf("the ferry number %d sails", i)})
	}
	rows = append(rows, ftsRow{rowid: 500, del: true, text: "an old ferry timetable"})
	writeRows(t, db, "quotes_fts", cols, rows)

	if n := count(t, db, `SELECT COUNT(*) FROM quotes_fts WHERE quotes_fts MATCH 'ferry'`); n != perInsert+100 {
		t.Errorf("%d rows match ferry, want %d", n, perInsert+100)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM quotes_fts WHERE quotes_fts MATCH 'timetable'`); n != 0 {
		t.Errorf("the deleted row still matches: %d", n)
	}
	// The first write's segment, the deletion's, and two INSERTs.
	if n := count(t, db, `SELECT COUNT(DISTINCT segid) FROM search.quotes_fts_idx`); n > 4 {
		t.Errorf("the index has %d segments, want at most 4", n)
	}
}

// Long rows go in several INSERTs (maxInsertBytes), every one indexed.
func TestIndexRowsLongTexts(t *testing.T) {
	db := openTest(t)
	filler := strings.Repeat("harbour pilots board the incoming vessels at dawn ", 5000) // 250 KB
	var rows []ftsRow
	for i := range 12 {
		rows = append(rows, ftsRow{rowid: int64(100 + i), title: fmt.Sprintf("Report %d", i),
			text: fmt.Sprintf("%s marker%d", filler, i)})
	}
	writeRows(t, db, "articles_fts", []string{"title", "text"}, rows)
	if n := count(t, db, `SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'pilots'`); n != 12 {
		t.Errorf("%d rows match pilots, want 12", n)
	}
	for i := range 12 {
		if n := count(t, db, `SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ?`, fmt.Sprintf("marker%d", i)); n != 1 {
			t.Errorf("marker%d matches %d rows, want 1", i, n)
		}
	}
	if n := count(t, db, `SELECT COUNT(DISTINCT segid) FROM search.articles_fts_idx`); n < 2 {
		t.Errorf("3 MB of text went into %d segment, want one per INSERT of at most a megabyte", n)
	}
}

// Two catch-ups that both found the index behind (an ingest starting
// while a query's Open builds a new index, or two ingests) index each row
// once: each page reads the index's marks again under its write lock. (A
// row indexed twice would not be found twice, as the newer entry of a
// rowid hides the older, but it would cost a segment of the index.)
func TestIndexPageOnce(t *testing.T) {
	ctx := context.Background()
	clean := openTest(t)
	ingest(t, clean, fixtures...)
	want := indexState(t, clean)
	db, err := Open(ctx, indexBehind(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	// One catch-up holds the index's write lock, its page written and
	// not yet committed, while two more start, each on a connection of its
	// own as in another process.
	var conns [3]*sql.Conn
	for i := range conns {
		if conns[i], err = db.indexConn(ctx); err != nil {
			t.Fatal(err)
		}
		defer conns[i].Close()
	}
	before := segments(t, db)
	tx, err := conns[0].BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	have, err := readMarks(ctx, tx)
	if err != nil {
		t.Fatal(err)
	}
	target, err := corpusMarks(ctx, db.w)
	if err != nil {
		t.Fatal(err)
	}
	b, err := db.missing(ctx, have, target, have.articles)
	if err != nil || b.marks.below(target) {
		t.Fatalf("one page of the catch-up reaches %+v of %+v: %v", b.marks, target, err)
	}
	if err := putIndex(ctx, tx, b); err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 2)
	for _, c := range conns[1:] {
		go func() { errs <- db.indexUpTo(ctx, c, target, have.articles) }()
	}
	time.Sleep(300 * time.Millisecond) // the others wait for the lock
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if got := indexState(t, db); got != want {
		t.Errorf("index after three catch-ups at once:\n%s\nwant:\n%s", got, want)
	}
	// One new segment per table, of the one catch-up that wrote.
	if n := segments(t, db); n != before+2 {
		t.Errorf("the index has %d segments, %d before: the rows were indexed more than once", n, before)
	}
}

// segments counts the segments of both full-text tables.
func segments(t *testing.T, db *DB) int {
	t.Helper()
	return count(t, db, `SELECT COUNT(DISTINCT segid) FROM search.articles_fts_idx`) +
		count(t, db, `SELECT COUNT(DISTINCT segid) FROM search.quotes_fts_idx`)
}

// An index of layout 1 (quotations without their speakers' tokens) has its
// quotations' table made anew when the corpus is opened, and only that:
// the articles are not indexed twice, and a speaker's text query works.
func TestIndexLayoutUpgraded(t *testing.T) {
	ctx := context.Background()
	clean := openTest(t)
	ingest(t, clean, fixtures...)
	want := indexState(t, clean)

	path := filepath.Join(t.TempDir(), "c.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	ingest(t, db, fixtures...)
	db.Close()
	old, err := sql.Open("sqlite", indexPath(path))
	if err != nil {
		t.Fatal(err)
	}
	old.SetMaxOpenConns(1)
	for _, q := range []string{
		`ATTACH DATABASE '` + path + `' AS corpus`,
		`DROP TABLE quotes_fts`,
		`CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='', columnsize=0)`,
		`INSERT INTO quotes_fts (rowid, text) SELECT fkey, text FROM corpus.quotes ORDER BY fkey`,
		`DELETE FROM meta WHERE key = 'layout'`,
	} {
		if _, err := old.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	old.Close()

	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := indexState(t, db); got != want {
		t.Errorf("index of layout 1, after Open:\n%s\nclean ingest:\n%s", got, want)
	}
	if layout, _, err := metaValue(ctx, db.idx, "layout"); err != nil || layout != indexLayout {
		t.Errorf("layout %q, %v; want %s", layout, err, indexLayout)
	}
	checkIndex(t, db)
	checkSpeakerAbout(t, db)
}
