package store

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chronicle/article"
	"chronicle/dedup"
	"chronicle/extract"
)

// The writer gives a quotation the speaker the last merge gave its name,
// as it stores it; before any merge it looks no name up and leaves them
// all to the merge.
func TestWriterKnownNames(t *testing.T) {
	b, err := os.ReadFile("testdata/news.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var first struct{ Text, Source string }
	if err := json.Unmarshal([]byte(strings.SplitN(string(b), "\n", 2)[0]), &first); err != nil {
		t.Fatal(err)
	}
	// The first article again, with a line more: stored anew, under the
	// same speaker names.
	a := article.Article{ID: "late-1", Source: first.Source, Text: first.Text + "\n\nThe council meets again on Friday."}
	ctx := context.Background()
	for _, merged := range []bool{false, true} {
		db := openTest(t)
		if merged {
			ingest(t, db, "testdata/news.jsonl")
		}
		it := extracted(item{where: a.ID, art: a, hash: dedup.ContentHash(a.Text)}, extract.Options{})
		conn, err := db.w.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		_, _, err = db.writeBatch(ctx, conn, []item{it}, &speakerNames{version: "none"}, &bandMemo{})
		conn.Close()
		if err != nil {
			t.Fatal(err)
		}
		const of = ` FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.input_id = 'late-1' AND q.speaker IS NOT NULL`
		named, assigned := count(t, db, `SELECT COUNT(*)`+of), count(t, db, `SELECT COUNT(*)`+of+` AND q.speaker_id IS NOT NULL`)
		if named == 0 {
			t.Fatal("no quotation of late-1 has a speaker name: the test tests nothing")
		}
		if want := map[bool]int{false: 0, true: named}[merged]; assigned != want {
			t.Errorf("merged before: %v: %d of %d named quotations have a speaker, want %d", merged, assigned, named, want)
		}
	}
}

// An article of many quotations stores them all, numbered in order, each
// in the full-text index.
func TestManyQuotations(t *testing.T) {
	var text strings.Builder
	text.WriteString("Harbour board hears from the public\n\nThe harbour board heard from the public on Tuesday in Bergen.")
	const n = 71
	for i := range n {
		fmt.Fprintf(&text, "\n\n\"The ferry on route %d must run all winter, and word%d is the reason,\" said Mari Solheim, a fisher.", i, i)
	}
	p := filepath.Join(t.TempDir(), "many.jsonl")
	line, err := json.Marshal(map[string]string{"id": "many-1", "source": "Bergen Post", "published": "2024-05-07", "text": text.String()})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, append(line, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	db := openTest(t)
	ingest(t, db, p)
	if got := count(t, db, `SELECT COUNT(*) FROM quotes`); got != n {
		t.Fatalf("%d quotations stored, want %d", got, n)
	}
	if bad := count(t, db, `SELECT COUNT(*) FROM quotes WHERE id - seq != (SELECT MIN(id) FROM quotes)`); bad != 0 {
		t.Errorf("%d quotations out of order", bad)
	}
	for _, w := range []string{"word0", fmt.Sprintf("word%d", n-1)} {
		qs, _, err := db.Quotes(context.Background(), QuoteFilter{About: w})
		if err != nil || len(qs) != 1 {
			t.Errorf("quotations about %s: %d, %v; want 1", w, len(qs), err)
		}
	}
}
