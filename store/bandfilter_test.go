package store

import (
	"context"
	"database/sql"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chronicle/dedup"
)

// The filter never misses a key it was given, and passes few others: a
// false positive costs a query, so the rate sets how many articles the
// writer still looks up in vain.
func TestBandFilterFalsePositives(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const n = minBandKeys
	f := newBandFilter(n)
	given := make([]uint64, n)
	for i := range given {
		given[i] = r.Uint64()
	}
	f.add(given)
	for _, k := range given {
		if !f.mayHave([]uint64{k}) {
			t.Fatalf("key %x given, then missed", k)
		}
	}
	pass := 0
	const tries = 1000000
	for range tries {
		if f.mayHave([]uint64{r.Uint64()}) {
			pass++
		}
	}
	// About 1 in 1,000 (measured 0.00092), as the filter's comment says.
	if rate := float64(pass) / tries; rate > 1.0/700 {
		t.Errorf("false positive rate %.5f at capacity, want at most 1/700", rate)
	} else {
		t.Logf("false positive rate %.5f at capacity", rate)
	}
}

// keysOf returns the band keys of an article's stored signature.
func keysOf(t *testing.T, db *DB, inputID string) []uint64 {
	t.Helper()
	var b []byte
	if err := db.w.QueryRow(`SELECT signature FROM articles WHERE input_id = ?`, inputID).Scan(&b); err != nil {
		t.Fatal(err)
	}
	sig, err := dedup.Unmarshal(b)
	if err != nil || len(sig.Bands()) == 0 {
		t.Fatalf("signature of %s: %v, %d band keys", inputID, err, len(sig.Bands()))
	}
	return sig.Bands()
}

// syncFilter runs bandMemo.sync in a transaction of its own, as a batch
// does, and commits it.
func syncFilter(t *testing.T, db *DB, b *bandMemo) *bandFilter {
	t.Helper()
	ctx := context.Background()
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	f, _, err := b.sync(ctx, tx)
	if err != nil {
		t.Fatal(err)
	}
	var top int64
	if err := tx.QueryRow(`SELECT MAX(id) FROM articles`).Scan(&top); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	b.committed(0, top)
	return f
}

// articlesOf writes the articles of news.jsonl with the given IDs, in
// that order, to a file of their own.
func articlesOf(t *testing.T, ids ...string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/news.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var out []byte
	for _, id := range ids {
		n := len(out)
		for _, l := range strings.Split(string(b), "\n") {
			if strings.Contains(l, `"id": "`+id+`"`) {
				out = append(out, l+"\n"...)
			}
		}
		if len(out) == n {
			t.Fatalf("%s not in news.jsonl", id)
		}
	}
	p := filepath.Join(t.TempDir(), "articles.jsonl")
	if err := os.WriteFile(p, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// A filter made before another writer stored articles is not used after:
// the other writer's band keys are not in it, and a copy of its articles
// would go unnoticed.
func TestBandFilterStale(t *testing.T) {
	db := openTest(t)
	ingest(t, db, articlesOf(t, "wire-0312"))
	memo := &bandMemo{built: true}
	f := syncFilter(t, db, memo)
	if f == nil || !f.mayHave(keysOf(t, db, "wire-0312")) {
		t.Fatal("the filter does not have the stored article's band keys")
	}
	ingest(t, db, articlesOf(t, "ledger-0320")) // another writer
	keys := keysOf(t, db, "ledger-0320")
	if n := bandKeys(t, db, "ledger-0320"); n != len(keys) {
		t.Fatalf("ledger-0320 has %d band keys stored, want %d", n, len(keys))
	}
	if f.mayHave(keys) {
		t.Fatal("the old filter passes the new article's keys: the case tests nothing")
	}
	if g := syncFilter(t, db, memo); g == nil || g == f || !g.mayHave(keys) {
		t.Errorf("after another writer, sync returned %p (the old one is %p), which does not have its band keys", g, f)
	}
}

// A full filter grows by a layer, and keeps every key.
func TestBandFilterGrows(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	f := newBandFilter(0)
	given := make([]uint64, 3*minBandKeys+1)
	for i := range given {
		given[i] = r.Uint64()
	}
	f.add(given)
	if len(f.layers) != 3 || f.keys != len(given) {
		t.Errorf("%d keys in %d layers, want %d in 3 (of 1, 1 and 2 million)", f.keys, len(f.layers), len(given))
	}
	for _, k := range given {
		if !f.mayHave([]uint64{k}) {
			t.Fatalf("key %x given, then missed", k)
		}
	}
	if mib := f.bytes() >> 20; mib != 8 {
		t.Errorf("%d MiB, want 8 (16 bits a key for 4 million)", mib)
	}
}

// A small ingest into a large corpus looks its articles up without a
// filter (reading every band key back would cost it more than it saves);
// a run that has looked up enough builds one.
func TestBandFilterEarned(t *testing.T) {
	db := openTest(t)
	ingest(t, db, "testdata/news.jsonl")
	top := count(t, db, `SELECT MAX(id) FROM articles`)
	memo := &bandMemo{}
	if f := syncFilter(t, db, memo); f != nil {
		t.Fatal("a filter before the run has looked anything up")
	}
	memo.committed((top+bandScanShare-1)/bandScanShare, int64(top))
	if f := syncFilter(t, db, memo); f == nil {
		t.Errorf("no filter after %d lookups in a corpus of %d articles", memo.lookups, top)
	}
}

// Within one run, the filter carries the band keys of earlier batches: a
// copy in the second batch finds its original of the first.
func TestBandFilterAcrossBatches(t *testing.T) {
	db := openTest(t)
	st, err := db.Ingest(context.Background(), []string{articlesOf(t, "coast-0311", "wire-0312")}, IngestOptions{Workers: 1, Batch: 1})
	if err != nil || st.NearDuplicates != 1 {
		t.Fatalf("ingest: %+v, %v; want one near-duplicate", st, err)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM articles WHERE input_id = 'wire-0312' AND duplicate_of IS NOT NULL`); n != 1 {
		t.Error("the copy is not linked to its original")
	}
}

// benchTx opens the database named by CHRONICLE_BENCH_DB and begins a
// transaction on it, rolled back at the end of the benchmark.
func benchTx(b *testing.B) (*sql.Tx, int64) {
	db := openBench(b)
	tx, err := db.w.BeginTx(context.Background(), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { tx.Rollback() })
	var top int64
	if err := tx.QueryRow(`SELECT MAX(id) FROM articles`).Scan(&top); err != nil {
		b.Fatal(err)
	}
	return tx, top
}

// BenchmarkBandFilterLoad measures reading every band key of the database
// named by CHRONICLE_BENCH_DB into a filter, what a run pays once it has
// earned the filter (bandScanShare).
//
//	CHRONICLE_BENCH_DB=/tmp/1m.db go test ./store -run '^$' -bench BandFilterLoad -benchtime 1x
func BenchmarkBandFilterLoad(b *testing.B) {
	tx, top := benchTx(b)
	var f *bandFilter
	var err error
	for range b.N {
		if f, err = loadBandFilter(context.Background(), tx, top, newRecentBands()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(f.keys), "keys")
	b.ReportMetric(float64(f.bytes())/(1<<20), "MiB")
}

// BenchmarkBandLookup measures looking up the band keys of an article that
// copies nothing, on the database named by CHRONICLE_BENCH_DB, with the
// query and with a filter.
//
//	CHRONICLE_BENCH_DB=/tmp/1m.db go test ./store -run '^$' -bench BandLookup -benchtime 2000x
func BenchmarkBandLookup(b *testing.B) {
	tx, top := benchTx(b)
	ctx := context.Background()
	st, err := prepareBatch(ctx, tx)
	if err != nil {
		b.Fatal(err)
	}
	st.recent = newRecentBands()
	r := rand.New(rand.NewPCG(3, 4))
	keys := make([]uint64, dedup.Bands)
	sig := make(dedup.Signature, dedup.Hashes)
	b.Run("query", func(b *testing.B) {
		for range b.N {
			for i := range keys {
				keys[i] = r.Uint64()
			}
			if m, err := st.original(ctx, sig, keys); err != nil || m != nil {
				b.Fatal(m, err)
			}
		}
	})
	f, err := loadBandFilter(ctx, tx, top, newRecentBands())
	if err != nil {
		b.Fatal(err)
	}
	b.Run("filter", func(b *testing.B) {
		passed := 0
		for range b.N {
			for i := range keys {
				keys[i] = r.Uint64()
			}
			if f.mayHave(keys) {
				passed++
			}
		}
		b.ReportMetric(float64(passed)/float64(b.N), "passed/op")
	})
}
