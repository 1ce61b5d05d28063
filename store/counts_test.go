package store

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"chronicle/dedup"
)

// checkCounts compares quote_counts, its sums and speaker_counts with a
// count of the quotations.
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
		{"speaker_counts", `SELECT speaker_id || ' ' || source, dkey, n FROM speaker_counts WHERE n != 0 ORDER BY 1, 2`,
			`SELECT speaker_id || ' ' || source, dkey, COUNT(*) FROM quotes WHERE dup = 0 AND speaker_id > 0
			 GROUP BY speaker_id, source, dkey ORDER BY 1, 2`},
		// The speakers' totals, first and last days (merge.go reads them off speaker_counts).
		{"speakers", `SELECT id, quotes, COALESCE(first, '') || ' ' || COALESCE(last, '') FROM speakers WHERE live = 1 AND quotes > 0 ORDER BY 1`,
			`SELECT speaker_id, COUNT(*), COALESCE(MIN(NULLIF(dkey, '~')), '') || ' ' || COALESCE(MAX(NULLIF(dkey, '~')), '')
			 FROM quotes WHERE dup = 0 AND speaker_id > 0 GROUP BY 1 ORDER BY 1`},
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
	rev := reversedLines(t, "testdata/news.jsonl")
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

	checkTimeline(t, db, QuoteFilter{}, "after re-extraction")
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

// checkTimeline compares the timelines of f with one counted from its
// quotations, one by one.
func checkTimeline(t *testing.T, db *DB, f QuoteFilter, when string) {
	t.Helper()
	ctx := context.Background()
	for _, bucket := range []string{"week", "month"} {
		got, gotUndated, err := db.Timeline(ctx, f, bucket)
		if err != nil {
			t.Fatal(err)
		}
		var want []Bucket
		wantUndated := 0
		err = db.EachQuote(ctx, f, func(q Quote) error {
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
		if len(got) != len(want) || gotUndated != wantUndated || len(want)+wantUndated == 0 {
			t.Fatalf("%s: %+v %s timeline: %d buckets, %d undated; want %d, %d", when, f, bucket, len(got), gotUndated, len(want), wantUndated)
		}
		for i := range want {
			if got[i].Start != want[i].Start || got[i].Count != want[i].Count || !slices.Equal(got[i].QuoteIDs, want[i].QuoteIDs) {
				t.Errorf("%s: %+v %s bucket %d: %+v, want %+v", when, f, bucket, i, got[i], want[i])
			}
		}
	}
}

// checkFacets compares the facets of f with facets counted from its
// quotations, one by one.
func checkFacets(t *testing.T, db *DB, f QuoteFilter, when string) {
	t.Helper()
	ctx := context.Background()
	got, err := db.Facets(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	want := Facets{}
	speakers, sources, months := map[int64]int{}, map[string]int{}, map[string]int{}
	err = db.EachQuote(ctx, f, func(q Quote) error {
		want.Total++
		if q.SpeakerID != nil {
			speakers[*q.SpeakerID]++
		}
		sources[q.Source]++
		if d := q.Date; d != nil {
			months[(*d)[:min(7, len(*d))]]++
			if want.First == nil || *d < *want.First {
				want.First = d
			}
			if want.Last == nil || *d > *want.Last {
				want.Last = d
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	top := func(m map[string]int) []string {
		var out []Count
		for k, n := range m {
			out = append(out, Count{Key: k, N: n})
		}
		slices.SortFunc(out, func(a, b Count) int { return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Key, b.Key)) })
		return counts(out[:min(10, len(out))])
	}
	var ids []int64
	for id := range speakers {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b int64) int { return cmp.Or(cmp.Compare(speakers[b], speakers[a]), cmp.Compare(a, b)) })
	var wantSpeakers []string
	for _, id := range ids[:min(10, len(ids))] {
		var name string
		if err := db.sql.QueryRow(`SELECT name FROM speakers WHERE id = ?`, id).Scan(&name); err != nil {
			t.Fatal(err)
		}
		wantSpeakers = append(wantSpeakers, fmt.Sprintf("%s #%d %d", name, id, speakers[id]))
	}
	var gotSpeakers []string
	for _, c := range got.Speakers {
		gotSpeakers = append(gotSpeakers, fmt.Sprintf("%s #%d %d", c.Key, *c.ID, c.N))
	}
	var wantMonths []string
	for k, n := range months {
		wantMonths = append(wantMonths, fmt.Sprintf("%s %d", k, n))
	}
	slices.Sort(wantMonths)
	if got.Total != want.Total || want.Total == 0 || str(got.First) != str(want.First) || str(got.Last) != str(want.Last) ||
		!slices.Equal(gotSpeakers, wantSpeakers) || !slices.Equal(counts(got.Sources), top(sources)) ||
		!slices.Equal(counts(got.Months), wantMonths) {
		t.Errorf("%s: facets of %+v:\n%d %s..%s %v %v %v\nwant\n%d %s..%s %v %v %v", when, f,
			got.Total, str(got.First), str(got.Last), gotSpeakers, counts(got.Sources), counts(got.Months),
			want.Total, str(want.First), str(want.Last), wantSpeakers, top(sources), wantMonths)
	}
}

func counts(cs []Count) []string {
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%s %d", c.Key, c.N))
	}
	return out
}

// speaker_counts follows quotations written with a known speaker, the
// merge's moves of quotations (new names, merge, split, alias), an
// original arriving after its copy was stored and attributed, and
// re-extraction; and a speaker's facets and timelines from it are those
// counted from the speaker's quotations.
func TestSpeakerCounts(t *testing.T) {
	ctx := context.Background()
	b, err := os.ReadFile("testdata/news.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var first, later []string
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if strings.Contains(l, `"id": "coast-0311"`) {
			later = append(later, l) // the original of wire-0312
		} else {
			first = append(first, l)
		}
	}
	dir := t.TempDir()
	firstPath, laterPath := filepath.Join(dir, "first.jsonl"), filepath.Join(dir, "later.jsonl")
	for p, ls := range map[string][]string{firstPath: first, laterPath: later} {
		if len(ls) == 0 {
			t.Fatal("coast-0311 not in news.jsonl: the test tests nothing")
		}
		if err := os.WriteFile(p, []byte(strings.Join(ls, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := openTest(t)
	check := func(when string) {
		t.Helper()
		checkCounts(t, db, when)
		sp, _, err := db.Speakers(ctx, SpeakerFilter{})
		if err != nil || len(sp) < 3 {
			t.Fatalf("%s: speakers %v, %v", when, sp, err)
		}
		for _, s := range sp {
			f := QuoteFilter{Speaker: itoa(s.ID)}
			checkFacets(t, db, f, when)
			checkTimeline(t, db, f, when)
		}
		for _, f := range []QuoteFilter{
			{Speaker: "Sandberg"}, // every speaker with the alias
			{Speaker: itoa(sp[0].ID), Since: "2024-03-10", Until: "2024-04-30"},
			{Speaker: itoa(sp[0].ID), Source: sp[0].Sources[0]},
		} {
			checkFacets(t, db, f, when)
			checkTimeline(t, db, f, when)
		}
	}
	ingest(t, db, firstPath, "testdata/notes.txt", "testdata/school.jsonl")
	check("after ingest")
	copied := `SELECT COUNT(*) FROM quotes q JOIN articles a ON a.id = q.article_id
		WHERE a.input_id = 'wire-0312' AND q.speaker_id > 0 AND q.dup = ?`
	if n := count(t, db, copied, 0); n == 0 {
		t.Fatal("the copy's quotations have no speaker: the test tests nothing")
	}
	if st := ingest(t, db, laterPath); st.NearDuplicates != 1 {
		t.Fatalf("ingest of the original: %+v, want one near-duplicate", st)
	}
	if n := count(t, db, copied, 1); n == 0 {
		t.Fatal("the copy's quotations were not demoted")
	}
	// A copy is no candidate original any more: its band keys are gone.
	if n := bandKeys(t, db, "wire-0312"); n != 0 {
		t.Errorf("the demoted copy keeps %d band keys", n)
	}
	if n := bandKeys(t, db, "coast-0311"); n == 0 {
		t.Error("the new original has no band keys")
	}
	check("after the original of a copy")

	elin := speakerNamed(t, db, "Elin Sandberg")
	jonas := speakerNamed(t, db, "Jonas Sandberg")
	if err := db.MergeSpeakers(ctx, elin.ID, jonas.ID); err != nil {
		t.Fatal(err)
	}
	check("after merge")
	if _, err := db.SplitSpeaker(ctx, elin.ID, "Jonas Sandberg"); err != nil {
		t.Fatal(err)
	}
	check("after split")
	if err := db.AddAlias(ctx, elin.ID, "Sandberg"); err != nil {
		t.Fatal(err)
	}
	check("after alias")
	if _, err := db.sql.Exec(`UPDATE articles SET extractor_version = '0.0.0'`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Reextract(ctx, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	check("after re-extraction")
}

// The facets of a text query come from one pass over its matches; they
// must be what a query per facet over the quotations gives.
func TestTextFacets(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	ingest(t, db, fixtures...)
	elin := strconv.FormatInt(speakerNamed(t, db, "Elin Sandberg").ID, 10)
	for _, f := range []QuoteFilter{
		{About: "said"}, {About: "ferry"}, {About: `"fish farms" OR quota`}, {About: "the", Source: "Coastal Times"},
		{About: "the", Since: "2024-03-10", Until: "2024-03-31"}, {About: "the", Duplicates: true},
		{About: "the OR a", Speaker: elin}, {About: "the OR a", Speaker: "Sandberg"}, {About: "the OR a", Speaker: elin, Duplicates: true},
	} {
		got, err1 := db.textFacets(ctx, f)
		want, err2 := db.queryFacets(ctx, f)
		if err1 != nil || err2 != nil {
			t.Fatalf("%+v: %v, %v", f, err1, err2)
		}
		if want.Total == 0 {
			t.Errorf("%+v matches nothing: the case tests nothing", f)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%+v:\none pass  %+v\nper facet %+v", f, got, want)
		}
	}
}

// bandKeys counts the band keys of an article: in lsh, and among the
// recent ones a writer reads back from the signatures.
func bandKeys(t *testing.T, db *DB, inputID string) int {
	t.Helper()
	id := int64(count(t, db, `SELECT id FROM articles WHERE input_id = ?`, inputID))
	n := count(t, db, `SELECT COUNT(*) FROM lsh WHERE article_id = ?`, id)
	r := recentOf(t, db)
	for k, a := range r.first {
		for _, a := range append([]int64{a}, r.more[k]...) {
			if a == id {
				n++
			}
		}
	}
	return n
}

// recentOf reads the recent band keys as a writer starting now would.
func recentOf(t *testing.T, db *DB) *recentBands {
	t.Helper()
	tx, err := db.w.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	r, err := loadRecentBands(context.Background(), tx)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Band keys moved from memory to lsh (here after every batch) still find
// near-duplicates: the original of a copy stored earlier finds it there,
// and the copy loses its keys.
func TestBandsFold(t *testing.T) {
	defer func(n int) { lshFoldRows = n }(lshFoldRows)
	lshFoldRows = 1
	copyFirst, original := copyAndOriginal(t)
	db := openTest(t)
	ctx := context.Background()
	if _, err := db.Ingest(ctx, []string{copyFirst}, IngestOptions{Workers: 1, Batch: 1}); err != nil {
		t.Fatal(err)
	}
	if n, m := count(t, db, `SELECT COUNT(*) FROM lsh`), recentOf(t, db).keys; n != dedup.Bands || m != 0 {
		t.Fatalf("after the copy: %d band keys in lsh, %d recent; want %d and 0", n, m, dedup.Bands)
	}
	st, err := db.Ingest(ctx, []string{original}, IngestOptions{Workers: 1, Batch: 1})
	if err != nil || st.NearDuplicates != 1 {
		t.Fatalf("ingest of the original: %+v, %v; want one near-duplicate", st, err)
	}
	if n := bandKeys(t, db, "wire-0312"); n != 0 {
		t.Errorf("the demoted copy keeps %d band keys", n)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM lsh WHERE article_id = (SELECT id FROM articles WHERE input_id = 'coast-0311')`); n != dedup.Bands {
		t.Errorf("the original has %d band keys in lsh, want %d", n, dedup.Bands)
	}
}

// copyAndOriginal writes wire-0312 and its original coast-0311, of
// news.jsonl, to files of their own.
func copyAndOriginal(t *testing.T) (copyPath, originalPath string) {
	t.Helper()
	b, err := os.ReadFile("testdata/news.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		p, name := &copyPath, "copy.jsonl"
		switch {
		case strings.Contains(l, `"id": "coast-0311"`):
			p, name = &originalPath, "original.jsonl"
		case !strings.Contains(l, `"id": "wire-0312"`):
			continue
		}
		*p = filepath.Join(dir, name)
		if err := os.WriteFile(*p, []byte(l+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if copyPath == "" || originalPath == "" {
		t.Fatal("wire-0312 or coast-0311 not in news.jsonl: the test tests nothing")
	}
	return copyPath, originalPath
}
