package quote

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFixtures runs the extractor over articles we wrote ourselves
// (testdata/*.txt) and compares with the quotes and speakers we marked by
// hand (testdata/*.json): every quote found, with its kind and speaker,
// and nothing else.
func TestFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var want []struct{ Text, Kind, Speaker string }
			js, err := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".json")
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(js, &want); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			s := string(raw)
			got := Extract(s, Options{Headline: true}).Quotes
			found := map[string]Quote{}
			for _, q := range got {
				found[s[q.Content.Start:q.Content.End]] = q
			}
			for _, w := range want {
				q, ok := found[w.Text]
				if !ok {
					t.Errorf("missing quote %q", w.Text)
					continue
				}
				if q.Kind.String() != w.Kind || q.Speaker != w.Speaker {
					t.Errorf("quote %q: kind %s speaker %q, want %s %q", w.Text, q.Kind, q.Speaker, w.Kind, w.Speaker)
				}
				delete(found, w.Text)
			}
			for text, q := range found {
				t.Errorf("unexpected quote %q (%s, %q)", text, q.Kind, q.Speaker)
			}
		})
	}
}
