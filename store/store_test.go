package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var fixtures = []string{"testdata/news.jsonl", "testdata/notes.txt", "testdata/school.jsonl"}

// openTest opens a new database in a temporary directory.
func openTest(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func ingest(t *testing.T, db *DB, inputs ...string) IngestStats {
	t.Helper()
	st, err := db.Ingest(context.Background(), inputs, IngestOptions{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// reversedLines writes a copy of the JSONL file path with its lines in
// reverse order and returns the copy's path, to ingest the same articles
// in the other order.
func reversedLines(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	slices.Reverse(lines)
	rev := filepath.Join(t.TempDir(), "reversed-"+filepath.Base(path))
	if err := os.WriteFile(rev, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return rev
}

func count(t *testing.T, db *DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.sql.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// speakerNamed finds the live speaker with this canonical name.
func speakerNamed(t *testing.T, db *DB, name string) Speaker {
	t.Helper()
	sp, _, err := db.Speakers(context.Background(), SpeakerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sp {
		if s.Name == name {
			return s
		}
	}
	t.Fatalf("no speaker %q among %v", name, sp)
	return Speaker{}
}

func TestIngestFixtures(t *testing.T) {
	db := openTest(t)
	st := ingest(t, db, fixtures...)
	// news.jsonl has 8 articles: ledger-0304-copy repeats ledger-0304's text
	// (stored once) and wire-0312 republishes coast-0311 under a new headline;
	// notes.txt is one more, school.jsonl two.
	want := IngestStats{Stored: 10, NearDuplicates: 1, Unchanged: 1}
	if st != want {
		t.Errorf("first ingest %+v, want %+v", st, want)
	}
	var wire, coast int64
	db.sql.QueryRow(`SELECT id FROM articles WHERE input_id = 'wire-0312'`).Scan(&wire)
	db.sql.QueryRow(`SELECT id FROM articles WHERE input_id = 'coast-0311'`).Scan(&coast)
	a, err := db.Article(context.Background(), wire)
	if err != nil {
		t.Fatal(err)
	}
	if a.DuplicateOf == nil || *a.DuplicateOf != coast {
		t.Errorf("wire-0312 duplicate_of = %v, want coast-0311 (%d)", a.DuplicateOf, coast)
	}

	// The same inputs again change nothing.
	again := ingest(t, db, fixtures...)
	if want := (IngestStats{Unchanged: 11}); again != want {
		t.Errorf("second ingest %+v, want %+v", again, want)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM articles`); n != 10 {
		t.Errorf("%d articles after two ingests, want 10", n)
	}
}

func TestSpeakersAcrossArticles(t *testing.T) {
	db := openTest(t)
	ingest(t, db, fixtures...)
	elin := speakerNamed(t, db, "Elin Sandberg")
	jonas := speakerNamed(t, db, "Jonas Sandberg")
	holm := speakerNamed(t, db, "Petra Holm")
	bare := speakerNamed(t, db, "Sandberg")
	tests := []struct {
		s       Speaker
		quotes  int
		aliases []string
		first   string
		last    string
		sources []string
	}{
		// ledger-0304 (2), coast-0311 (3: its headline, the promise to halve
		// permit times and the quoted remark),
		// ledger-0415 (1); not the wire copy of coast-0311.
		{elin, 6, []string{"Elin Sandberg"}, "2024-03-04", "2024-04-15", []string{"Coastal Times", "Nordic Ledger"}}, // 3 each: by name
		{jonas, 3, []string{"Jonas Sandberg"}, "2024-04-02", "2024-04-02", []string{"Coastal Times"}},
		// "Prime Minister Sandberg" (ledger-0320) and "union leader Sandberg"
		// (wire-0409): with two Sandbergs in the corpus, the bare surname
		// stays a speaker of its own rather than a guess.
		{bare, 2, []string{"Sandberg"}, "2024-03-20", "2024-04-09", []string{"Harbour Wire", "Nordic Ledger"}},
		// One person under two names: "Petra Holm" (notes.txt, valley-0516)
		// and "Holm" (valley-0502), the only Holm.
		{holm, 5, []string{"Holm", "Petra Holm"}, "2024-05-02", "2024-05-16", []string{"Valley Post", "testdata/notes.txt"}},
	}
	for _, tt := range tests {
		s := tt.s
		if s.Quotes != tt.quotes || !slices.Equal(s.Aliases, tt.aliases) || str(s.First) != tt.first ||
			str(s.Last) != tt.last || !slices.Equal(s.Sources, tt.sources) {
			t.Errorf("%s: %d quotes, aliases %q, %s..%s, outlets %q; want %d, %q, %s..%s, %q", s.Name,
				s.Quotes, s.Aliases, str(s.First), str(s.Last), s.Sources, tt.quotes, tt.aliases, tt.first, tt.last, tt.sources)
		}
	}
	all, _, err := db.Speakers(context.Background(), SpeakerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var paged []Speaker
	for cur, i := "", 0; i < 10; i++ {
		sp, next, err := db.Speakers(context.Background(), SpeakerFilter{Top: 2, Cursor: cur})
		if err != nil {
			t.Fatal(err)
		}
		paged = append(paged, sp...)
		if next == "" {
			break
		}
		cur = next
	}
	if !slices.EqualFunc(paged, all, func(a, b Speaker) bool { return a.ID == b.ID }) || len(all) != 4 {
		t.Errorf("speaker pages %d, one listing %d (want 4: PM is quoted only in the wire copy)", len(paged), len(all))
	}
	if sp, _, _ := db.Speakers(context.Background(), SpeakerFilter{Query: "sand"}); len(sp) != 3 {
		t.Errorf("speakers starting with sand: %d, want the 3 Sandbergs", len(sp))
	}
	roles := map[string]int{}
	for _, r := range elin.Roles {
		roles[r.Role] = r.Count
	}
	if len(roles) != 2 || roles["Prime Minister"] != 3 || roles["Norwegian Prime Minister"] != 2 {
		t.Errorf("Elin Sandberg roles %+v, want Prime Minister x3, Norwegian Prime Minister x2", elin.Roles)
	}
	for _, r := range elin.Roles {
		if r.Role == "Norwegian Prime Minister" && (str(r.First) != "2024-03-04" || str(r.Last) != "2024-03-04") {
			t.Errorf("role dates %s..%s, want 2024-03-04", str(r.First), str(r.Last))
		}
	}
}

func TestQuotes(t *testing.T) {
	db := openTest(t)
	ingest(t, db, fixtures...)
	ctx := context.Background()
	all, next, err := db.Quotes(ctx, QuoteFilter{})
	if err != nil || next != "" {
		t.Fatalf("all quotes: next %q, err %v", next, err)
	}
	// 28 quotations in the 10 stored articles, counted by hand: ledger-0304 2,
	// coast-0311 6, wire-0312 6 (the copy), ledger-0320 1, coast-0402 4,
	// wire-0409 1, ledger-0415 1, notes.txt 2, valley-0502 3, valley-0516 2.
	if len(all) != 22 {
		t.Errorf("%d quotations, want 22 (wire copy left out)", len(all))
	}
	// Date order, undated (notes.txt) last.
	for i := 1; i < len(all); i++ {
		a, b := all[i-1].Date, all[i].Date
		if a == nil && b != nil || a != nil && b != nil && *a > *b {
			t.Fatalf("quotation %d (%v) after %d (%v): not in date order", i, str(b), i-1, str(a))
		}
	}
	if last := all[len(all)-1]; last.Date != nil || last.Source != "testdata/notes.txt" {
		t.Errorf("last quotation %v from %s, want undated from notes.txt", str(last.Date), last.Source)
	}
	// Offsets point at the quotation in the stored text.
	for _, q := range all {
		a, err := db.Article(ctx, q.ArticleID)
		if err != nil {
			t.Fatal(err)
		}
		if got := runeSlice([]rune(a.Record.Text), q.Start, q.End); got != q.Text {
			t.Errorf("quotation %d: text[%d:%d] = %q, want %q", q.ID, q.Start, q.End, got, q.Text)
		}
	}
	withDup, _, _ := db.Quotes(ctx, QuoteFilter{Duplicates: true})
	if len(withDup) != 28 {
		t.Errorf("%d quotations with duplicates, want 28", len(withDup))
	}

	tests := []struct {
		name string
		f    QuoteFilter
		want int
	}{
		{"full name", QuoteFilter{Speaker: "Elin Sandberg"}, 6},
		{"case and spacing folded", QuoteFilter{Speaker: "elin  sandberg"}, 6},
		{"by an alias", QuoteFilter{Speaker: "Holm"}, 5},
		{"bare surname", QuoteFilter{Speaker: "Sandberg"}, 2},
		{"about", QuoteFilter{About: "quotas"}, 3},
		{"about, one speaker", QuoteFilter{Speaker: "Jonas Sandberg", About: "quotas"}, 1},
		{"since", QuoteFilter{Since: "2024-04-01"}, 11},
		{"until", QuoteFilter{Until: "2024-03-11"}, 8},
		{"window", QuoteFilter{Since: "2024-03-05", Until: "2024-03-31"}, 7},
		{"phrase", QuoteFilter{About: `"fish farms"`}, 1},
		{"source", QuoteFilter{Source: "Harbour Wire"}, 1},
		{"source with duplicates", QuoteFilter{Source: "Harbour Wire", Duplicates: true}, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs, _, err := db.Quotes(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if len(qs) != tt.want {
				t.Errorf("%d quotations, want %d", len(qs), tt.want)
			}
			// Pages of 2 put together are the whole list, in its order.
			var paged []Quote
			cur := ""
			for range 20 {
				f := tt.f
				f.Limit, f.Cursor = 2, cur
				page, next, err := db.Quotes(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				paged = append(paged, page...)
				if cur = next; cur == "" {
					break
				}
			}
			if !slices.EqualFunc(paged, qs, func(a, b Quote) bool { return a.ID == b.ID }) {
				t.Errorf("pages give %d quotations, not the %d of one listing in order", len(paged), len(qs))
			}
		})
	}
	if _, _, err := db.Quotes(ctx, QuoteFilter{Speaker: "Nobody Atall"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown speaker: err %v, want ErrNotFound", err)
	}
	if _, _, err := db.Quotes(ctx, QuoteFilter{Since: "April"}); err == nil {
		t.Error("bad date accepted")
	}

	// Pages of 4 put together are the whole list.
	var paged []Quote
	cur := ""
	for range 10 {
		qs, next, err := db.Quotes(ctx, QuoteFilter{Limit: 4, Cursor: cur})
		if err != nil {
			t.Fatal(err)
		}
		paged = append(paged, qs...)
		if next == "" {
			break
		}
		cur = next
	}
	if !slices.EqualFunc(paged, all, func(a, b Quote) bool { return a.ID == b.ID }) {
		t.Errorf("pages give %d quotations, not the %d of one listing in order", len(paged), len(all))
	}
}

func TestSearchAndFacets(t *testing.T) {
	db := openTest(t)
	ingest(t, db, fixtures...)
	ctx := context.Background()
	hits, _, err := db.Search(ctx, "ferry", 10, "")
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, h := range hits {
		kinds = append(kinds, h.Kind)
		if !strings.Contains(h.Snippet, "«ferry»") {
			t.Errorf("snippet %q does not mark the term", h.Snippet)
		}
	}
	// The ferry article (its copy is the same text, stored once); the
	// indirect quotation about the ferry.
	if !slices.Equal(kinds, []string{"quote", "article"}) {
		t.Errorf("hits %q, want a quote then its article", kinds)
	}
	// Pages of 2 put together are the whole list, in date order.
	all, next, err := db.Search(ctx, "Sandberg", 0, "")
	if err != nil || next != "" || len(all) < 5 {
		t.Fatalf("search Sandberg: %d hits, next %q, %v", len(all), next, err)
	}
	var paged []Hit
	for cur, i := "", 0; i < 20; i++ {
		hs, next, err := db.Search(ctx, "Sandberg", 2, cur)
		if err != nil {
			t.Fatal(err)
		}
		paged = append(paged, hs...)
		if next == "" {
			break
		}
		cur = next
	}
	same := func(a, b Hit) bool {
		return a.Kind == b.Kind && a.ArticleID == b.ArticleID && str(a.Speaker) == str(b.Speaker)
	}
	if !slices.EqualFunc(paged, all, same) {
		t.Errorf("search pages give %d hits, one listing %d", len(paged), len(all))
	}
	for i := 1; i < len(all); i++ {
		if a, b := all[i-1].Published, all[i].Published; a != nil && b != nil && *a > *b {
			t.Errorf("hit %d published %s after %s", i, *b, *a)
		}
	}
	// A query that is not valid FTS5 is searched as words.
	if _, _, err := db.Search(ctx, "fish-farm (licence", 10, ""); err != nil {
		t.Errorf("plain words query: %v", err)
	}
	fc, err := db.Facets(ctx, QuoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if fc.Total != 22 || str(fc.First) != "2024-03-04" || str(fc.Last) != "2024-05-16" {
		t.Errorf("facets total %d, %s..%s; want 22, 2024-03-04..2024-05-16", fc.Total, str(fc.First), str(fc.Last))
	}
	if len(fc.Speakers) < 2 || fc.Speakers[0].Key != "Elin Sandberg" || fc.Speakers[0].N != 6 || fc.Speakers[1].Key != "Petra Holm" {
		t.Errorf("top speakers %+v, want Elin Sandberg with 6, then Petra Holm", fc.Speakers)
	}
	tl, undated, err := db.Timeline(ctx, QuoteFilter{Speaker: "Elin Sandberg"}, "month")
	if err != nil {
		t.Fatal(err)
	}
	if len(tl) != 2 || tl[0].Start != "2024-03-01" || tl[0].Count != 5 || tl[1].Count != 1 || undated != 0 {
		t.Errorf("timeline %+v undated %d, want March 5, April 1", tl, undated)
	}
	tl, undated, err = db.Timeline(ctx, QuoteFilter{Speaker: "Petra Holm"}, "week")
	if err != nil {
		t.Fatal(err)
	}
	if len(tl) != 2 || tl[0].Start != "2024-04-29" || tl[0].Count != 1 || tl[1].Start != "2024-05-13" || undated != 2 {
		t.Errorf("weekly timeline %+v undated %d, want weeks of 29 April and 13 May, 2 undated", tl, undated)
	}
}

func TestBadInputsInBatch(t *testing.T) {
	db := openTest(t)
	ingest(t, db, fixtures...)
	ctx := context.Background()
	st, err := db.Ingest(ctx, []string{"testdata/bad", "testdata/news.jsonl"}, IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// bad.jsonl: two good lines around a broken one; an empty file; a binary.
	if want := (IngestStats{Stored: 2, Failed: 3, Unchanged: 8}); st != want {
		t.Errorf("stats %+v, want %+v", st, want)
	}
	fs, err := db.Failures(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var items []string
	for _, f := range fs {
		items = append(items, f.Item)
	}
	want := []string{"testdata/bad/bad.jsonl:2", "testdata/bad/empty.txt", "testdata/bad/scan.txt"}
	if !slices.Equal(items, want) {
		t.Errorf("failures %q, want %q", items, want)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM articles`); n != 12 {
		t.Errorf("%d articles, want the 10 stored before and 2 new", n)
	}
	// Failing again records each failure once.
	db.Ingest(ctx, []string{"testdata/bad"}, IngestOptions{})
	if n := count(t, db, `SELECT COUNT(*) FROM failures`); n != 3 {
		t.Errorf("%d failures after a second run, want 3", n)
	}
}

// A speaker's quotations about a text query come from one full-text query
// of the text and the speaker's names (who.go), or for a speaker of too
// many names, from the query's matches tested against the set of the
// speaker's quotations: page by page, and unpaged (an export), the same
// quotations as the speaker's index alone gives, for every speaker. With
// every name's token the same (as if all speakers shared one name, or
// every hash collided), the speaker condition alone must tell them apart.
func TestSpeakerAbout(t *testing.T) {
	for _, c := range []struct {
		name  string
		names int
		token func(string) string
	}{
		{"names", maxWhoNames, whoToken},
		{"set", 0, whoToken},
		{"one token", maxWhoNames, func(string) string { return "wsame" }},
	} {
		t.Run(c.name, func(t *testing.T) {
			defer func(n int, tok func(string) string) { maxWhoNames, whoToken = n, tok }(maxWhoNames, whoToken)
			maxWhoNames, whoToken = c.names, c.token
			db := openTest(t)
			ingest(t, db, fixtures...)
			checkSpeakerAbout(t, db)
		})
	}
}

func checkSpeakerAbout(t *testing.T, db *DB) {
	t.Helper()
	ctx := context.Background()
	speakers, _, err := db.Speakers(ctx, SpeakerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, about := range []string{"the OR a", "said", `"fish farms" OR quota`, "ferry", whoToken("Elin Sandberg")} {
		for _, sp := range speakers {
			f := QuoteFilter{Speaker: strconv.FormatInt(sp.ID, 10), About: about}
			var want []int64
			if err := db.quotesBy(ctx, f, false, func(q Quote) error { want = append(want, q.ID); return nil }); err != nil {
				t.Fatal(err)
			}
			found += len(want)
			var all []int64
			if err := db.EachQuote(ctx, f, func(q Quote) error { all = append(all, q.ID); return nil }); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(all, want) {
				t.Errorf("%s about %q, unpaged: %v, want %v", sp.Name, about, all, want)
			}
			for _, limit := range []int{1, 2, 5} {
				var got []int64
				g := f
				g.Limit = limit
				for pages := 0; pages < 100; pages++ {
					qs, next, err := db.Quotes(ctx, g)
					if err != nil {
						t.Fatal(err)
					}
					for _, q := range qs {
						got = append(got, q.ID)
					}
					if next == "" {
						break
					}
					g.Cursor = next
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s about %q, pages of %d: %v, want %v", sp.Name, about, limit, got, want)
				}
			}
			// A speaker's token is no word of the text.
			if about == whoToken("Elin Sandberg") && len(want)+len(all) > 0 {
				t.Errorf("%s about its name's token: %v", sp.Name, all)
			}
		}
	}
	if found < 10 {
		t.Errorf("%d quotations found in all: the cases test little", found)
	}
}
