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
// cannot pile up work on the store: one at a time, so that the other core
// answers visitors (with two, at a million articles, the speaker page's p95
// under two clients was 208 ms; with one, 91 ms).
const backgroundFacets = 1

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

// memo keeps values computed from the corpus (timelines, a speaker's top
// terms) for ttl, at most max of them. Unlike facetCache it does not
// refresh in the background: these cost tens of milliseconds, not seconds,
// and a visitor after ttl pays once. Values are shared: callers must not
// change them.
type memo[K comparable, V any] struct {
	mu      sync.Mutex
	ttl     time.Duration
	max     int
	gen     int // bumped by reset, so a value computed before a write is dropped
	entries map[K]memoEntry[V]
}

type memoEntry[V any] struct {
	v    V
	made time.Time
}

func newMemo[K comparable, V any](ttl time.Duration, max int) *memo[K, V] {
	return &memo[K, V]{ttl: ttl, max: max, entries: map[K]memoEntry[V]{}}
}

// get returns the value of k, computing it when it is missing or old.
func (m *memo[K, V]) get(ctx context.Context, k K, compute func(context.Context) (V, error)) (V, error) {
	m.mu.Lock()
	e, ok := m.entries[k]
	gen := m.gen
	m.mu.Unlock()
	if ok && time.Since(e.made) < m.ttl {
		return e.v, nil
	}
	v, err := compute(ctx)
	if err != nil {
		return v, err
	}
	m.mu.Lock()
	if m.gen == gen {
		if len(m.entries) >= m.max {
			clear(m.entries) // crude, but bounded
		}
		m.entries[k] = memoEntry[V]{v, time.Now()}
	}
	m.mu.Unlock()
	return v, nil
}

func (m *memo[K, V]) reset() {
	m.mu.Lock()
	m.gen++
	clear(m.entries)
	m.mu.Unlock()
}

// timelineKey names a timeline: its filter (no page) and bucket size.
type timelineKey struct {
	f      store.QuoteFilter
	bucket string
}

type timeline struct {
	buckets []store.Bucket
	undated int
}

// timeline is the corpus's Timeline through the server's memo.
func (s *Server) timeline(ctx context.Context, f store.QuoteFilter, bucket string) ([]store.Bucket, int, error) {
	f.Limit, f.Cursor = 0, ""
	t, err := s.timelines.get(ctx, timelineKey{f, bucket}, func(ctx context.Context) (timeline, error) {
		bs, undated, err := s.corpus.Timeline(ctx, f, bucket)
		return timeline{bs, undated}, err
	})
	return t.buckets, t.undated, err
}

// resetCaches forgets everything computed from the corpus, after a write.
func (s *Server) resetCaches() {
	s.facetCache.reset()
	s.timelines.reset()
	s.terms.reset()
}
