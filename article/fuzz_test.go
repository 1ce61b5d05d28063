package article

import (
	"context"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// The fuzz targets run their seed corpus under go test; run one for longer
// with, e.g., go test ./article -run XXX -fuzz FuzzReadCSV -fuzztime 1m.

func addFixtures(f *testing.F, paths ...string) {
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// checkItems reads in with read and checks what every reader promises:
// no panic, each item named, each article with valid UTF-8 text.
func checkItems(t *testing.T, read func(fn func(Item) error) error) {
	err := read(func(it Item) error {
		a, err := it.Load()
		if it.Where == "" {
			t.Fatalf("item without a name: %+v", it)
		}
		if err == nil && (strings.TrimSpace(a.Text) == "" || !utf8.ValidString(a.Text)) {
			t.Fatalf("%s: article text empty or not UTF-8: %q", it.Where, a.Text)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("read: %v", err)
	}
}

func FuzzParseJSONLine(f *testing.F) {
	for _, line := range strings.Split(readFixtureF(f, "testdata/articles.jsonl"), "\n") {
		f.Add([]byte(line))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		a, html, err := ParseJSONLine(line)
		if err == nil && html == nil && (strings.TrimSpace(a.Text) == "" || !utf8.ValidString(a.Text)) {
			t.Fatalf("accepted line with empty or invalid text: %q", line)
		}
		if a.Published != "" {
			if _, ok := NormalizeDate(a.Published); !ok {
				t.Fatalf("published %q is not a date we print", a.Published)
			}
		}
	})
}

func FuzzReadCSV(f *testing.F) {
	addFixtures(f, "testdata/export.csv")
	f.Add([]byte("id,text\n\"unclosed,quote\n"))
	f.Add([]byte("text\n\xff\xfe\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		checkItems(t, func(fn func(Item) error) error {
			return readCSV(context.Background(), "fuzz.csv", strings.NewReader(string(in)), fn)
		})
	})
}

func FuzzFromHTML(f *testing.F) {
	addFixtures(f, "testdata/harbour.html")
	f.Add([]byte("<p>unclosed <b>tags <i>everywhere"))
	f.Add([]byte("<html><body><p>caf\xe9 in latin-1</p></body></html>"))
	f.Fuzz(func(t *testing.T, page []byte) {
		a, err := fromHTML(page, Article{ID: "fuzz"})
		if err == nil && (strings.TrimSpace(a.Text) == "" || !utf8.ValidString(a.Text)) {
			t.Fatalf("page gave empty or invalid text: %q", a.Text)
		}
	})
}

// FuzzStdin feeds arbitrary bytes to "-", through sniffing and whichever
// reader it picks.
func FuzzStdin(f *testing.F) {
	addFixtures(f, "testdata/articles.jsonl", "testdata/feed.rss", "testdata/feed.atom",
		"testdata/harbour.html", "testdata/ferry.txt", "testdata/blob")
	f.Fuzz(func(t *testing.T, in []byte) {
		r := &Reader{Stdin: strings.NewReader(string(in))}
		checkItems(t, func(fn func(Item) error) error {
			return r.items(context.Background(), []string{"-"}, fn)
		})
	})
}

func readFixtureF(f *testing.F, path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	return string(b)
}
