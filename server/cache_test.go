package server

import (
	"context"
	"strconv"
	"testing"

	"chronicle/store"
)

// countingCorpus counts the Facets calls that reach the corpus.
type countingCorpus struct {
	*memCorpus
	facets int
}

func (c *countingCorpus) Facets(ctx context.Context, f store.QuoteFilter) (store.Facets, error) {
	c.facets++
	return c.memCorpus.Facets(ctx, f)
}

func TestFacetsAreCachedUntilAWrite(t *testing.T) {
	mem := newMemCorpus(t, fixtures...)
	c := &countingCorpus{memCorpus: mem}
	s, err := New(c, Options{AllowWrite: true, Editor: mem})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		getPage(t, s, "/", 200)
		getPage(t, s, "/?limit=10", 200) // the same facets: page size is not part of them
	}
	if c.facets != 1 {
		t.Errorf("%d Facets calls for six views of one filter, want 1", c.facets)
	}
	getPage(t, s, "/?source=Valley+Post", 200)
	if c.facets != 2 {
		t.Errorf("another filter: %d calls, want 2", c.facets)
	}
	id := strconv.FormatInt(mem.speakerNamed(t, "Ines Vogt"), 10)
	if w := do(t, s, "POST", "/api/speakers/"+id+"/rename", `{"name":"I. Vogt"}`, "Content-Type", "application/json"); w.Code != 200 {
		t.Fatalf("rename: %d", w.Code)
	}
	mustContain(t, "search page after a rename", getPage(t, s, "/", 200), "I. Vogt")
	if c.facets != 3 {
		t.Errorf("after a write: %d calls, want 3", c.facets)
	}
}
