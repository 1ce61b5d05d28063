package main

import (
	"context"
	"io"
	"os"
	"testing"

	"chronicle/article"
	"chronicle/extract"
)

// The benchmarks run over the PolNeAR dev inputs in ../shared (84 articles,
// 4.5 KB each on average) and report the cost per article; run them with
// GOMAXPROCS=1 to see the cost per core.
const (
	polnearDev      = "../../../shared/data/polnear/dev.input.jsonl"
	polnearArticles = 84
)

func needPolNeAR(b *testing.B) {
	if _, err := os.Stat(polnearDev); err != nil {
		b.Skip("PolNeAR data not present:", err)
	}
}

func perArticle(b *testing.B) {
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*polnearArticles), "µs/article")
}

// BenchmarkExtractPolNeAR is the whole extract command: read, extract,
// encode, ordered output.
func BenchmarkExtractPolNeAR(b *testing.B) {
	needPolNeAR(b)
	c := parseExtract(b, polnearDev)
	for b.Loop() {
		if err := c.run(context.Background(), nil, io.Discard, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	perArticle(b)
}

// BenchmarkReadPolNeAR is the reading part alone: JSONL decoding and the
// ordered worker pool, with no extraction.
func BenchmarkReadPolNeAR(b *testing.B) {
	needPolNeAR(b)
	for b.Loop() {
		err := article.Process(context.Background(), &article.Reader{}, []string{polnearDev}, 1,
			func(it article.Item) int { return len(it.Article.Text) },
			func(int) error { return nil })
		if err != nil {
			b.Fatal(err)
		}
	}
	perArticle(b)
}

// BenchmarkEncodePolNeAR is the JSON encoding of the records alone.
func BenchmarkEncodePolNeAR(b *testing.B) {
	needPolNeAR(b)
	var recs []extract.Record
	err := article.Walk(context.Background(), []string{polnearDev}, func(it article.Item) error {
		recs = append(recs, extract.Article(it.Article, extract.Options{}))
		return it.Err
	})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		for _, r := range recs {
			if _, err := encodeRecord(r); err != nil {
				b.Fatal(err)
			}
		}
	}
	perArticle(b)
}
