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
	// refreshing marks the stale entries being computed again.
	refreshing map[store.QuoteFilter]bool
	gen        int // bumped by reset, so a refresh begun before a write is dropped
}

type facetEntry struct {
	f    store.Facets
	made time.Time
}

func newFacetCache(ttl time.Duration, max int) *facetCache {
	return &facetCache{ttl: ttl, max: max, entries: map[store.QuoteFilter]facetEntry{}, refreshing: map[store.QuoteFilter]bool{}}
}

// facets answers from the cache when it can, else asks the corpus. An
// entry past its time is still served while one goroutine refreshes it, so
// the slow corpus-wide summary is paid once, not by a visitor a minute.
func (s *Server) facets(ctx context.Context, f store.QuoteFilter) (store.Facets, error) {
	f.Limit, f.Cursor = 0, ""
	c := s.facetCache
	c.mu.Lock()
	e, ok := c.entries[f]
	stale := ok && time.Since(e.made) >= c.ttl
	refresh := stale && !c.refreshing[f]
	if refresh {
		c.refreshing[f] = true
	}
	gen := c.gen
	c.mu.Unlock()
	if refresh {
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			fc, err := s.corpus.Facets(ctx, f)
			c.mu.Lock()
			defer c.mu.Unlock()
			delete(c.refreshing, f)
			if err == nil && c.gen == gen {
				c.put(f, fc)
			}
		}()
	}
	if ok {
		return e.f, nil
	}
	fc, err := s.corpus.Facets(ctx, f)
	if err != nil {
		return fc, err
	}
	c.mu.Lock()
	if c.gen == gen {
		c.put(f, fc)
	}
	c.mu.Unlock()
	return fc, nil
}

// put stores an entry; c.mu is held.
func (c *facetCache) put(f store.QuoteFilter, fc store.Facets) {
	if len(c.entries) >= c.max {
		clear(c.entries) // crude, but bounded; hot filters come back at once
	}
	c.entries[f] = facetEntry{fc, time.Now()}
}

// has reports whether f has an entry, stale or not.
func (c *facetCache) has(f store.QuoteFilter) bool {
	f.Limit, f.Cursor = 0, ""
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.entries[f]
	return ok
}

func (c *facetCache) reset() {
	c.mu.Lock()
	c.gen++
	clear(c.entries)
	c.mu.Unlock()
}

// Warm computes the corpus-wide facets ahead of the first visitor.
func (s *Server) Warm(ctx context.Context) error {
	_, err := s.facets(ctx, store.QuoteFilter{})
	return err
}

// backgroundFacets bounds the facet computations that go on after their
// page went out without them (Options.FacetWait), so a burst of new queries
// cannot pile up work on the store.
const backgroundFacets = 2

// facetsWithin is facets for pages: ok is false when they were not ready
// within Options.FacetWait.
func (s *Server) facetsWithin(ctx context.Context, f store.QuoteFilter) (fc store.Facets, ok bool, err error) {
	if s.facetCache.has(f) {
		// Cached, fresh or stale: facets answers at once.
		fc, err := s.facets(ctx, f)
		return fc, err == nil, err
	}
	select {
	case s.facetSlots <- struct{}{}:
	default:
		return store.Facets{}, false, nil // every slot is busy: the page goes without
	}
	type result struct {
		fc  store.Facets
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() { <-s.facetSlots }()
		bg, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
		defer cancel()
		fc, err := s.facets(bg, f)
		done <- result{fc, err}
	}()
	timer := time.NewTimer(s.opt.FacetWait)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.fc, r.err == nil, r.err
	case <-timer.C:
		return store.Facets{}, false, nil
	case <-ctx.Done():
		return store.Facets{}, false, ctx.Err()
	}
}
