package server

import (
	"context"
	"strconv"
	"strings"
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
	s, err := New(c, Options{AllowWrite: true, Editor: mem, FacetWait: time.Minute})
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

// slowFacets holds every Facets call until release is closed.
type slowFacets struct {
	*memCorpus
	release chan struct{}
}

func (c *slowFacets) Facets(ctx context.Context, f store.QuoteFilter) (store.Facets, error) {
	<-c.release
	return c.memCorpus.Facets(ctx, f)
}

func TestPagesDoNotWaitLongForFacets(t *testing.T) {
	c := &slowFacets{memCorpus: newMemCorpus(t, fixtures...), release: make(chan struct{})}
	s, err := New(c, Options{FacetWait: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	body := getPage(t, s, "/?q=crab", 200)
	mustContain(t, "search before its facets", body, "Counting the matches", "<mark>crab</mark>")
	body = getPage(t, s, "/compare?a=Marta+Keller&b=Tomas+Reyes", 200)
	mustContain(t, "compare before its totals", body, "Counting: reload", "cargo ships")
	close(c.release)
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(getPage(t, s, "/?q=crab", 200), "2 quotations from 2024-05-20") {
		if time.Now().After(deadline) {
			t.Fatal("the facets finished in the background never reached the page")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// timelineCounting counts the Timeline calls that reach the corpus.
type timelineCounting struct {
	*memCorpus
	mu sync.Mutex
	n  int
}

func (c *timelineCounting) Timeline(ctx context.Context, f store.QuoteFilter, bucket string) ([]store.Bucket, int, error) {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
	return c.memCorpus.Timeline(ctx, f, bucket)
}

func (c *timelineCounting) calls() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

// A speaker's timeline is computed once for the page and the API alike, and
// again after a write; the bucket size is part of it.
func TestTimelinesAreCachedUntilAWrite(t *testing.T) {
	mem := newMemCorpus(t, fixtures...)
	c := &timelineCounting{memCorpus: mem}
	s, err := New(c, Options{AllowWrite: true, Editor: mem})
	if err != nil {
		t.Fatal(err)
	}
	id := strconv.FormatInt(mem.speakerNamed(t, "Ines Vogt"), 10)
	for range 2 {
		getPage(t, s, "/speakers/"+id, 200)
		if w := do(t, s, "GET", "/api/timeline?speaker="+id+"&bucket=month", ""); w.Code != 200 {
			t.Fatalf("api timeline: %d", w.Code)
		}
	}
	if c.calls() != 1 {
		t.Errorf("%d Timeline calls for four views of one timeline, want 1", c.calls())
	}
	getPage(t, s, "/speakers/"+id+"?bucket=week", 200)
	if c.calls() != 2 {
		t.Errorf("weekly timeline: %d calls, want 2", c.calls())
	}
	if w := do(t, s, "POST", "/api/speakers/"+id+"/rename", `{"name":"I. Vogt"}`, "Content-Type", "application/json"); w.Code != 200 {
		t.Fatalf("rename: %d", w.Code)
	}
	getPage(t, s, "/speakers/"+id, 200)
	if c.calls() != 3 {
		t.Errorf("after a write: %d calls, want 3", c.calls())
	}
	s.timelines.ttl = 0
	getPage(t, s, "/speakers/"+id, 200)
	if c.calls() != 4 {
		t.Errorf("past its time: %d calls, want 4", c.calls())
	}
}
