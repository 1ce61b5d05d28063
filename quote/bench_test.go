package quote

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

// polnearTexts loads the PolNeAR article texts from ../shared when they are
// there (they are not part of the repository).
func polnearTexts(tb testing.TB) []string {
	tb.Helper()
	var texts []string
	for _, p := range []string{"../../shared/data/polnear/train.input.jsonl", "../../shared/data/polnear/dev.input.jsonl"} {
		f, err := os.Open(p)
		if err != nil {
			tb.Skipf("PolNeAR texts not available: %v", err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		for sc.Scan() {
			var r struct{ Text string }
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				tb.Fatalf("%s: %v", p, err)
			}
			texts = append(texts, r.Text)
		}
		f.Close()
	}
	return texts
}

// BenchmarkExtract runs quote and entity extraction over the PolNeAR texts
// and reports articles and bytes per second.
func BenchmarkExtract(b *testing.B) {
	texts := polnearTexts(b)
	total := 0
	for _, t := range texts {
		total += len(t)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			Extract(t, Options{})
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(b.N*len(texts))/sec, "articles/s")
}
