// Command storequery times the store's queries in process, without the
// start-up of a command: the latency the HTTP API (and a command, once
// started) sees. scripts/bench-store.sh runs it after the whole-command
// timings.
//
//	go run ./scripts/storequery -db chronicle.db -speaker "Ilham Aliyev" -article gen1-00005000
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"time"

	"chronicle/store"
)

func main() {
	dbPath := flag.String("db", "chronicle.db", "database")
	runs := flag.Int("runs", 20, "runs of each query")
	speaker := flag.String("speaker", "", "a speaker name for the speaker queries")
	mid := flag.String("speaker2", "", "a less quoted speaker")
	article := flag.String("article", "", "an article input id for show")
	source := flag.String("source", "Northline", "an outlet")
	exportRuns := flag.Int("export-runs", 3, "runs of the full export (EachQuote over everything); 0 to skip it")
	flag.Parse()
	if err := run(context.Background(), *dbPath, *runs, *speaker, *mid, *article, *source, *exportRuns); err != nil {
		slog.Error("storequery", "err", err)
		os.Exit(1)
	}
}

type query struct {
	name string
	runs int
	do   func(ctx context.Context) (int, error) // returns the rows it produced
}

func run(ctx context.Context, path string, runs int, speaker, mid, article, source string, exportRuns int) error {
	db, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer db.Close()
	quotes := func(f store.QuoteFilter) func(context.Context) (int, error) {
		return func(ctx context.Context) (int, error) {
			f.Limit = 100
			qs, _, err := db.Quotes(ctx, f)
			return len(qs), err
		}
	}
	search := func(q string) func(context.Context) (int, error) {
		return func(ctx context.Context) (int, error) {
			hs, _, err := db.Search(ctx, q, 20, "")
			return len(hs), err
		}
	}
	qs := []query{
		{"quotes --speaker TOP", runs, quotes(store.QuoteFilter{Speaker: speaker})},
		{"quotes --speaker 39TH", runs, quotes(store.QuoteFilter{Speaker: mid})},
		{"quotes --about immigration", runs, quotes(store.QuoteFilter{About: "immigration"})},
		{"quotes --about 'health care'", runs, quotes(store.QuoteFilter{About: "health care"})},
		{"quotes --since 2019-03-01 --until ..31", runs, quotes(store.QuoteFilter{Since: "2019-03-01", Until: "2019-03-31"})},
		{"quotes --source " + source, runs, quotes(store.QuoteFilter{Source: source})},
		{"quotes --speaker TOP --since 2020-01-01", runs, quotes(store.QuoteFilter{Speaker: speaker, Since: "2020-01-01"})},
		{"quotes --speaker TOP --about tax", runs, quotes(store.QuoteFilter{Speaker: speaker, About: "tax"})},
		{"quotes --speaker 39TH --about tax", runs, quotes(store.QuoteFilter{Speaker: mid, About: "tax"})},
		{"speakers --top 20", runs, func(ctx context.Context) (int, error) {
			sp, _, err := db.Speakers(ctx, store.SpeakerFilter{Top: 20})
			return len(sp), err
		}},
		{"search tax", runs, search("tax")},
		{"search border wall", runs, search("border wall")},
		{"search 'health care' OR immigration", runs, search("\"health care\" OR immigration")},
		{"facets of TOP (speaker page)", runs, func(ctx context.Context) (int, error) {
			fc, err := db.Facets(ctx, store.QuoteFilter{Speaker: speaker})
			return fc.Total, err
		}},
		{"timeline of TOP by week", runs, func(ctx context.Context) (int, error) {
			bs, _, err := db.Timeline(ctx, store.QuoteFilter{Speaker: speaker}, "week")
			return len(bs), err
		}},
		{"facets of text 'tax' (uncached)", max(1, runs/4), func(ctx context.Context) (int, error) {
			fc, err := db.Facets(ctx, store.QuoteFilter{About: "tax"})
			return fc.Total, err
		}},
		{"show " + article, runs, func(ctx context.Context) (int, error) {
			a, err := db.FindArticle(ctx, article)
			return len(a.Quotes), err
		}},
	}
	if exportRuns > 0 {
		qs = append(qs, query{"export (EachQuote, all)", exportRuns, func(ctx context.Context) (int, error) {
			n := 0
			err := db.EachQuote(ctx, store.QuoteFilter{}, func(store.Quote) error { n++; return nil })
			return n, err
		}})
	}
	fmt.Printf("%-38s %6s %9s %9s %9s  (in process)\n", "query", "runs", "p50_ms", "p95_ms", "rows")
	for _, q := range qs {
		var ts []time.Duration
		rows := 0
		for range q.runs {
			start := time.Now()
			n, err := q.do(ctx)
			ts = append(ts, time.Since(start))
			if err != nil {
				fmt.Printf("%-38s failed: %v\n", q.name, err)
				break
			}
			rows = n
		}
		if len(ts) < q.runs {
			continue
		}
		slices.Sort(ts)
		p50, p95 := ts[(len(ts)-1)/2], ts[min(len(ts)-1, (len(ts)*95+99)/100-1)]
		fmt.Printf("%-38s %6d %9.1f %9.1f %9d\n", q.name, q.runs, ms(p50), ms(p95), rows)
	}
	return nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
