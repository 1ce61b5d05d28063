package store

import (
	"context"
	"database/sql"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// An ingest whose index is written by an index process (the chronicle
// binary, as the command line runs it) ends with the same index as one
// written in process, batch after batch of small batches.
func TestIndexProcess(t *testing.T) {
	bin := chronicleBinary(t)
	ctx := context.Background()
	clean := openTest(t)
	ingest(t, clean, fixtures...)
	want := indexState(t, clean)

	path := filepath.Join(t.TempDir(), "c.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	started := 0
	st, err := db.Ingest(ctx, fixtures, IngestOptions{Workers: 2, Batch: 3, IndexCommand: func() *exec.Cmd {
		started++
		return exec.Command(bin, "--db", path, "index-process")
	}})
	if err != nil {
		t.Fatal(err)
	}
	if started != 1 || st.Stored == 0 {
		t.Fatalf("%d index processes started, %d articles stored", started, st.Stored)
	}
	if got := indexState(t, db); got != want {
		t.Errorf("index written by the index process:\n%s\nin process:\n%s", got, want)
	}
	hits, _, err := db.Search(ctx, "school", 0, "")
	if err != nil || len(hits) == 0 {
		t.Errorf("search school: %d hits, %v", len(hits), err)
	}
}

// An index process that fails leaves its work to the ingest, which ends
// with the whole index all the same.
func TestIndexProcessFails(t *testing.T) {
	bin := chronicleBinary(t)
	clean := openTest(t)
	ingest(t, clean, fixtures...)
	want := indexState(t, clean)

	db := openTest(t)
	_, err := db.Ingest(context.Background(), fixtures, IngestOptions{Workers: 2, IndexCommand: func() *exec.Cmd {
		return exec.Command(bin, "no-such-command")
	}})
	if err != nil {
		t.Fatal(err)
	}
	if got := indexState(t, db); got != want {
		t.Errorf("index after the index process failed:\n%s\nin process:\n%s", got, want)
	}
}

// Two catch-ups that both found the index behind (the index process of a
// killed ingest finishing, and the next ingest starting) index each row
// once: each page reads the index's marks again under its write lock. (A
// row indexed twice would not be found twice, as the newer entry of a
// rowid hides the older, but it would cost a segment of the index.)
func TestIndexPageOnce(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "c.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	ingest(t, db, fixtures[0])
	db.Close()
	copyIndex(t, indexPath(path), filepath.Join(dir, "early.fts"))
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	ingest(t, db, fixtures[1:]...)
	want := indexState(t, db)
	db.Close()
	copyIndex(t, filepath.Join(dir, "early.fts"), indexPath(path))
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	// One catch-up holds the index's write lock, its page written and
	// not yet committed, while two more start, each on a connection of its
	// own as another process would.
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
		go func() { errs <- db.indexMissing(ctx, c) }()
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
