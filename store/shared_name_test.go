package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"testing"
)

// sharedName makes a corpus of the fixtures in which the user gave two
// people one name, as a researcher might for "the Sandbergs", and returns
// it with the name.
func sharedName(t *testing.T) (*DB, string) {
	t.Helper()
	db := openTest(t)
	ingest(t, db, fixtures...)
	const name = "the Sandbergs"
	for _, who := range []string{"Elin Sandberg", "Jonas Sandberg"} {
		if err := db.AddAlias(context.Background(), speakerNamed(t, db, who).ID, name); err != nil {
			t.Fatal(err)
		}
	}
	return db, name
}

// TestSharedNamePages asks for the quotations of a name that several
// speakers share (here an alias the user gave two people) a page at a time, and expects
// the pages to add up to the whole list in date order: the per-speaker
// merge of mergeSpeakers against the one query that sorts them all.
func TestSharedNamePages(t *testing.T) {
	db, name := sharedName(t)
	ctx := context.Background()
	ids, err := db.speakerIDsFor(ctx, name)
	if err != nil || len(ids) < 2 {
		t.Fatalf("speakerIDsFor(%q) = %v, %v; want two or more", name, ids, err)
	}
	key := func(qs []Quote) []string {
		var out []string
		for _, q := range qs {
			out = append(out, fmt.Sprintf("%s/%d", dateKey(q), q.ID))
		}
		return out
	}
	all, _, err := db.Quotes(ctx, QuoteFilter{Speaker: name}) // no limit: the IN-list plan
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 3 {
		t.Fatalf("%q has %d quotations; the test needs three or more", name, len(all))
	}
	if !slices.IsSortedFunc(all, func(a, b Quote) int {
		return cmp.Or(cmp.Compare(dateKey(a), dateKey(b)), cmp.Compare(a.ID, b.ID))
	}) {
		t.Errorf("%q's quotations are not in date order: %v", name, key(all))
	}
	for _, size := range []int{1, 2, len(all)} {
		var paged []Quote
		cur := ""
		for range len(all) + 1 {
			page, next, err := db.Quotes(ctx, QuoteFilter{Speaker: name, Limit: size, Cursor: cur})
			if err != nil {
				t.Fatal(err)
			}
			paged = append(paged, page...)
			if cur = next; cur == "" {
				break
			}
		}
		if got, want := key(paged), key(all); !slices.Equal(got, want) {
			t.Errorf("%q in pages of %d:\n%v\nwant\n%v", name, size, got, want)
		}
	}
	speakers := map[int64]bool{}
	for _, q := range all {
		if q.SpeakerID != nil {
			speakers[*q.SpeakerID] = true
		}
	}
	if len(speakers) < 2 {
		t.Errorf("%q's quotations come from %d speakers, want the %d that share it", name, len(speakers), len(ids))
	}
}

// A text query of a name several speakers share: unpaged (one query over
// all their names) and page by page (one per speaker, merged), the same
// quotations as the speakers' index alone gives.
func TestSharedNameAbout(t *testing.T) {
	db, name := sharedName(t)
	ctx := context.Background()
	f := QuoteFilter{Speaker: name, About: "the OR a OR said"}
	var want []int64
	if err := db.quotesBy(ctx, f, false, func(q Quote) error { want = append(want, q.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(want) < 3 {
		t.Fatalf("%q about %q: %d quotations, the test needs three or more", name, f.About, len(want))
	}
	var all []int64
	if err := db.EachQuote(ctx, f, func(q Quote) error { all = append(all, q.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(all, want) {
		t.Errorf("unpaged: %v, want %v", all, want)
	}
	var paged []int64
	g := f
	g.Limit = 1
	for range len(want) + 1 {
		qs, next, err := db.Quotes(ctx, g)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range qs {
			paged = append(paged, q.ID)
		}
		if g.Cursor = next; next == "" {
			break
		}
	}
	if !slices.Equal(paged, want) {
		t.Errorf("pages of 1: %v, want %v", paged, want)
	}
}
