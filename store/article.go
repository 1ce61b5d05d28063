package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"chronicle/article"
	"chronicle/extract"
)

// Article returns one stored article with its record and quotations.
func (db *DB) Article(ctx context.Context, id int64) (Article, error) {
	a := Article{ID: id}
	r := &a.Record
	var tj, ej string
	err := db.sql.QueryRowContext(ctx, `SELECT input_id, source, url, title, published, published_from,
		language, content_hash, duplicate_of, extractor_version, timexes, entities, text
		FROM articles WHERE id = ?`, id).Scan(&r.ID, &r.Source, &r.URL, &r.Title, &r.Published,
		&r.PublishedFrom, &r.Language, &a.ContentHash, &a.DuplicateOf, &a.ExtractVersion, &tj, &ej, &r.Text)
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return a, fmt.Errorf("article %d: %w", id, err)
	}
	r.Version = a.ExtractVersion
	runes := []rune(r.Text)
	if r.Timexes, err = decodeTimexes([]byte(tj), runes); err != nil {
		return a, fmt.Errorf("article %d: %w", id, err)
	}
	if r.Entities, err = decodeEntities([]byte(ej), runes); err != nil {
		return a, fmt.Errorf("article %d: %w", id, err)
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT `+quoteColumns+` FROM quotes q
		JOIN articles a ON a.id = q.article_id WHERE q.article_id = ? ORDER BY q.seq`, id)
	if err != nil {
		return a, fmt.Errorf("article %d quotations: %w", id, err)
	}
	defer rows.Close()
	a.Quotes, r.Quotes = []Quote{}, []extract.Quote{}
	for rows.Next() {
		q, err := scanQuote(rows)
		if err != nil {
			return a, fmt.Errorf("article %d quotations: %w", id, err)
		}
		a.Quotes = append(a.Quotes, q)
		r.Quotes = append(r.Quotes, q.Quote)
	}
	return a, rows.Err()
}

// FindArticle returns the article with the store ID ref, else the first
// stored with the input id ref.
func (db *DB) FindArticle(ctx context.Context, ref string) (Article, error) {
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		a, err := db.Article(ctx, id)
		if !errors.Is(err, ErrNotFound) {
			return a, err
		}
	}
	var id int64
	err := db.sql.QueryRowContext(ctx, `SELECT id FROM articles WHERE input_id = ? ORDER BY id LIMIT 1`, ref).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return Article{}, fmt.Errorf("article %q: %w", ref, ErrNotFound)
	}
	if err != nil {
		return Article{}, fmt.Errorf("article %q: %w", ref, err)
	}
	return db.Article(ctx, id)
}

// source rebuilds the input article of a stored one, for re-extraction.
func sourceArticle(r rowScanner) (id int64, dup bool, a article.Article, err error) {
	var dupOf sql.NullInt64
	err = r.Scan(&id, &dupOf, &a.ID, &a.Title, &a.Source, &a.URL, &a.Text, &a.Published, &a.PublishedFrom, &a.Format)
	return id, dupOf.Valid, a, err
}
