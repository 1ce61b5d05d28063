package store

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// FuzzQueries feeds arbitrary search queries, speakers, dates and cursors
// to the queries: they answer or return an error, never panic, and a query
// that is not FTS5 syntax is still searched as words.
func FuzzQueries(f *testing.F) {
	for _, s := range []string{"ferry", `"fish farms"`, "quotas AND union", "fish-farm (licence", "NEAR(", `"`, "*", "Sandberg", "MjU6MjAyNC0wNS0xNQ", "2024-13-40", ""} {
		f.Add(s)
	}
	db, err := Open(context.Background(), f.TempDir()+"/fuzz.db")
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Ingest(context.Background(), fixtures, IngestOptions{}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ctx := context.Background()
		if strings.TrimSpace(s) != "" {
			if _, _, err := db.Search(ctx, s, 5, ""); err != nil {
				t.Errorf("search %q: %v", s, err)
			}
		}
		if _, _, err := db.Search(ctx, "ferry", 5, s); s != "" && !errors.Is(err, errCursor) && err != nil {
			t.Errorf("cursor %q: %v", s, err)
		}
		_, _, err := db.Quotes(ctx, QuoteFilter{Speaker: s, Limit: 3})
		if err != nil && s != "" && !errors.Is(err, ErrNotFound) {
			t.Errorf("speaker %q: %v", s, err)
		}
		db.Quotes(ctx, QuoteFilter{Since: s, Until: s, Cursor: s, About: s, Limit: 3})
		// Any text query is answered, as FTS5 syntax or else as words, with
		// a speaker's names in the query (who.go) or without.
		for _, speaker := range []string{"", "Elin Sandberg"} {
			if _, _, err := db.Quotes(ctx, QuoteFilter{Speaker: speaker, About: s, Limit: 3}); err != nil {
				t.Errorf("quotes of %q about %q: %v", speaker, s, err)
			}
		}
		db.Speakers(ctx, SpeakerFilter{Query: s, Cursor: s, Top: 2})
		db.FindArticle(ctx, s)
	})
}

func TestBadQueries(t *testing.T) {
	db := openTest(t)
	ingest(t, db, fixtures...)
	ctx := context.Background()
	for _, f := range []QuoteFilter{{Cursor: "%%%"}, {Since: "yesterday"}, {Until: "2024-02-30"}} {
		if _, _, err := db.Quotes(ctx, f); !errors.Is(err, ErrBadQuery) {
			t.Errorf("%+v: err %v, want ErrBadQuery", f, err)
		}
	}
	if _, _, err := db.Search(ctx, "ferry", 5, "nope"); !errors.Is(err, ErrBadQuery) {
		t.Errorf("search with a bad cursor: %v", err)
	}
	// Not FTS5 syntax: searched as words.
	qs, _, err := db.Quotes(ctx, QuoteFilter{About: `quotas"(`})
	if err != nil || len(qs) != 3 {
		t.Errorf("about as words: %d quotations, %v; want 3", len(qs), err)
	}
	// Facets and timelines read the same words, so a page's counts agree
	// with its list.
	fc, err := db.Facets(ctx, QuoteFilter{About: `quotas"(`})
	if err != nil || fc.Total != 3 {
		t.Errorf("facets of about as words: total %d, %v; want 3", fc.Total, err)
	}
	buckets, undated, err := db.Timeline(ctx, QuoteFilter{About: `quotas"(`}, "month")
	n := undated
	for _, b := range buckets {
		n += b.Count
	}
	if err != nil || n != 3 {
		t.Errorf("timeline of about as words: %d quotations, %v; want 3", n, err)
	}
	if _, _, err := db.Timeline(ctx, QuoteFilter{}, "day"); !errors.Is(err, ErrBadQuery) {
		t.Errorf("timeline by day: %v, want ErrBadQuery", err)
	}
	if _, _, err := db.Search(ctx, " ", 5, ""); !errors.Is(err, ErrBadQuery) {
		t.Errorf("empty search: %v, want ErrBadQuery", err)
	}
}
