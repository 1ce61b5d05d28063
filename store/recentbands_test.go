package store

import (
	"slices"
	"testing"
)

// Articles that share band keys are all found, and removing one leaves the
// others, whichever was added first.
func TestRecentBandsShareKeys(t *testing.T) {
	r := newRecentBands()
	r.add([]uint64{1, 2, 3}, 10)
	r.add([]uint64{3, 4}, 11)
	r.add([]uint64{3, 5}, 12)
	if got := r.articles([]uint64{3}, nil); !slices.Equal(got, []int64{10, 11, 12}) {
		t.Errorf("key 3: articles %v, want 10, 11, 12", got)
	}
	r.remove([]uint64{1, 2, 3}, 10) // the first with key 3
	r.remove([]uint64{3, 5}, 12)    // the last
	if got := r.articles([]uint64{1, 2, 3, 5}, nil); !slices.Equal(got, []int64{11}) {
		t.Errorf("after removing 10 and 12: articles %v, want 11", got)
	}
	r.remove([]uint64{3, 4}, 99) // not there: nothing changes
	if r.keys != 2 {
		t.Errorf("%d pairs held, want 2", r.keys)
	}
	if got := r.pairs(); !slices.Equal(got, [][2]int64{{3, 11}, {4, 11}}) {
		t.Errorf("pairs %v", got)
	}
	r.remove([]uint64{3, 4}, 11)
	if r.keys != 0 || len(r.first) != 0 || len(r.more) != 0 {
		t.Errorf("emptied: %d pairs, %d keys, %d shared keys left", r.keys, len(r.first), len(r.more))
	}
}
