package store

import (
	"context"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"
)

// openBench opens the database named by CHRONICLE_BENCH_DB, closed at the
// end of the benchmark, and skips the benchmark without one.
func openBench(b *testing.B) *DB {
	path := os.Getenv("CHRONICLE_BENCH_DB")
	if path == "" {
		b.Skip("CHRONICLE_BENCH_DB not set")
	}
	db, err := Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

// BenchmarkQueries times the queries of the web UI and the CLI on a large
// database named by CHRONICLE_BENCH_DB (for instance one built by
// scripts/bench-store.sh with KEEP=1); it is skipped without one.
//
//	CHRONICLE_BENCH_DB=/tmp/100k.db go test ./store -run '^$' -bench Queries -benchtime 20x
func BenchmarkQueries(b *testing.B) {
	ctx := context.Background()
	db := openBench(b)
	top, _, err := db.Speakers(ctx, SpeakerFilter{Top: 40})
	if err != nil || len(top) < 40 {
		b.Fatalf("speakers: %v (%d)", err, len(top))
	}
	topID, midID := itoa(top[0].ID), itoa(top[39].ID)
	page := func(f QuoteFilter) func() error {
		return func() error {
			f.Limit = 50
			_, _, err := db.Quotes(ctx, f)
			return err
		}
	}
	for _, c := range []struct {
		name string
		do   func() error
	}{
		{"quotes/speaker=top", page(QuoteFilter{Speaker: topID})},
		{"quotes/speaker=40th", page(QuoteFilter{Speaker: midID})},
		{"quotes/about=common", page(QuoteFilter{About: "said"})},
		{"quotes/about=health_care", page(QuoteFilter{About: "health care"})},
		{"quotes/about=rare", page(QuoteFilter{About: "zyzzyva OR ceasefire"})},
		{"quotes/speaker+about", page(QuoteFilter{Speaker: topID, About: "people"})},
		{"quotes/speaker40+about", page(QuoteFilter{Speaker: midID, About: "people"})},
		{"quotes/speaker+rare", page(QuoteFilter{Speaker: topID, About: "ceasefire"})},
		{"quotes/all", page(QuoteFilter{})},
		{"search/common", func() error { _, _, err := db.Search(ctx, "people", 20, ""); return err }},
		{"search/rare", func() error { _, _, err := db.Search(ctx, "ceasefire", 20, ""); return err }},
		{"facets/all", func() error { _, err := db.Facets(ctx, QuoteFilter{}); return err }},
		{"facets/speaker=top", func() error { _, err := db.Facets(ctx, QuoteFilter{Speaker: topID}); return err }},
		{"timeline/all", func() error { _, _, err := db.Timeline(ctx, QuoteFilter{}, "month"); return err }},
		{"facets/speaker=top+since", func() error {
			_, err := db.Facets(ctx, QuoteFilter{Speaker: topID, Since: "2020-01-01"})
			return err
		}},
		{"timeline/speaker=top", func() error { _, _, err := db.Timeline(ctx, QuoteFilter{Speaker: topID}, "week"); return err }},
		{"timeline/speaker=top/month", func() error {
			_, _, err := db.Timeline(ctx, QuoteFilter{Speaker: topID}, "month")
			return err
		}},
		{"speakers/top20", func() error { _, _, err := db.Speakers(ctx, SpeakerFilter{Top: 20}); return err }},
	} {
		b.Run(c.name, func(b *testing.B) {
			var ts []time.Duration
			for b.Loop() {
				start := time.Now()
				if err := c.do(); err != nil {
					b.Fatal(err)
				}
				ts = append(ts, time.Since(start))
			}
			slices.Sort(ts)
			ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
			b.ReportMetric(ms(ts[(len(ts)-1)/2]), "p50-ms")
			b.ReportMetric(ms(ts[(len(ts)*95+99)/100-1]), "p95-ms")
		})
	}
}
func itoa(n int64) string { return strconv.FormatInt(n, 10) }
