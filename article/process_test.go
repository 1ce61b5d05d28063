package article

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeJSONL writes n articles to a JSONL file, with a broken line every
// brokenEvery lines, and returns its path.
func writeJSONL(t *testing.T, n, brokenEvery int) string {
	t.Helper()
	var b strings.Builder
	for i := 1; i <= n; i++ {
		if i%brokenEvery == 0 {
			b.WriteString("{broken\n")
			continue
		}
		fmt.Fprintf(&b, `{"id":"a%d","text":"Article number %d."}`+"\n", i, i)
	}
	path := filepath.Join(t.TempDir(), "many.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestProcessKeepsInputOrder(t *testing.T) {
	path := writeJSONL(t, 500, 7)
	for _, workers := range []int{1, 3, 8} {
		t.Run(fmt.Sprint(workers, " workers"), func(t *testing.T) {
			var got []string
			err := Process(context.Background(), &Reader{}, []string{path}, workers,
				func(it Item) string {
					if it.Err != nil {
						return "fail " + it.Where
					}
					return it.Article.ID
				},
				func(s string) error { got = append(got, s); return nil })
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 500 {
				t.Fatalf("got %d results, want 500", len(got))
			}
			for i, s := range got {
				want := fmt.Sprintf("a%d", i+1)
				if (i+1)%7 == 0 {
					want = fmt.Sprintf("fail %s:%d", path, i+1)
				}
				if s != want {
					t.Fatalf("result %d = %q, want %q", i, s, want)
				}
			}
		})
	}
}

func TestProcessStopsOnEmitError(t *testing.T) {
	path := writeJSONL(t, 1000, 1000)
	stop := errors.New("stop")
	n := 0
	err := Process(context.Background(), &Reader{}, []string{path}, 4,
		func(it Item) Item { return it },
		func(Item) error {
			if n++; n == 10 {
				return stop
			}
			return nil
		})
	if !errors.Is(err, stop) {
		t.Errorf("Process returned %v, want the emit error", err)
	}
	if n != 10 {
		t.Errorf("emit called %d times, want 10 (none after its error)", n)
	}
}

func TestProcessCancelled(t *testing.T) {
	path := writeJSONL(t, 1000, 1000)
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	err := Process(ctx, &Reader{}, []string{path}, 2,
		func(it Item) Item { return it },
		func(Item) error {
			if n++; n == 5 {
				cancel()
			}
			return nil
		})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Process returned %v, want context.Canceled", err)
	}
	if n >= 1000 {
		t.Errorf("all %d items emitted despite cancel", n)
	}
}
