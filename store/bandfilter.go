package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/bits"

	"chronicle/dedup"
)

// bandFilter tells the writer, from memory, that an article's band keys
// are not in lsh, so that it need not look. Most articles
// copy nothing: their twenty keys are nowhere, and finding that out cost
// forty B-tree searches per article: 186 µs at 20,000 articles, a
// quarter of the writer's time, and 1.19 ms at a million, once lsh
// outgrows the page cache (BenchmarkBandLookup). A "maybe" runs
// the query as before, so near-duplicates are found exactly as without the
// filter: it never says "no" to a key it was given.
//
// It is a split-block Bloom filter: a key sets one bit in each word of a
// block of bandProbes words (64 bytes: one or two cache misses per key),
// at 16 bits per key. A key not given passes about one time in 1,000 when
// a layer is full (TestBandFilterFalsePositives). A full filter grows by a
// layer as large as the layers before it together, rather than be made
// again larger: reading the band keys back costs 38-80 µs an article
// (BenchmarkBandFilterLoad; 37 s at a million articles). A run into an
// empty database has six layers at a million articles, and about one
// article in ten runs the query in vain.
type bandFilter struct {
	layers []bloomLayer // the last one takes the new keys
	keys   int          // added so far
}

type bloomLayer struct {
	words     []uint64
	keys, cap int
}

const (
	bandBitsPerKey = 16
	bandProbes     = 8
	minBandKeys    = 1 << 20 // 2 MiB
)

func newBandFilter(capacity int) *bandFilter {
	f := &bandFilter{}
	f.grow(max(capacity, minBandKeys))
	return f
}

func (f *bandFilter) grow(capacity int) {
	blocks := max(1, capacity*bandBitsPerKey/(64*bandProbes))
	f.layers = append(f.layers, bloomLayer{words: make([]uint64, blocks*bandProbes), cap: capacity})
}

// block returns the first word of key k's block in l, and the bits it
// sets in each of the block's words (six bits of the hash each). Band keys
// are hashes already; mixing them again keeps block and bits unrelated.
func (l *bloomLayer) block(k uint64) (int, uint64) {
	h := k*0x9e3779b97f4a7c15 + 0x6a09e667f3bcc909
	h ^= h >> 29
	i, _ := bits.Mul64(h, uint64(len(l.words)/bandProbes))
	return int(i) * bandProbes, h * 0xbf58476d1ce4e5b9
}

func (f *bandFilter) add(keys []uint64) {
	for _, k := range keys {
		l := &f.layers[len(f.layers)-1]
		if l.keys >= l.cap {
			f.grow(f.keys)
			l = &f.layers[len(f.layers)-1]
		}
		i, h := l.block(k)
		for j := range bandProbes {
			l.words[i+j] |= 1 << (h >> (6 * j) & 63)
		}
		l.keys++
		f.keys++
	}
}

// mayHave reports whether any of keys may have been added.
func (f *bandFilter) mayHave(keys []uint64) bool {
	for _, k := range keys {
		for li := range f.layers {
			l := &f.layers[li]
			i, h := l.block(k)
			hit := true
			for j := range bandProbes {
				hit = hit && l.words[i+j]&(1<<(h>>(6*j)&63)) != 0
			}
			if hit {
				return true
			}
		}
	}
	return false
}

// bytes is the filter's size in memory.
func (f *bandFilter) bytes() int {
	n := 0
	for _, l := range f.layers {
		n += 8 * len(l.words)
	}
	return n
}

// bandMemo is what the writer keeps of the band keys across its batches:
// the recent ones (recentBands), the filter, and when to make the filter.
type bandMemo struct {
	recent *recentBands
	f      *bandFilter // nil until built
	// upTo is the largest article ID when recent and f last matched the
	// tables, -1 during a batch; another largest ID means another writer
	// (or a rolled back batch) changed them, and they are read again.
	upTo    int64
	lookups int  // articles looked up without a filter in this run
	built   bool // once built, a stale filter is rebuilt at once
}

// bandScanShare says when a run builds the filter of a database it did
// not start empty: once it has looked up 1/bandScanShare as many articles
// as the database holds. Reading an article's keys back costs at most
// about half of looking them up (80 against 186 µs at 20,000 articles; 38
// µs against 1.19 ms at a million, BenchmarkBandFilterLoad and
// BenchmarkBandLookup), so by then the lookups have cost at least what
// the scan will: the run pays at most about twice what it would with the
// best choice, whatever its length, and a small ingest into a large
// corpus never reads all the keys.
const bandScanShare = 2

// sync readies the band keys for a batch: it reads the recent keys again
// and drops the filter if the tables changed since the last commit, and
// builds a filter when the run has earned it. It returns the filter to
// use, nil for none, and the recent keys.
func (b *bandMemo) sync(ctx context.Context, tx *sql.Tx) (*bandFilter, *recentBands, error) {
	var top int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM articles`).Scan(&top); err != nil {
		return nil, nil, fmt.Errorf("band keys: %w", err)
	}
	if b.recent == nil || b.upTo != top {
		r, err := loadRecentBands(ctx, tx)
		if err != nil {
			return nil, nil, err
		}
		b.recent, b.f = r, nil
	}
	b.upTo = -1 // until the batch commits
	if b.f == nil && (b.built || int64(b.lookups)*bandScanShare >= top) {
		f, err := loadBandFilter(ctx, tx, top, b.recent)
		if err != nil {
			return nil, nil, err
		}
		b.f, b.built = f, true
	}
	return b.f, b.recent, nil
}

// loadBandFilter builds a filter of every key in lsh and recent, sized
// for the keys of articles up to top (an original has dedup.Bands keys, a
// copy none): counting the keys would read the table twice.
func loadBandFilter(ctx context.Context, tx *sql.Tx, top int64, recent *recentBands) (*bandFilter, error) {
	f := newBandFilter(int(top) * dedup.Bands)
	var k [1]uint64
	for k[0] = range recent.first {
		f.add(k[:])
	}
	rows, err := tx.QueryContext(ctx, `SELECT band_key FROM lsh`)
	if err != nil {
		return nil, fmt.Errorf("near-duplicate filter: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var v int64
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("near-duplicate filter: %w", err)
		}
		k[0] = uint64(v)
		f.add(k[:])
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("near-duplicate filter: %w", err)
	}
	return f, nil
}

// committed records a batch's outcome: the recent keys and the filter
// match the tables up to article top; the lookups it made without a
// filter count towards building one.
func (b *bandMemo) committed(looked int, top int64) {
	b.lookups += looked
	b.upTo = top
}
