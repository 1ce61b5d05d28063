package store

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// chronicleBinary builds cmd/chronicle once for the tests that run it.
func chronicleBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "chronicle-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "chronicle")
		out, err := exec.Command("go", "build", "-o", binPath, "../cmd/chronicle").CombinedOutput()
		if err != nil {
			buildErr = err
			t.Logf("%s", out)
		}
	})
	if buildErr != nil {
		t.Fatal("build:", buildErr)
	}
	return binPath
}

// corpusState is what must be equal between a clean ingest and a killed
// and resumed one.
type corpusState struct {
	articles, quotes, hashes, duplicates, speakers int
	inputs                                         string
	index                                          string // entries of a few words in the full-text index
}

func state(t *testing.T, db *DB) corpusState {
	t.Helper()
	var ids []string
	rows, err := db.sql.Query(`SELECT input_id || ':' || (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id) FROM articles a`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var s string
		rows.Scan(&s)
		ids = append(ids, s)
	}
	rows.Close()
	slices.Sort(ids)
	return corpusState{
		articles:   count(t, db, `SELECT COUNT(*) FROM articles`),
		quotes:     count(t, db, `SELECT COUNT(*) FROM quotes`),
		hashes:     count(t, db, `SELECT COUNT(DISTINCT content_hash) FROM articles`),
		duplicates: count(t, db, `SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL`),
		speakers:   count(t, db, `SELECT COUNT(*) FROM speakers WHERE live = 1`),
		inputs:     strings.Join(ids, " "),
		index:      indexState(t, db),
	}
}

func integrity(t *testing.T, path string) {
	t.Helper()
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ok string
	if err := db.sql.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity check: %q, %v", ok, err)
	}
	// The full-text indexes agree with their tables.
	for _, q := range []string{`INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)`,
		`INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)`} {
		if _, err := db.sql.Exec(q); err != nil {
			t.Errorf("%s: %v", q, err)
		}
	}
}

// TestKillDuringIngest kills `chronicle ingest` with SIGKILL once some
// batches are committed, checks the database, runs the same command again
// and expects what a clean ingest stores: no article lost, none twice.
func TestKillDuringIngest(t *testing.T) {
	bin := chronicleBinary(t)
	const n = 2000
	corpus := writeCorpus(t, n)
	dir := t.TempDir()

	ref := filepath.Join(dir, "ref.db")
	if out, err := exec.Command(bin, "--db", ref, "ingest", corpus).CombinedOutput(); err != nil {
		t.Fatalf("clean ingest: %v\n%s", err, out)
	}
	refDB, err := Open(context.Background(), ref)
	if err != nil {
		t.Fatal(err)
	}
	want := state(t, refDB)
	refDB.Close()
	if want.articles != n {
		t.Fatalf("clean ingest stored %d articles, want %d", want.articles, n)
	}

	path := filepath.Join(dir, "killed.db")
	for round := range 2 { // killed twice, at different points
		cmd := exec.Command(bin, "--db", path, "ingest", "--batch", "100", corpus)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		stored := waitForArticles(t, path, 300+round*600)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		integrity(t, path)
		db, err := Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		got := count(t, db, `SELECT COUNT(*) FROM articles`)
		if n := count(t, db, `SELECT COUNT(*) FROM meta WHERE key = 'deferred_indexes'`); n != 1 {
			t.Errorf("round %d: the killed first ingest left no record of its deferred indexes", round)
		}
		// Every stored article has all its quotations: batches are whole.
		clean := map[string]bool{}
		for _, s := range strings.Fields(want.inputs) {
			clean[s] = true
		}
		for _, s := range strings.Fields(state(t, db).inputs) {
			if !clean[s] {
				t.Errorf("after the kill, article:quotations %s differs from the clean ingest", s)
			}
		}
		db.Close()
		if got < stored || got >= n {
			t.Fatalf("round %d: %d articles after the kill (saw %d before it), want some but not all of %d", round, got, stored, n)
		}
		t.Logf("round %d: killed with %d of %d articles stored", round, got, n)
	}
	out, err := exec.Command(bin, "--db", path, "ingest", corpus).CombinedOutput()
	if err != nil {
		t.Fatalf("resumed ingest: %v\n%s", err, out)
	}
	integrity(t, path)
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// The killed runs were the database's first ingest: the resumed one
	// built the indexes they had deferred.
	if n := indexesPresent(t, db); n != len(deferredIndexes) {
		t.Errorf("after the resumed ingest %d of %d deferred indexes exist", n, len(deferredIndexes))
	}
	if got := state(t, db); got != want {
		t.Errorf("after kill and resume:\n%+v\nclean ingest:\n%+v", summary(got), summary(want))
	}
}

func summary(s corpusState) corpusState {
	s.inputs = s.inputs[:min(80, len(s.inputs))] + "..."
	return s
}

// waitForArticles polls the database until it holds at least n articles.
func waitForArticles(t *testing.T, path string, n int) int {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		if _, err := os.Stat(path); err != nil {
			continue
		}
		db, err := Open(context.Background(), path)
		if err != nil {
			continue
		}
		var got int
		err = db.sql.QueryRow(`SELECT COUNT(*) FROM articles`).Scan(&got)
		db.Close()
		if err == nil && got >= n {
			return got
		}
	}
	t.Fatalf("no %d articles within a minute", n)
	return 0
}
