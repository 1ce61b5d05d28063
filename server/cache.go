package server

import (
	"context"
	"sync"
	"time"

	"chronicle/store"
)

// facetCache keeps recent facet summaries for a while. Facets aggregate
// every quotation a filter selects, so the corpus-wide ones (the search
// page's first view) cost time in proportion to the corpus; the corpus only
// changes through the server's own writes, which clear the cache.
type facetCache struct {
	mu      sync.Mutex
	ttl     time.Duration
	max     int
	entries map[store.QuoteFilter]facetEntry
}

type facetEntry struct {
	f    store.Facets
	made time.Time
}

func newFacetCache(ttl time.Duration, max int) *facetCache {
	return &facetCache{ttl: ttl, max: max, entries: map[store.QuoteFilter]facetEntry{}}
}

// facets answers from the cache when it can, else asks the corpus.
func (s *Server) facets(ctx context.Context, f store.QuoteFilter) (store.Facets, error) {
	f.Limit, f.Cursor = 0, ""
	c := s.facetCache
	c.mu.Lock()
	e, ok := c.entries[f]
	c.mu.Unlock()
	if ok && time.Since(e.made) < c.ttl {
		return e.f, nil
	}
	fc, err := s.corpus.Facets(ctx, f)
	if err != nil {
		return fc, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) >= c.max {
		clear(c.entries) // crude, but bounded; hot filters come back at once
	}
	c.entries[f] = facetEntry{fc, time.Now()}
	return fc, nil
}

func (c *facetCache) reset() {
	c.mu.Lock()
	clear(c.entries)
	c.mu.Unlock()
}

// Warm computes the corpus-wide facets ahead of the first visitor.
func (s *Server) Warm(ctx context.Context) error {
	_, err := s.facets(ctx, store.QuoteFilter{})
	return err
}
