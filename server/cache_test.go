package server

import (
	"context"
	"strconv"
	"sync"
	"testing"
	"time"

	"chronicle/store"
)

// countingCorpus counts the Facets calls that reach the corpus.
type countingCorpus struct {
	*memCorpus
	mu     sync.Mutex
	facets int
}

func (c *countingCorpus) Facets(ctx context.Context, f store.QuoteFilter) (store.Facets, error) {
	c.mu.Lock()
	c.facets++
	c.mu.Unlock()
	return c.memCorpus.Facets(ctx, f)
}

func (c *countingCorpus) calls() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.facets
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
	if c.calls() != 1 {
		t.Errorf("%d Facets calls for six views of one filter, want 1", c.calls())
	}
	getPage(t, s, "/?source=Valley+Post", 200)
	if c.calls() != 2 {
		t.Errorf("another filter: %d calls, want 2", c.calls())
	}
	id := strconv.FormatInt(mem.speakerNamed(t, "Ines Vogt"), 10)
	if w := do(t, s, "POST", "/api/speakers/"+id+"/rename", `{"name":"I. Vogt"}`, "Content-Type", "application/json"); w.Code != 200 {
		t.Fatalf("rename: %d", w.Code)
	}
	mustContain(t, "search page after a rename", getPage(t, s, "/", 200), "I. Vogt")
	if c.calls() != 3 {
		t.Errorf("after a write: %d calls, want 3", c.calls())
	}

	// Past its time an entry is served as it is while it is computed again.
	s.facetCache.ttl = 0
	getPage(t, s, "/", 200)
	deadline := time.Now().Add(5 * time.Second)
	for c.calls() != 4 {
		if time.Now().After(deadline) {
			t.Fatalf("stale entry not refreshed: %d calls", c.calls())
		}
		time.Sleep(10 * time.Millisecond)
	}
}
