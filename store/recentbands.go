package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"chronicle/dedup"
)

// recentBands are the band keys of the originals stored since lsh was last
// folded (articles above the mark lsh_folded), held by the writer in memory
// rather than in a table. Inserted into a table keyed by band key an
// article at a time, they landed on random pages of it, and each commit
// wrote most of those pages again: schema 6 kept them in a small table of
// their own (lsh_new), and still a fifth of the bytes a 20,000-article
// ingest wrote were its pages. The articles' signatures hold the keys, so a
// writer reads them back from there when it starts; foldBands moves them
// into lsh, in key order, a million at a time.
type recentBands struct {
	first map[uint64]int64   // band key -> an article with it
	more  map[uint64][]int64 // band key -> further articles with it (originals seldom share a key)
	keys  int                // pairs of key and article held
}

func newRecentBands() *recentBands {
	return &recentBands{first: map[uint64]int64{}, more: map[uint64][]int64{}}
}

// add records the band keys of original article id.
func (r *recentBands) add(keys []uint64, id int64) {
	for _, k := range keys {
		if _, ok := r.first[k]; ok {
			r.more[k] = append(r.more[k], id)
		} else {
			r.first[k] = id
		}
		r.keys++
	}
}

// remove forgets article id's band keys (it became a copy).
func (r *recentBands) remove(keys []uint64, id int64) {
	for _, k := range keys {
		first, ok := r.first[k]
		if !ok {
			continue
		}
		more := r.more[k]
		if first == id {
			if len(more) == 0 {
				delete(r.first, k)
			} else {
				r.first[k] = more[0]
				r.setMore(k, more[1:])
			}
		} else if i := slices.Index(more, id); i >= 0 {
			r.setMore(k, slices.Delete(more, i, i+1))
		} else {
			continue
		}
		r.keys--
	}
}

func (r *recentBands) setMore(k uint64, more []int64) {
	if len(more) == 0 {
		delete(r.more, k)
	} else {
		r.more[k] = more
	}
}

// articles appends the articles that have any of keys to out.
func (r *recentBands) articles(keys []uint64, out []int64) []int64 {
	for _, k := range keys {
		if id, ok := r.first[k]; ok {
			out = append(out, id)
			out = append(out, r.more[k]...)
		}
	}
	return out
}

// pairs are the keys and their articles, in the order of lsh's key.
func (r *recentBands) pairs() [][2]int64 {
	out := make([][2]int64, 0, r.keys)
	for k, id := range r.first {
		out = append(out, [2]int64{int64(k), id})
		for _, id := range r.more[k] {
			out = append(out, [2]int64{int64(k), id})
		}
	}
	slices.SortFunc(out, func(a, b [2]int64) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	return out
}

// foldedMark is the largest article ID whose band keys are in lsh.
func foldedMark(ctx context.Context, q rowQuerier) (int64, error) {
	v, ok, err := metaValue(ctx, q, "lsh_folded")
	if err != nil || !ok {
		return 0, err
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("lsh_folded = %q", v)
	}
	return n, nil
}

// loadRecentBands reads the band keys of the originals above the folded
// mark from their signatures: at most about lshFoldRows/dedup.Bands
// articles, whose rows were written last.
func loadRecentBands(ctx context.Context, tx *sql.Tx) (*recentBands, error) {
	r := newRecentBands()
	after, err := foldedMark(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("recent band keys: %w", err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, signature FROM articles
		WHERE id > ? AND duplicate_of IS NULL AND signature IS NOT NULL ORDER BY id`, after)
	if err != nil {
		return nil, fmt.Errorf("recent band keys: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var b []byte
		if err := rows.Scan(&id, &b); err != nil {
			return nil, fmt.Errorf("recent band keys: %w", err)
		}
		if sig, err := dedup.Unmarshal(b); err == nil {
			r.add(sig.Bands(), id)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("recent band keys: %w", err)
	}
	return r, nil
}

// lshFoldRows is how many band keys the writer gathers in memory before
// they move to lsh: about 50,000 articles' worth, 36 MiB of memory.
// A fold changes most pages of lsh once, where inserting the same keys a
// batch at a time changed them 25 times.
var lshFoldRows = 1 << 20 // a variable for tests

// foldBands moves the recent band keys into lsh, in key order, once there
// are lshFoldRows of them; top is the largest article ID stored.
func foldBands(ctx context.Context, tx *sql.Tx, r *recentBands, top int64) error {
	if r.keys < lshFoldRows {
		return nil
	}
	const perInsert = 100
	ins, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO lsh (band_key, article_id) VALUES (?, ?)`+
		strings.Repeat(", (?, ?)", perInsert-1))
	if err != nil {
		return fmt.Errorf("move band keys to lsh: %w", err)
	}
	defer ins.Close()
	one, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO lsh (band_key, article_id) VALUES (?, ?)`)
	if err != nil {
		return fmt.Errorf("move band keys to lsh: %w", err)
	}
	defer one.Close()
	pairs := r.pairs()
	args := make([]any, 0, 2*perInsert)
	for len(pairs) > 0 {
		st, n := ins, perInsert
		if len(pairs) < perInsert {
			st, n = one, 1
		}
		args = args[:0]
		for _, p := range pairs[:n] {
			args = append(args, p[0], p[1])
		}
		if _, err := st.ExecContext(ctx, args...); err != nil {
			return fmt.Errorf("move band keys to lsh: %w", err)
		}
		pairs = pairs[n:]
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('lsh_folded', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, strconv.FormatInt(top, 10)); err != nil {
		return fmt.Errorf("move band keys to lsh: %w", err)
	}
	*r = *newRecentBands()
	return nil
}
