package store

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestMergeNamesOrderIndependent(t *testing.T) {
	obs := []observation{
		{Name: "Elin Sandberg", Type: "person", Roles: []string{"Prime Minister"}},
		{Name: "Sandberg", Type: "person", Roles: []string{"Prime Minister"}},
		{Name: "Jonas Sandberg", Type: "person", Roles: []string{"leader of the fishermen's union"}},
		{Name: "Sandberg", Type: "person", Roles: []string{"union leader"}},
		{Name: "Sandberg", Type: "person"},
		{Name: "Aliyev", Type: "person", Roles: []string{"President"}},
		{Name: "Ilham Aliyev", Type: "person", Roles: []string{"Azerbaijani President"}},
		{Name: "Ilham Aliyev", Type: "person"},
		{Name: "Azertac", Type: "organization"},
	}
	want := map[string]string{ // observation -> identity key
		"Elin Sandberg/Prime Minister":                  "person:elin sandberg",
		"Sandberg/Prime Minister":                       "person:elin sandberg",
		"Jonas Sandberg/leader of the fishermen's union": "person:jonas sandberg",
		"Sandberg/union leader":                         "person:jonas sandberg",
		"Sandberg/":                                     "person:sandberg", // the text does not say which
		"Aliyev/President":                              "person:ilham aliyev",
		"Ilham Aliyev/Azerbaijani President":            "person:ilham aliyev",
		"Ilham Aliyev/":                                 "person:ilham aliyev",
		"Azertac/":                                      "organization:azertac",
	}
	var first []identity
	for i := range 20 {
		shuffled := slices.Clone(obs)
		r := rand.New(rand.NewPCG(uint64(i), 7))
		r.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
		ids, assign := mergeNames(shuffled, nil)
		for j, o := range shuffled {
			k := o.Name + "/" + role(o)
			if got := ids[assign[j]].Key; got != want[k] {
				t.Errorf("order %d: %s -> %s, want %s", i, k, got, want[k])
			}
		}
		if i == 0 {
			first = ids
		} else if !slices.EqualFunc(ids, first, func(a, b identity) bool {
			return a.Key == b.Key && a.Name == b.Name && slices.Equal(a.Aliases, b.Aliases)
		}) {
			t.Errorf("order %d gives identities %+v, order 0 %+v", i, ids, first)
		}
	}
	for _, it := range first {
		if it.Key == "person:ilham aliyev" && (it.Name != "Ilham Aliyev" || !slices.Equal(it.Aliases, []string{"Aliyev", "Ilham Aliyev"})) {
			t.Errorf("Aliyev identity %+v", it)
		}
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
	if err != nil || merged.Quotes != 10 {
		t.Fatalf("after merge: %+v, %v; want 10 quotes", merged, err)
	}
	if _, err := db.Speaker(ctx, jonas.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("merged-away speaker: err %v, want ErrNotFound", err)
	}

	// Splitting "Jonas Sandberg" out takes its quotations only; "union
	// leader Sandberg" stays with the merged speaker (it is the name
	// "Sandberg" that the merge gave it).
	split, err := db.SplitSpeaker(ctx, elin.ID, "Jonas Sandberg")
	if err != nil {
		t.Fatal(err)
	}
	s, _ := db.Speaker(ctx, split)
	if s.Name != "Jonas Sandberg" || s.Quotes != 3 {
		t.Errorf("split speaker %+v, want Jonas Sandberg with 3", s)
	}
	if err := db.RenameSpeaker(ctx, elin.ID, "Elin K. Sandberg"); err != nil {
		t.Fatal(err)
	}
	if err := db.AddAlias(ctx, elin.ID, "the prime minister"); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		e, err := db.Speaker(ctx, elin.ID)
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		if e.Name != "Elin K. Sandberg" || e.Quotes != 7 || !slices.Contains(e.Aliases, "the prime minister") {
			t.Errorf("%s: %q with %d quotes, aliases %q; want Elin K. Sandberg, 7, with the alias", when, e.Name, e.Quotes, e.Aliases)
		}
		qs, _, err := db.Quotes(ctx, QuoteFilter{Speaker: "the prime minister"})
		if err != nil || len(qs) != 7 {
			t.Errorf("%s: %d quotes by the alias, err %v; want 7", when, len(qs), err)
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
	if err != nil || st.Stored != 8 {
		t.Fatalf("reextract: %+v, %v; want 8 articles", st, err)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM articles WHERE extractor_version = '0.0.0'`); n != 0 {
		t.Errorf("%d articles left at the old version", n)
	}
	check("after re-extraction")
	if n := count(t, db, `SELECT COUNT(*) FROM quotes`); n != 21 {
		t.Errorf("%d quotations after re-extraction, want the same 21", n)
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
}
