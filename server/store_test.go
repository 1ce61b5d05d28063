package server

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"chronicle/store"
)

// seedsDir is the shared seed articles beside the work tree, "" when absent.
func seedsDir() string {
	d := filepath.Join("..", "..", "shared", "seeds")
	if _, err := os.Stat(d); err != nil {
		return ""
	}
	return d
}

// openStore ingests inputs into a new database in a temp directory.
func openStore(t *testing.T, inputs ...string) *store.DB {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	st, err := db.Ingest(ctx, inputs, store.IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Failed > 0 || st.Stored == 0 {
		t.Fatalf("ingest of %v: %+v", inputs, st)
	}
	return db
}

// serveStore serves db on a loopback port until the test ends and returns
// the base URL.
func serveStore(t *testing.T, db *store.DB, opt Options) string {
	t.Helper()
	return serveCorpus(t, db, opt)
}

// serveCorpus is serveStore for any corpus (a store wrapped to be slow).
func serveCorpus(t *testing.T, db Corpus, opt Options) string {
	t.Helper()
	if opt.FacetWait == 0 {
		opt.FacetWait = time.Minute
	}
	s, err := New(db, opt)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() { done <- Listen(ctx, "127.0.0.1:0", s, func(a net.Addr) { addr <- a }) }()
	var base string
	select {
	case a := <-addr:
		base = "http://" + a.String()
	case err := <-done:
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("shutdown: %v", err)
		}
	})
	return base
}
