package store

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"chronicle/article"
	"chronicle/dedup"
	"chronicle/extract"
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

// BenchmarkWriter is the writer's share of an ingest alone: the articles of
// CHRONICLE_BENCH_INPUT (JSONL, default the PolNeAR dev inputs), extracted
// before the timer starts, stored in batches of defaultBatch into a new
// database. It reports the writer's time per article, the figure that must
// stay under the extraction's for ingest to keep both cores busy.
func BenchmarkWriter(b *testing.B) {
	input := os.Getenv("CHRONICLE_BENCH_INPUT")
	if input == "" {
		input = polnearDev
	}
	if _, err := os.Stat(input); err != nil {
		b.Skip("no input:", err)
	}
	ctx := context.Background()
	var items []item
	r := &article.Reader{}
	err := article.Process(ctx, r, []string{input}, runtime.GOMAXPROCS(0),
		func(it article.Item) item {
			a, err := it.Load()
			if err != nil {
				return item{where: it.Where, err: err}
			}
			return extracted(item{where: it.Where, art: a, hash: dedup.ContentHash(a.Text)}, extract.Options{})
		},
		func(it item) error { items = append(items, it); return nil })
	if err != nil {
		b.Fatal(err)
	}
	var cpu time.Duration
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		db, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := cpuTime()
		w := db.startWriter(ctx, 0, 0)
		for _, it := range items {
			if err := w.add(it); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := w.close(); err != nil {
			b.Fatal(err)
		}
		if err := db.MergeIfStale(ctx); err != nil {
			b.Fatal(err)
		}
		cpu += cpuTime() - start
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	n := float64(b.N * len(items))
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/n, "ms/article")
	b.ReportMetric(float64(cpu.Microseconds())/1000/n, "cpu-ms/article")
}

// cpuTime is the CPU time (user and system) of the process so far: on a
// shared machine, a steadier measure than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
