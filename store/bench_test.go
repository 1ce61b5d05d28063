package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// The PolNeAR dev inputs in ../shared: 84 articles of 4.5 KB on average.
const polnearDev = "../../shared/data/polnear/dev.input.jsonl"

// BenchmarkIngestPolNeAR is a whole ingest into a new database: reading,
// extraction on GOMAXPROCS workers, the writer, and the speaker merge.
func BenchmarkIngestPolNeAR(b *testing.B) {
	if _, err := os.Stat(polnearDev); err != nil {
		b.Skip("PolNeAR data not present:", err)
	}
	ctx := context.Background()
	n := 0
	for b.Loop() {
		db, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		st, err := db.Ingest(ctx, []string{polnearDev}, IngestOptions{})
		if err != nil {
			b.Fatal(err)
		}
		n += st.Stored
		db.Close()
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}
