package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// Search finds quotations and articles whose text matches query (FTS5
// syntax; a query that is not valid FTS5 is searched as plain words), in
// date order like every listing, undated last. Near-duplicates are left out.
func (db *DB) Search(ctx context.Context, query string, limit int, cur string) ([]Hit, string, error) {
	if strings.TrimSpace(query) == "" {
		return nil, "", errors.New("search: empty query")
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

// plainQuery keeps the words of q, each quoted, so that punctuation and
// operators mean nothing to FTS5.
func plainQuery(q string) string {
	var out []string
	for _, w := range strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		out = append(out, `"`+w+`"`)
	}
	return strings.Join(out, " ")
}

func (db *DB) search(ctx context.Context, query string, limit int, cur string) ([]Hit, string, error) {
	// The sort key orders quotations ("0") before articles ("1") on the same
	// day, then by ID; the kind keeps the two kinds of ID apart in the cursor.
	where, args := "", []any{query, query}
	if cur != "" {
		c, err := decodeCursor(cur)
		if err != nil {
			return nil, "", fmt.Errorf("%w: %v", errCursor, err)
		}
		where = "WHERE (dkey, kind, rid) > (?, ?, ?)"
		dk, kind, _ := strings.Cut(c.key, "|")
		args = append(args, dk, kind, c.id)
	}
	q := `SELECT kind, rid, aid, dkey FROM (
		SELECT '1' AS kind, a.id AS rid, a.id AS aid, COALESCE(substr(a.published, 1, 10), '~') AS dkey
		FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
		WHERE articles_fts MATCH ? AND a.duplicate_of IS NULL
		UNION ALL
		SELECT '0', q.id, q.article_id, q.dkey
		FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid
		WHERE quotes_fts MATCH ? AND q.dup = 0
	) ` + where + ` ORDER BY dkey, kind, rid`
	if limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", limit+1)
	}
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, "", err
	}
	type ref struct {
		kind     string
		rid, aid int64
		dkey     string
	}
	var refs []ref
	for rows.Next() {
		var r ref
		if err := rows.Scan(&r.kind, &r.rid, &r.aid, &r.dkey); err != nil {
			rows.Close()
			return nil, "", err
		}
		refs = append(refs, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	next := ""
	if limit > 0 && len(refs) > limit {
		refs = refs[:limit]
		last := refs[limit-1]
		next = encodeCursor(cursor{last.dkey + "|" + last.kind, last.rid})
	}
	hits := make([]Hit, 0, len(refs))
	for _, r := range refs {
		h, err := db.hit(ctx, query, r.kind, r.rid, r.aid)
		if err != nil {
			return nil, "", err
		}
		hits = append(hits, h)
	}
	return hits, next, nil
}

// hit fills in one search result, its snippet made for it alone so that
// only the shown page pays for snippets.
func (db *DB) hit(ctx context.Context, query, kind string, rid, aid int64) (Hit, error) {
	h := Hit{Kind: "article", ArticleID: aid}
	err := db.sql.QueryRowContext(ctx, `SELECT title, source, published FROM articles WHERE id = ?`, aid).
		Scan(&h.Title, &h.Source, &h.Published)
	if err != nil {
		return h, err
	}
	if kind == "1" {
		err = db.sql.QueryRowContext(ctx, `SELECT snippet(articles_fts, -1, '«', '»', '…', 24)
			FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?`, query, rid).Scan(&h.Snippet)
		return h, err
	}
	h.Kind, h.QuoteID = "quote", &rid
	err = db.sql.QueryRowContext(ctx, `SELECT snippet(quotes_fts, 0, '«', '»', '…', 24),
		COALESCE(s.name, q.speaker) FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid
		LEFT JOIN speakers s ON s.id = q.speaker_id
		WHERE quotes_fts MATCH ? AND quotes_fts.rowid = ?`, query, rid).Scan(&h.Snippet, &h.Speaker)
	return h, err
}
