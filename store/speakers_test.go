package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestMergeOrderIndependent ingests the fixtures in two orders, one article
// per batch, and expects the same speakers.
func TestMergeOrderIndependent(t *testing.T) {
	ctx := context.Background()
	summary := func(inputs []string) []string {
		db := openTest(t)
		if _, err := db.Ingest(ctx, inputs, IngestOptions{Workers: 1, Batch: 1}); err != nil {
			t.Fatal(err)
		}
		sp, _, err := db.Speakers(ctx, SpeakerFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, s := range sp {
			out = append(out, fmt.Sprintf("%s %s %d %q %s..%s", s.Name, s.Type, s.Quotes, s.Aliases, str(s.First), str(s.Last)))
		}
		slices.Sort(out)
		return out
	}
	reversed := reversedLines(t, "testdata/news.jsonl")
	a := summary([]string{"testdata/news.jsonl", "testdata/notes.txt"})
	b := summary([]string{"testdata/notes.txt", reversed})
	if !slices.Equal(a, b) {
		t.Errorf("speakers depend on the order of ingest:\n%s\nreversed:\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
	}
}

func TestSpeakerCorrections(t *testing.T) {
	db := openTest(t)
	ingest(t, db, fixtures...)
	ctx := context.Background()
	elin := speakerNamed(t, db, "Elin Sandberg")
	jonas := speakerNamed(t, db, "Jonas Sandberg")

	if err := db.MergeSpeakers(ctx, elin.ID, jonas.ID); err != nil {
		t.Fatal(err)
	}
	merged, err := db.Speaker(ctx, elin.ID)
	if err != nil || merged.Quotes != 9 {
		t.Fatalf("after merge: %+v, %v; want 6+3 quotes", merged, err)
	}
	if _, err := db.Speaker(ctx, jonas.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("merged-away speaker: err %v, want ErrNotFound", err)
	}
	// Splitting "Jonas Sandberg" out undoes the merge.
	split, err := db.SplitSpeaker(ctx, elin.ID, "Jonas Sandberg")
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := db.Speaker(ctx, split); s.Name != "Jonas Sandberg" || s.Quotes != 3 {
		t.Errorf("split speaker %+v, want Jonas Sandberg with 3", s)
	}
	if err := db.RenameSpeaker(ctx, elin.ID, "Elin K. Sandberg"); err != nil {
		t.Fatal(err)
	}
	// The user says the bare "Sandberg" is Elin: its 2 quotations join her.
	if err := db.AddAlias(ctx, elin.ID, "Sandberg"); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		e, err := db.Speaker(ctx, elin.ID)
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		if e.Name != "Elin K. Sandberg" || e.Quotes != 8 || !slices.Contains(e.Aliases, "Sandberg") {
			t.Errorf("%s: %q with %d quotes, aliases %q; want Elin K. Sandberg, 8, with Sandberg", when, e.Name, e.Quotes, e.Aliases)
		}
		qs, _, err := db.Quotes(ctx, QuoteFilter{Speaker: "Sandberg"})
		if err != nil || len(qs) != 8 {
			t.Errorf("%s: %d quotes by the alias, err %v; want 8", when, len(qs), err)
		}
		if j, err := db.Speaker(ctx, split); err != nil || j.Quotes != 3 {
			t.Errorf("%s: split speaker %+v, %v", when, j, err)
		}
	}
	check("after corrections")

	// Corrections are kept by name: they apply again after re-extraction.
	if _, err := db.sql.Exec(`UPDATE articles SET extractor_version = '0.0.0'`); err != nil {
		t.Fatal(err)
	}
	st, err := db.Reextract(ctx, IngestOptions{})
	if err != nil || st.Stored != 10 {
		t.Fatalf("reextract: %+v, %v; want 10 articles", st, err)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM articles WHERE extractor_version = '0.0.0'`); n != 0 {
		t.Errorf("%d articles left at the old version", n)
	}
	check("after re-extraction")
	if n := count(t, db, `SELECT COUNT(*) FROM quotes`); n != 28 {
		t.Errorf("%d quotations after re-extraction, want the same 28", n)
	}
	// Nothing is left to redo.
	if st, err := db.Reextract(ctx, IngestOptions{}); err != nil || st.Stored != 0 {
		t.Errorf("second reextract: %+v, %v; want nothing", st, err)
	}

	for _, bad := range []error{
		db.MergeSpeakers(ctx, elin.ID, elin.ID),
		db.MergeSpeakers(ctx, elin.ID, 9999),
		db.RenameSpeaker(ctx, elin.ID, " "),
		func() error { _, err := db.SplitSpeaker(ctx, elin.ID, "Nobody"); return err }(),
	} {
		if bad == nil {
			t.Error("a bad correction was accepted")
		}
	}
	if n := count(t, db, `SELECT COUNT(*) FROM corrections`); n != 4 {
		t.Errorf("%d corrections stored, want the 4 that applied", n)
	}
}
