package server

import (
	"context"
	"strings"

	"chronicle/store"
)

// Corpus is what the server needs of the store. *store.DB satisfies it; the
// tests also use a small in-memory corpus.
type Corpus interface {
	Quotes(ctx context.Context, f store.QuoteFilter) ([]store.Quote, string, error)
	Speakers(ctx context.Context, f store.SpeakerFilter) ([]store.Speaker, string, error)
	Speaker(ctx context.Context, id int64) (store.Speaker, error)
	Search(ctx context.Context, query string, limit int, cursor string) ([]store.Hit, string, error)
	Facets(ctx context.Context, f store.QuoteFilter) (store.Facets, error)
	Article(ctx context.Context, id int64) (store.Article, error)
	Timeline(ctx context.Context, f store.QuoteFilter, bucket string) ([]store.Bucket, int, error)
}

// Editor is the store's speaker corrections, served only with --allow-write.
type Editor interface {
	MergeSpeakers(ctx context.Context, into, from int64) error
	SplitSpeaker(ctx context.Context, id int64, alias string) (int64, error)
	RenameSpeaker(ctx context.Context, id int64, name string) error
	AddAlias(ctx context.Context, id int64, alias string) error
}

var (
	_ Corpus = (*store.DB)(nil)
	_ Editor = (*store.DB)(nil)
)

// plainFallback makes Facets and Timeline treat a query that is not FTS5
// syntax as plain words, as the store's Search and Quotes already do, so that
// a page's counts agree with its list. (A stopgap until the store does it.)
type plainFallback struct{ Corpus }

func (c plainFallback) Facets(ctx context.Context, f store.QuoteFilter) (store.Facets, error) {
	fc, err := c.Corpus.Facets(ctx, f)
	if err != nil && f.About != "" && badQuery(err) && ctx.Err() == nil {
		f.About = plainWords(f.About)
		return c.Corpus.Facets(ctx, f)
	}
	return fc, err
}

func (c plainFallback) Timeline(ctx context.Context, f store.QuoteFilter, bucket string) ([]store.Bucket, int, error) {
	bs, n, err := c.Corpus.Timeline(ctx, f, bucket)
	if err != nil && f.About != "" && badQuery(err) && ctx.Err() == nil {
		f.About = plainWords(f.About)
		return c.Corpus.Timeline(ctx, f, bucket)
	}
	return bs, n, err
}

// plainWords quotes each word of q, so FTS5 reads no operators in it.
func plainWords(q string) string {
	var out []string
	for _, w := range strings.FieldsFunc(q, func(r rune) bool { return !isWordRune(r) }) {
		out = append(out, `"`+w+`"`)
	}
	return strings.Join(out, " ")
}
