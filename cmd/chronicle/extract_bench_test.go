package main

import (
	"context"
	"io"
	"os"
	"testing"
)

// BenchmarkExtractPolNeAR runs the whole extract command (read, extract,
// encode, ordered output) over the PolNeAR dev inputs in ../shared; one op
// is one article. Run with GOMAXPROCS=1 to see the cost per core.
func BenchmarkExtractPolNeAR(b *testing.B) {
	const path = "../../../shared/data/polnear/dev.input.jsonl"
	if _, err := os.Stat(path); err != nil {
		b.Skip("PolNeAR data not present:", err)
	}
	const articles = 84
	c := &extractCmd{Format: "jsonl", Paths: []string{path}}
	b.ResetTimer()
	for b.Loop() {
		if err := c.run(context.Background(), nil, io.Discard, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*articles), "µs/article")
}
