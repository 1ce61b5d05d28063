package server

import (
	"context"

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
