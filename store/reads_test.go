package store

import (
	"context"
	"testing"
)

// TestReadsDuringIngest queries the database while an ingest writes to it:
// every query succeeds and sees a growing, consistent corpus.
func TestReadsDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests a generated corpus")
	}
	const n = 1500
	corpus := writeCorpus(t, n)
	db := openTest(t)
	ctx := context.Background()
	done := make(chan error, 1)
	go func() {
		_, err := db.Ingest(ctx, []string{corpus}, IngestOptions{Batch: 50})
		done <- err
	}()
	last, reads, midway := 0, 0, 0
	for running := true; running; {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			running = false
		default:
		}
		var articles, quotes int
		if err := db.sql.QueryRow(`SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM quotes)`).Scan(&articles, &quotes); err != nil {
			t.Fatal(err)
		}
		if articles < last {
			t.Fatalf("articles went from %d to %d", last, articles)
		}
		if articles > 0 && articles < n {
			midway++
		}
		last = articles
		qs, _, err := db.Quotes(ctx, QuoteFilter{Limit: 20})
		if err != nil {
			t.Fatal(err)
		}
		if len(qs) > 0 && qs[0].Date == nil {
			t.Error("an undated quotation first")
		}
		if _, _, err := db.Search(ctx, "budget", 10, ""); err != nil {
			t.Fatal(err)
		}
		if _, _, err := db.Speakers(ctx, SpeakerFilter{Top: 5}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Facets(ctx, QuoteFilter{Source: "Outlet 3"}); err != nil {
			t.Fatal(err)
		}
		reads++
	}
	if midway == 0 {
		t.Errorf("no read saw a partly ingested corpus (%d reads)", reads)
	}
	if last != n {
		t.Errorf("%d articles at the end, want %d", last, n)
	}
	sp, _, err := db.Speakers(ctx, SpeakerFilter{Top: 1})
	if err != nil || len(sp) != 1 || sp[0].Quotes == 0 {
		t.Errorf("top speaker %+v, %v after the ingest", sp, err)
	}
	t.Logf("%d rounds of reads, %d during the ingest", reads, midway)
}
