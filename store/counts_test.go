package store

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// checkCounts compares quote_counts with a count of the quotations.
func checkCounts(t *testing.T, db *DB, when string) {
	t.Helper()
	read := func(q string) []string {
		rows, err := db.sql.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var s, d, n string
			if err := rows.Scan(&s, &d, &n); err != nil {
				t.Fatal(err)
			}
			out = append(out, s+" "+d+" "+n)
		}
		return out
	}
	for _, c := range []struct{ table, got, want string }{
		{"quote_counts", `SELECT source, dkey, n FROM quote_counts WHERE n != 0 ORDER BY 1, 2`,
			`SELECT source, dkey, COUNT(*) FROM quotes WHERE dup = 0 GROUP BY 1, 2 ORDER BY 1, 2`},
		{"day_counts", `SELECT '', dkey, n FROM day_counts WHERE n != 0 ORDER BY 2`,
			`SELECT '', dkey, COUNT(*) FROM quotes WHERE dup = 0 GROUP BY 2 ORDER BY 2`},
		{"source_counts", `SELECT source, '', n FROM source_counts WHERE n != 0 ORDER BY 1`,
			`SELECT source, '', COUNT(*) FROM quotes WHERE dup = 0 GROUP BY 1 ORDER BY 1`},
	} {
		got, want := read(c.got), read(c.want)
		if !slices.Equal(got, want) || len(want) == 0 {
			t.Errorf("%s: %s\n%v\nwant\n%v", when, c.table, got, want)
		}
	}
}

// The counts behind facets and timelines follow new quotations, originals
// demoted to copies (here within one batch: the copy comes first) and
// re-extraction; and the timeline from them is the one from the quotations.
func TestQuoteCounts(t *testing.T) {
	ctx := context.Background()
	b, err := os.ReadFile("testdata/news.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	slices.Reverse(lines)
	rev := filepath.Join(t.TempDir(), "reversed.jsonl")
	if err := os.WriteFile(rev, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := openTest(t)
	if st := ingest(t, db, rev, "testdata/school.jsonl"); st.NearDuplicates != 1 {
		t.Fatalf("ingest: %+v, want one near-duplicate", st)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM quotes WHERE dup = 1`); n == 0 {
		t.Fatal("no quotation of a copy: the test tests nothing")
	}
	checkCounts(t, db, "after ingest")
	if _, err := db.sql.Exec(`UPDATE articles SET extractor_version = '0.0.0'`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Reextract(ctx, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	checkCounts(t, db, "after re-extraction")

	for _, bucket := range []string{"week", "month"} {
		got, gotUndated, err := db.Timeline(ctx, QuoteFilter{}, bucket)
		if err != nil {
			t.Fatal(err)
		}
		// The same from the quotations one by one.
		var want []Bucket
		wantUndated := 0
		err = db.EachQuote(ctx, QuoteFilter{}, func(q Quote) error {
			start, ok := "", false
			if q.Date != nil {
				start, ok = bucketStart(*q.Date, bucket)
			}
			if !ok {
				wantUndated++
				return nil
			}
			if len(want) == 0 || want[len(want)-1].Start != start {
				want = append(want, Bucket{Start: start})
			}
			want[len(want)-1].Count++
			want[len(want)-1].QuoteIDs = append(want[len(want)-1].QuoteIDs, q.ID)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) || gotUndated != wantUndated || len(want) == 0 {
			t.Fatalf("%s timeline: %d buckets, %d undated; want %d, %d", bucket, len(got), gotUndated, len(want), wantUndated)
		}
		for i := range want {
			if got[i].Start != want[i].Start || got[i].Count != want[i].Count || !slices.Equal(got[i].QuoteIDs, want[i].QuoteIDs) {
				t.Errorf("%s bucket %d: %+v, want %+v", bucket, i, got[i], want[i])
			}
		}
	}
	// Facets of the whole corpus agree with its timeline.
	all, err := db.Facets(ctx, QuoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var n0 int
	if err := db.EachQuote(ctx, QuoteFilter{}, func(Quote) error { n0++; return nil }); err != nil {
		t.Fatal(err)
	}
	if all.Total != n0 || all.First == nil || all.Last == nil || *all.First > *all.Last || len(all.Sources) == 0 || len(all.Months) == 0 {
		t.Errorf("facets of everything: %+v; want %d quotations", all, n0)
	}
	// Facets from the counts agree with facets counted from the quotations
	// (through EachQuote).
	fc, err := db.Facets(ctx, QuoteFilter{Source: "Nordic Ledger"})
	if err != nil {
		t.Fatal(err)
	}
	if fc.Total == 0 {
		t.Fatal("no quotations from Nordic Ledger: the test tests nothing")
	}
	var n int
	err = db.EachQuote(ctx, QuoteFilter{Source: "Nordic Ledger"}, func(Quote) error { n++; return nil })
	if err != nil || fc.Total != n || len(fc.Sources) != 1 || fc.Sources[0].N != n {
		t.Errorf("facets of Nordic Ledger: %+v; want %d quotations (%v)", fc, n, err)
	}
}
