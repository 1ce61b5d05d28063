package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Search finds quotations and articles whose text matches query (FTS5
// syntax; a query that is not valid FTS5 is searched as plain words), in
// date order like every listing, undated last. Near-duplicates are left out.
func (db *DB) Search(ctx context.Context, query string, limit int, cur string) ([]Hit, string, error) {
	if strings.TrimSpace(query) == "" {
		return nil, "", fmt.Errorf("%w: search: empty query", ErrBadQuery)
	}
	hits, next, err := db.search(ctx, query, limit, cur)
	if err != nil && ctx.Err() == nil && !errors.Is(err, errCursor) {
		plain := plainQuery(query)
		if plain == "" {
			return nil, "", nil
		}
		hits, next, err = db.search(ctx, plain, limit, cur)
	}
	if err != nil {
		return nil, "", fmt.Errorf("search %q: %w", query, err)
	}
	return hits, next, nil
}

// retryPlain reports whether err is FTS5 rejecting the syntax of f.About;
// if so it rewrites f.About as plain words (plainQuery), so that the caller
// can run the query again: a user's stray quote or colon is no error.
func retryPlain(ctx context.Context, f *QuoteFilter, err error) bool {
	if err == nil || f.About == "" || ctx.Err() != nil || !strings.Contains(err.Error(), "SQL logic error") {
		return false
	}
	f.About = plainQuery(f.About)
	return true
}

// plainQuery keeps the words of q, each quoted, so that punctuation and
// operators mean nothing to FTS5.
func plainQuery(q string) string {
	var out []string
	for _, w := range strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		out = append(out, `"`+w+`"`)
	}
	return strings.Join(out, " ")
}

// A search reads two streams in date-key order (datekey.go), quotations
// and articles, each from its full-text index and at most a page of each,
// and merges them: on the same day quotations come first, then articles,
// each by ID. The cursor is the last hit's day, kind and ID.
func (db *DB) search(ctx context.Context, query string, limit int, cur string) ([]Hit, string, error) {
	quoteFrom, articleFrom := int64(0), int64(0)
	if cur != "" {
		c, err := decodeCursor(cur)
		if err != nil {
			return nil, "", fmt.Errorf("%w: %v", errCursor, err)
		}
		d, kind, _ := strings.Cut(c.key, "|")
		day, err := strconv.ParseInt(d, 10, 64)
		if err != nil || kind != "0" && kind != "1" {
			return nil, "", fmt.Errorf("%w %q", errCursor, cur)
		}
		if kind == "0" { // after a quotation: later ones, and that day's articles
			quoteFrom, articleFrom = day<<idBits+c.id+1, day<<idBits
		} else { // after an article: the next day's quotations, later articles
			quoteFrom, articleFrom = (day+1)<<idBits, day<<idBits+c.id+1
		}
	}
	n := -1
	if limit > 0 {
		n = limit + 1 // one more, to know whether there is a next page
	}
	quotes, err := db.searchRefs(ctx, "0", `SELECT quotes_fts.rowid, q.id, q.article_id
		FROM quotes_fts JOIN quotes q ON q.fkey = quotes_fts.rowid
		WHERE quotes_fts MATCH ? AND quotes_fts.rowid >= ? AND q.dup = 0
		ORDER BY quotes_fts.rowid LIMIT ?`, quoteText(query), quoteFrom, n)
	if err != nil {
		return nil, "", err
	}
	articles, err := db.searchRefs(ctx, "1", `SELECT articles_fts.rowid, a.id, a.id
		FROM articles_fts JOIN articles a ON a.fkey = articles_fts.rowid
		WHERE articles_fts MATCH ? AND articles_fts.rowid >= ? AND a.duplicate_of IS NULL
		ORDER BY articles_fts.rowid LIMIT ?`, query, articleFrom, n)
	if err != nil {
		return nil, "", err
	}
	var refs []searchRef
	for len(quotes)+len(articles) > 0 && (limit <= 0 || len(refs) <= limit) {
		if len(articles) == 0 || len(quotes) > 0 && quotes[0].fkey>>idBits <= articles[0].fkey>>idBits {
			refs, quotes = append(refs, quotes[0]), quotes[1:]
		} else {
			refs, articles = append(refs, articles[0]), articles[1:]
		}
	}
	next := ""
	if limit > 0 && len(refs) > limit {
		refs = refs[:limit]
		last := refs[limit-1]
		next = encodeCursor(cursor{strconv.FormatInt(last.fkey>>idBits, 10) + "|" + last.kind, last.rid})
	}
	hits, err := db.hits(ctx, query, refs)
	if err != nil {
		return nil, "", err
	}
	return hits, next, nil
}

// searchRef is one search result before its snippet: its kind ("0" for a
// quotation, "1" for an article), full-text rowid, ID and article.
type searchRef struct {
	kind           string
	fkey, rid, aid int64
}

func (db *DB) searchRefs(ctx context.Context, kind, q string, args ...any) ([]searchRef, error) {
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []searchRef
	for rows.Next() {
		r := searchRef{kind: kind}
		if err := rows.Scan(&r.fkey, &r.rid, &r.aid); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// hits fills in the search results of one page, each with its snippet.
// The index keeps no text (index.go), so FTS5 makes the snippets over a
// copy of the page's texts in a temporary table of the reading connection:
// the same snippets as from the index, for the shown page only.
func (db *DB) hits(ctx context.Context, query string, refs []searchRef) ([]Hit, error) {
	if len(refs) == 0 {
		return nil, nil
	}
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	out := make([]Hit, len(refs))
	args := make([]any, 0, 3*len(refs))
	for i, r := range refs {
		h := &out[i]
		*h = Hit{Kind: "article", ArticleID: r.aid}
		var title, text string
		if r.kind == "0" {
			h.Kind, h.QuoteID = "quote", &r.rid
			err = conn.QueryRowContext(ctx, `SELECT a.title, a.source, a.published, q.text, COALESCE(s.name, q.speaker)
				FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id
				WHERE q.id = ?`, r.rid).Scan(&h.Title, &h.Source, &h.Published, &text, &h.Speaker)
		} else {
			err = conn.QueryRowContext(ctx, `SELECT title, source, published, text FROM articles WHERE id = ?`, r.aid).
				Scan(&h.Title, &h.Source, &h.Published, &text)
			title = h.Title
		}
		if err != nil {
			return nil, err
		}
		h.Snippet = clip(text, 160) // clip: format.go; kept if FTS5 finds no match (a quotation replaced since)
		args = append(args, i, title, text)
	}
	snippets, err := snippets(ctx, conn, query, args)
	if err != nil {
		return nil, err
	}
	for i, sn := range snippets {
		out[i].Snippet = sn
	}
	return out, nil
}

// snippets marks the matches of query in each (rowid, title, text) of
// rows, as FTS5's snippet function does, and returns them by rowid.
func snippets(ctx context.Context, conn *sql.Conn, query string, rows []any) (map[int]string, error) {
	_, err := conn.ExecContext(ctx, `CREATE VIRTUAL TABLE IF NOT EXISTS temp.snippets USING fts5(title, text)`)
	if err == nil {
		_, err = conn.ExecContext(ctx, `INSERT INTO temp.snippets (rowid, title, text) VALUES (?, ?, ?)`+
			strings.Repeat(", (?, ?, ?)", len(rows)/3-1), rows...)
	}
	if err != nil {
		return nil, fmt.Errorf("snippets: %w", err)
	}
	out := map[int]string{}
	rs, err := conn.QueryContext(ctx, `SELECT rowid, snippet(snippets, -1, '«', '»', '…', 24) FROM temp.snippets
		WHERE snippets MATCH ?`, query)
	if err == nil {
		for rs.Next() {
			var i int
			var s string
			if err = rs.Scan(&i, &s); err != nil {
				break
			}
			out[i] = s
		}
		rs.Close()
		if err == nil {
			err = rs.Err()
		}
	}
	if _, derr := conn.ExecContext(ctx, `DELETE FROM temp.snippets`); err == nil {
		err = derr
	}
	if err != nil {
		return nil, fmt.Errorf("snippets: %w", err)
	}
	return out, nil
}
