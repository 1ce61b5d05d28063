package server

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"chronicle/article"
	"chronicle/extract"
	"chronicle/store"
)

// memCorpus is a small in-memory Corpus (and Editor) made by extracting
// the fixture articles, so the handlers are tested on real records without
// the store. Its filters follow store.QuoteFilter's documented meaning; its
// cursors are plain offsets.
type memCorpus struct {
	mu       sync.Mutex
	articles []store.Article
	quotes   []store.Quote
	speakers map[int64]*store.Speaker
}

func newMemCorpus(t testing.TB, paths ...string) *memCorpus {
	t.Helper()
	c := &memCorpus{speakers: map[int64]*store.Speaker{}}
	byName := map[string]int64{}
	err := article.Walk(context.Background(), paths, func(it article.Item) error {
		if it.Err != nil {
			return it.Err
		}
		rec := extract.Article(it.Article, extract.Options{WithText: true})
		a := store.Article{ID: int64(len(c.articles) + 1), Record: rec, ExtractVersion: rec.Version}
		for _, q := range rec.Quotes {
			sq := store.Quote{ID: int64(len(c.quotes) + 1), ArticleID: a.ID, Article: rec.ID, Source: rec.Source,
				URL: rec.URL, Title: rec.Title, Published: rec.Published, Quote: q}
			if q.Speaker != nil {
				id, ok := byName[*q.Speaker]
				if !ok {
					id = int64(len(byName) + 1)
					byName[*q.Speaker] = id
					c.speakers[id] = &store.Speaker{ID: id, Name: *q.Speaker, Type: q.SpeakerType, Aliases: []string{}, Roles: []store.Role{}}
				}
				sq.SpeakerID = &id
			}
			a.Quotes = append(a.Quotes, sq)
			c.quotes = append(c.quotes, sq)
		}
		c.articles = append(c.articles, a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	c.restat()
	return c
}

// restat recomputes the speakers' counts, dates, outlets and roles.
func (c *memCorpus) restat() {
	for _, sp := range c.speakers {
		sp.Quotes, sp.First, sp.Last, sp.Sources, sp.Roles = 0, nil, nil, []string{}, []store.Role{}
	}
	for _, q := range c.quotes {
		if q.SpeakerID == nil {
			continue
		}
		sp := c.speakers[*q.SpeakerID]
		sp.Quotes++
		if d := quoteDate(q); d != "" {
			if sp.First == nil || d < *sp.First {
				sp.First = &d
			}
			if sp.Last == nil || d > *sp.Last {
				sp.Last = &d
			}
		}
		if !slices.Contains(sp.Sources, q.Source) {
			sp.Sources = append(sp.Sources, q.Source)
		}
		if q.SpeakerRole != nil && !slices.ContainsFunc(sp.Roles, func(r store.Role) bool { return r.Role == *q.SpeakerRole }) {
			sp.Roles = append(sp.Roles, store.Role{Role: *q.SpeakerRole, First: q.Published, Last: q.Published, Count: 1})
		}
	}
}

func quoteDate(q store.Quote) string {
	if q.SaidOn != nil {
		return *q.SaidOn
	}
	if q.Published != nil {
		return dateOnly(*q.Published)
	}
	return ""
}

func containsWords(text, query string) bool {
	text = strings.ToLower(text)
	for _, w := range words(query) {
		if !strings.Contains(text, strings.TrimSuffix(w, "*")) {
			return false
		}
	}
	return true
}

func (c *memCorpus) speakerMatches(q store.Quote, who string) bool {
	if q.SpeakerID == nil {
		return false
	}
	sp := c.speakers[*q.SpeakerID]
	return who == strconv.FormatInt(sp.ID, 10) || strings.EqualFold(who, sp.Name) ||
		slices.ContainsFunc(sp.Aliases, func(a string) bool { return strings.EqualFold(a, who) })
}

func (c *memCorpus) selected(f store.QuoteFilter) []store.Quote {
	var out []store.Quote
	for _, q := range c.quotes {
		d := quoteDate(q)
		switch {
		case f.Speaker != "" && !c.speakerMatches(q, f.Speaker),
			f.About != "" && !containsWords(q.Text, f.About),
			f.Source != "" && q.Source != f.Source,
			f.Since != "" && (d == "" || d < f.Since),
			f.Until != "" && (d == "" || d > f.Until):
			continue
		}
		out = append(out, q)
	}
	slices.SortStableFunc(out, func(a, b store.Quote) int {
		da, db := quoteDate(a), quoteDate(b)
		if (da == "") != (db == "") {
			if da == "" {
				return 1 // undated last
			}
			return -1
		}
		return cmp.Or(cmp.Compare(da, db), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// page cuts a list at an offset cursor.
func offsetPage[T any](all []T, limit int, cursor string) ([]T, string, error) {
	from := 0
	if cursor != "" {
		n, err := strconv.Atoi(cursor)
		if err != nil || n < 0 || n > len(all) {
			return nil, "", fmt.Errorf("bad cursor %q", cursor)
		}
		from = n
	}
	all = all[from:]
	if limit <= 0 || limit >= len(all) {
		return all, "", nil
	}
	return all[:limit], strconv.Itoa(from + limit), nil
}

func (c *memCorpus) Quotes(ctx context.Context, f store.QuoteFilter) ([]store.Quote, string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return offsetPage(c.selected(f), f.Limit, f.Cursor)
}

func (c *memCorpus) Speakers(ctx context.Context, f store.SpeakerFilter) ([]store.Speaker, string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []store.Speaker
	for _, sp := range c.speakers {
		names := append([]string{sp.Name}, sp.Aliases...)
		if f.Query == "" || slices.ContainsFunc(names, func(n string) bool {
			return strings.HasPrefix(strings.ToLower(n), strings.ToLower(f.Query))
		}) {
			out = append(out, *sp)
		}
	}
	slices.SortFunc(out, func(a, b store.Speaker) int { return cmp.Or(cmp.Compare(b.Quotes, a.Quotes), cmp.Compare(a.ID, b.ID)) })
	return offsetPage(out, f.Top, f.Cursor)
}

func (c *memCorpus) Speaker(ctx context.Context, id int64) (store.Speaker, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	sp, ok := c.speakers[id]
	if !ok {
		return store.Speaker{}, fmt.Errorf("speaker %d: %w", id, store.ErrNotFound)
	}
	return *sp, nil
}

func (c *memCorpus) Search(ctx context.Context, query string, limit int, cursor string) ([]store.Hit, string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var hits []store.Hit
	for _, q := range c.selected(store.QuoteFilter{About: query}) {
		id := q.ID
		hits = append(hits, store.Hit{Kind: "quote", ArticleID: q.ArticleID, QuoteID: &id, Title: q.Title, Source: q.Source,
			Published: q.Published, Speaker: q.Speaker, Snippet: markWords(q.Text, query)})
	}
	for _, a := range c.articles {
		if containsWords(a.Record.Title, query) {
			hits = append(hits, store.Hit{Kind: "article", ArticleID: a.ID, Title: a.Record.Title, Source: a.Record.Source,
				Published: a.Record.Published, Snippet: markWords(a.Record.Title, query)})
		}
	}
	return offsetPage(hits, limit, cursor)
}

// markWords puts the query's words between « and », as the store's snippets do.
func markWords(text, query string) string {
	var b strings.Builder
	for _, p := range highlight(text, query) {
		if p.Mark {
			b.WriteString("«" + p.Text + "»")
		} else {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

func (c *memCorpus) Facets(ctx context.Context, f store.QuoteFilter) (store.Facets, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var fc store.Facets
	speakers, sources, months := map[int64]int{}, map[string]int{}, map[string]int{}
	for _, q := range c.selected(f) {
		fc.Total++
		if q.SpeakerID != nil {
			speakers[*q.SpeakerID]++
		}
		sources[q.Source]++
		if d := quoteDate(q); d != "" {
			months[d[:7]]++
			if fc.First == nil || d < *fc.First {
				fc.First = &d
			}
			if fc.Last == nil || d > *fc.Last {
				fc.Last = &d
			}
		}
	}
	for id, n := range speakers {
		fc.Speakers = append(fc.Speakers, store.Count{Key: c.speakers[id].Name, ID: &id, N: n})
	}
	for k, n := range sources {
		fc.Sources = append(fc.Sources, store.Count{Key: k, N: n})
	}
	for k, n := range months {
		fc.Months = append(fc.Months, store.Count{Key: k, N: n})
	}
	byN := func(a, b store.Count) int { return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Key, b.Key)) }
	slices.SortFunc(fc.Speakers, byN)
	slices.SortFunc(fc.Sources, byN)
	slices.SortFunc(fc.Months, func(a, b store.Count) int { return cmp.Compare(a.Key, b.Key) })
	return fc, nil
}

func (c *memCorpus) Article(ctx context.Context, id int64) (store.Article, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if id < 1 || id > int64(len(c.articles)) {
		return store.Article{}, fmt.Errorf("article %d: %w", id, store.ErrNotFound)
	}
	return c.articles[id-1], nil
}

func (c *memCorpus) Timeline(ctx context.Context, f store.QuoteFilter, bucket string) ([]store.Bucket, int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []store.Bucket
	undated := 0
	for _, q := range c.selected(f) {
		start := bucketOf(quoteDate(q), bucket)
		if start == "" {
			undated++
			continue
		}
		if len(out) == 0 || out[len(out)-1].Start != start {
			out = append(out, store.Bucket{Start: start})
		}
		b := &out[len(out)-1]
		b.Count++
		b.QuoteIDs = append(b.QuoteIDs, q.ID)
	}
	return out, undated, nil
}

func (c *memCorpus) MergeSpeakers(ctx context.Context, into, from int64) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	a, b := c.speakers[into], c.speakers[from]
	if a == nil || b == nil {
		return fmt.Errorf("merge %d into %d: %w", from, into, store.ErrNotFound)
	}
	for i := range c.quotes {
		if q := &c.quotes[i]; q.SpeakerID != nil && *q.SpeakerID == from {
			q.SpeakerID = &a.ID
		}
	}
	a.Aliases = append(a.Aliases, b.Name)
	delete(c.speakers, from)
	c.restat()
	return nil
}

func (c *memCorpus) SplitSpeaker(ctx context.Context, id int64, alias string) (int64, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.speakers[id] == nil {
		return 0, fmt.Errorf("speaker %d: %w", id, store.ErrNotFound)
	}
	nid := int64(len(c.speakers) + 100)
	c.speakers[nid] = &store.Speaker{ID: nid, Name: alias, Type: "person", Aliases: []string{}}
	c.restat()
	return nid, nil
}

func (c *memCorpus) RenameSpeaker(ctx context.Context, id int64, name string) error {
	return c.editSpeaker(id, func(sp *store.Speaker) {
		sp.Aliases = append(sp.Aliases, sp.Name)
		sp.Name = name
	})
}

func (c *memCorpus) AddAlias(ctx context.Context, id int64, alias string) error {
	return c.editSpeaker(id, func(sp *store.Speaker) { sp.Aliases = append(sp.Aliases, alias) })
}

func (c *memCorpus) editSpeaker(id int64, edit func(*store.Speaker)) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	sp := c.speakers[id]
	if sp == nil {
		return fmt.Errorf("speaker %d: %w", id, store.ErrNotFound)
	}
	edit(sp)
	return nil
}

// speakerNamed finds a speaker's ID in the fake corpus by name.
func (c *memCorpus) speakerNamed(t testing.TB, name string) int64 {
	t.Helper()
	for id, sp := range c.speakers {
		if sp.Name == name {
			return id
		}
	}
	t.Fatalf("no speaker %q in the test corpus", name)
	return 0
}
